import * as vscode from 'vscode';
import { Commands, toNoteTarget } from '../commands';
import type { NotesHost } from '../notesHost';
import { BUNDLED_SCHEME, BundledSourceProvider, bundledNoteOf, copyToMyNotes } from './bundledSource';
import { openExample } from './openExample';
import { openNoteSource } from './openSource';

/**
 * `Open Source` (a note's Markdown at the right line; bundled notes read-only), `Copy to My Notes`, `Open to the
 * Side` and `Reveal in Explorer` (the tree's context menu).
 */
export function activateNavigation(context: vscode.ExtensionContext, host: NotesHost): void {
  let toldReadOnly = false;
  const noteOf = async (arg: unknown) => {
    const target = toNoteTarget(arg);
    if (!target) return undefined;
    const note = await host.requireNote(target);
    return note ? { note, target } : undefined;
  };
  context.subscriptions.push(
    vscode.workspace.registerFileSystemProvider(BUNDLED_SCHEME, new BundledSourceProvider(host), { isReadonly: true, isCaseSensitive: true }),
    vscode.commands.registerCommand(Commands.openSource, async (arg: unknown) => {
      const found = await noteOf(arg);
      if (!found) return undefined;
      const readOnly = host.isBundled(found.note);
      const editor = await openNoteSource(found.note, found.target, { preview: false, readOnly, uriOf: host.uriOf });
      if (readOnly && !toldReadOnly) {
        toldReadOnly = true;
        const copy = vscode.l10n.t('Copy to My Notes');
        // Not awaited: the command is done once the source is open; the offer stays until the user answers.
        void vscode.window
          .showInformationMessage(
            vscode.l10n.t('Bundled notes are read-only: an update of the extension would replace them. Copy this note to your notes folder to customise it.'),
            copy,
          )
          .then((choice) => (choice === copy ? copyToMyNotes(host, found.note) : undefined));
      }
      return editor.document.uri.toString();
    }),
    vscode.commands.registerCommand(Commands.copyToMyNotes, async (arg: unknown) => {
      await host.ready();
      const note = bundledNoteOf(host, arg) ?? (await noteOf(arg))?.note;
      if (!note) return undefined;
      return (await copyToMyNotes(host, note))?.toString();
    }),
    vscode.commands.registerCommand(Commands.openNoteToSide, async (arg: unknown) => {
      const target = toNoteTarget(arg);
      if (target) await vscode.commands.executeCommand(Commands.openNote, { ...target, side: true });
    }),
    vscode.commands.registerCommand(Commands.openExample, async () => (await openExample(host.extensionUri)).document.uri.toString()),
    vscode.commands.registerCommand(Commands.revealInExplorer, async (arg: unknown) => {
      const found = await noteOf(arg);
      if (found) await vscode.commands.executeCommand('revealInExplorer', host.uriOf(found.note.path));
    }),
  );
}
