import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { ConceptAnalyses } from './conceptAnalyses';
import { CONCEPT_HELP_VIEW_ID, ConceptHelpView } from './conceptHelpView';
import { copyFileConcepts } from './copyMarkdown';
import { FILE_CONCEPTS_EXPLORER_VIEW_ID, FILE_CONCEPTS_VIEW_ID, FileConceptsProvider } from './fileConceptsProvider';
import { revealOccurrence } from './revealOccurrence';
import { HAS_WHERE_USED, WHERE_USED_VIEW_ID, WhereUsedProvider } from './whereUsedView';
import { WhereUsedSearch } from './whereUsedSearch';

/** What the concepts views expose on the extension's API (tests read them). */
export interface ConceptsApi {
  fileConcepts: FileConceptsProvider;
  conceptHelp: ConceptHelpView;
  fileConceptsViews: vscode.TreeView<unknown>[];
  whereUsed: WhereUsedProvider;
  findWhereUsed: WhereUsedSearch;
}

/** "Concepts in this File" (AI Notes container and Explorer), "Concept Help" and "Where Used", over one shared analysis cache. */
export function activateConcepts(context: vscode.ExtensionContext, host: NotesHost): { concepts: ConceptsApi } {
  const analyses = new ConceptAnalyses(host);
  const provider = new FileConceptsProvider(host, analyses);
  const views = [FILE_CONCEPTS_VIEW_ID, FILE_CONCEPTS_EXPLORER_VIEW_ID].map((id) => vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true }));
  const showMessage = () => {
    for (const v of views) v.message = provider.message();
  };
  const help = new ConceptHelpView(host, analyses);
  const whereUsed = new WhereUsedProvider((file) => vscode.Uri.parse(file));
  const whereUsedView = vscode.window.createTreeView(WHERE_USED_VIEW_ID, { treeDataProvider: whereUsed, showCollapseAll: true });
  const search = new WhereUsedSearch(host, analyses, whereUsed, whereUsedView as vscode.TreeView<unknown>);
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
    whereUsed,
    whereUsedView,
    search,
    vscode.commands.registerCommand(Commands.findWhereUsed, (arg?: unknown) => search.run(arg)),
    vscode.commands.registerCommand(Commands.clearWhereUsed, async () => {
      whereUsed.set({ kind: 'idle' });
      whereUsedView.message = '';
      whereUsedView.description = '';
      await vscode.commands.executeCommand('setContext', HAS_WHERE_USED, false);
    }),
  );
  return { concepts: { fileConcepts: provider, conceptHelp: help, fileConceptsViews: views as vscode.TreeView<unknown>[], whereUsed, findWhereUsed: search } };
}
