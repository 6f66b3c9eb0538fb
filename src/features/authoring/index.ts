import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { registerCompletion } from './completion';
import { activateDiagnostics } from './diagnostics';
import { newNote, type NewNoteArgs } from './newNote';

/** Writing one's own notes: live lint of the user's notes, "New Note…", completion of links and lists. */
export function activateAuthoring(context: vscode.ExtensionContext, host: NotesHost): void {
  activateDiagnostics(context, host);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newNote, (args?: NewNoteArgs) => newNote(host, args)),
    registerCompletion(host),
  );
}
