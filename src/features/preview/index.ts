import * as vscode from 'vscode';
import { Commands, toNoteTarget } from '../commands';
import type { NotesHost } from '../notesHost';
import { openNoteSource } from '../navigation/openSource';

/** `Open Note`. Until the rendered preview lands, a note opens as its Markdown source. */
export function activatePreview(context: vscode.ExtensionContext, host: NotesHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openNote, async (arg: unknown) => {
      const target = toNoteTarget(arg);
      if (!target) return;
      await host.ready();
      const note = host.kb.getNote(target.id);
      if (!note) {
        void vscode.window.showWarningMessage(vscode.l10n.t('No note with id "{0}".', target.id));
        return;
      }
      host.markOpened(note.id);
      await openNoteSource(note, target);
    }),
  );
}
