import * as vscode from 'vscode';
import { Commands, toNoteTarget } from '../commands';
import { addNotesFolders, onDidChangeSettings, openSetting } from '../configuration';
import type { NotesHost } from '../notesHost';
import { showNoteProblems } from './problemsPick';
import { NoteTreeProvider, TREE_VIEW_ID } from './noteTreeProvider';

export { TREE_VIEW_ID };

/** The Notes tree view: topics → notes → headings, refreshed whenever the knowledge base reloads. */
export function activateTree(context: vscode.ExtensionContext, host: NotesHost): { tree: NoteTreeProvider } {
  const provider = new NoteTreeProvider(host);
  const view = vscode.window.createTreeView(TREE_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  let shownId: string | undefined;
  const selectShown = () => {
    const node = shownId ? provider.noteNode(shownId) : undefined;
    if (node && view.selection[0] !== node) void Promise.resolve(view.reveal(node, { select: true, focus: false, expand: false })).catch(() => undefined);
  };
  context.subscriptions.push(provider, view);

  const showProblems = () => {
    const s = host.kb.current;
    if (!s) return;
    const folderErrors = s.problems.filter((p) => host.roots.includes(p.path));
    const noteErrors = s.problems.filter((p) => !host.roots.includes(p.path) && p.severity === 'error');
    const parts: string[] = [];
    for (const p of folderErrors) parts.push(vscode.l10n.t('Folder {0}: {1}', p.path, p.message));
    if (noteErrors.length) parts.push(vscode.l10n.t('{0} note file(s) have problems: run “AI Notes: Show Note Problems” to open them.', new Set(noteErrors.map((p) => p.path)).size));
    view.message = parts.length ? parts.join('  ') : undefined;
    // Once per distinct set of problems, a notification with a way to them (not on every reload).
    const key = s.problems.filter((p) => p.severity === 'error').map((p) => `${p.path}:${p.line}`).join('\n');
    if (key && key !== toldProblems) {
      toldProblems = key;
      const open = vscode.l10n.t('Show Problems');
      void vscode.window
        .showWarningMessage(vscode.l10n.t('{0} note file(s) have problems.', new Set(noteErrors.map((p) => p.path)).size + folderErrors.length), open)
        .then((choice) => (choice === open ? vscode.commands.executeCommand(Commands.showProblems) : undefined));
    }
  };
  let toldProblems = '';

  context.subscriptions.push(
    host.onDidChange((s) => {
      for (const p of s.problems) host.log.warn(`${p.path}:${p.line}: ${p.message}`);
      provider.refresh(s);
      showProblems();
    }),
    onDidChangeSettings(['tree.showHeadings'], () => provider.redraw()),
    // The selection follows the note the preview shows, as the Explorer follows the active file.
    // A note shown while the tree is hidden is selected when the tree shows again.
    host.onDidShowNote((id) => {
      shownId = id;
      if (view.visible) selectShown();
    }),
    view.onDidChangeVisibility((e) => {
      if (e.visible) selectShown();
    }),
    vscode.commands.registerCommand(Commands.showProblems, async () => showNoteProblems((await host.ready()).problems, host.uriOf)),
    vscode.commands.registerCommand(Commands.refresh, async () => {
      await host.reload();
    }),
    vscode.commands.registerCommand(Commands.revealInTree, async (arg: unknown) => {
      const target = toNoteTarget(arg);
      if (!target) return;
      await host.ready();
      const node = provider.noteNode(target.id);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
    }),
    vscode.commands.registerCommand(Commands.configureFolders, async () => {
      const picked = await vscode.window.showOpenDialog({
        canSelectFolders: true,
        canSelectFiles: false,
        canSelectMany: true,
        openLabel: vscode.l10n.t('Use as Notes Folder'),
      });
      if (picked?.length) await addNotesFolders(picked.map((u) => host.folderSetting(u)));
      else await openSetting('notesFolders');
    }),
  );
  return { tree: provider };
}
