import * as vscode from 'vscode';
import { Commands, toNoteTarget } from '../commands';
import type { NotesHost } from '../notesHost';
import { openNoteSource } from './openSource';

/** `Open Source`: a note's Markdown file at the right line. */
export function activateNavigation(context: vscode.ExtensionContext, host: NotesHost): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.openSource, async (arg: unknown) => {
      const target = toNoteTarget(arg);
      if (!target) return;
      const note = await host.requireNote(target);
      if (note) await openNoteSource(note, target, { preview: false });
    }),
  );
}
