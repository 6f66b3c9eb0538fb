import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { activateDiagnostics } from './diagnostics';
import { newNote, type NewNoteArgs } from './newNote';

/** Writing one's own notes: live lint of the user's notes and "New Note…". */
export function activateAuthoring(context: vscode.ExtensionContext, host: NotesHost): void {
  activateDiagnostics(context, host);
  context.subscriptions.push(vscode.commands.registerCommand(Commands.newNote, (args?: NewNoteArgs) => newNote(host, args)));
}
