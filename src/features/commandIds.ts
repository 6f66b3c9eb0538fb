/** Every command the extension registers, as typed constants (package.json declares the same ids). */
export const Commands = {
  refresh: 'aiNotes.refresh',
  configureFolders: 'aiNotes.configureFolders',
  openNote: 'aiNotes.openNote',
  openSource: 'aiNotes.openSource',
  lookup: 'aiNotes.lookup',
  searchNotes: 'aiNotes.searchNotes',
  explainAtCursor: 'aiNotes.explainAtCursor',
  revealInTree: 'aiNotes.revealInTree',
  copyLink: 'aiNotes.copyLink',
  copyToMyNotes: 'aiNotes.copyToMyNotes',
  openNoteToSide: 'aiNotes.openNoteToSide',
  revealInExplorer: 'aiNotes.revealInExplorer',
  showProblems: 'aiNotes.showProblems',
  openExample: 'aiNotes.openExample',
  newNote: 'aiNotes.newNote',
  addToMyNotes: 'aiNotes.addToMyNotes',
  revealOccurrence: 'aiNotes.revealConceptOccurrence',
  copyFileConcepts: 'aiNotes.copyFileConcepts',
  refreshFileConcepts: 'aiNotes.refreshFileConcepts',
  findWhereUsed: 'aiNotes.findWhereUsed',
  clearWhereUsed: 'aiNotes.clearWhereUsed',
  showHostInfo: 'aiNotes.showHostInfo',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];
