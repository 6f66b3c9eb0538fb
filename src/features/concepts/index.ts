import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { ConceptAnalyses } from './conceptAnalyses';
import { CONCEPT_HELP_VIEW_ID, ConceptHelpView } from './conceptHelpView';
import { copyFileConcepts } from './copyMarkdown';
import { FILE_CONCEPTS_EXPLORER_VIEW_ID, FILE_CONCEPTS_VIEW_ID, FileConceptsProvider } from './fileConceptsProvider';
import { revealOccurrence } from './revealOccurrence';

/** What the concepts views expose on the extension's API (tests read them). */
export interface ConceptsApi {
  fileConcepts: FileConceptsProvider;
  conceptHelp: ConceptHelpView;
  fileConceptsViews: vscode.TreeView<unknown>[];
}

/** "Concepts in this File" (AI Notes container and Explorer) and "Concept Help", over one shared analysis cache. */
export function activateConcepts(context: vscode.ExtensionContext, host: NotesHost): { concepts: ConceptsApi } {
  const analyses = new ConceptAnalyses(host);
  const provider = new FileConceptsProvider(host, analyses);
  const views = [FILE_CONCEPTS_VIEW_ID, FILE_CONCEPTS_EXPLORER_VIEW_ID].map((id) => vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }));
  const showMessage = () => {
    for (const v of views) v.message = provider.message();
  };
  const help = new ConceptHelpView(host, analyses);
  context.subscriptions.push(
    provider,
    help,
    ...views,
    provider.onDidUpdate(showMessage),
    vscode.window.registerWebviewViewProvider(CONCEPT_HELP_VIEW_ID, help, { webviewOptions: { retainContextWhenHidden: false } }),
    host.onDidChange(() => {
      analyses.reset();
      void provider.refresh();
      help.refresh();
    }),
    vscode.workspace.onDidCloseTextDocument((d) => analyses.forget(d)),
    vscode.commands.registerCommand(Commands.revealOccurrence, revealOccurrence),
    vscode.commands.registerCommand(Commands.copyFileConcepts, () => copyFileConcepts(host, provider)),
    vscode.commands.registerCommand(Commands.refreshFileConcepts, () => provider.refresh()),
  );
  return { concepts: { fileConcepts: provider, conceptHelp: help, fileConceptsViews: views as vscode.TreeView<unknown>[] } };
}
