import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { addToMyNotes, type AddToMyNotesArgs } from './addToMyNotes';
import { registerCompletion } from './completion';
import { registerFormulaHover } from './formulaHover';
import { registerLinkNavigation } from './linkNavigation';
import { activateDiagnostics } from './diagnostics';
import { newNote, type NewNoteArgs } from './newNote';
import { registerRenameLinks } from './renameLinks';

/** Writing one's own notes: live lint of the user's notes, "New Note…", completion of links and lists, "Add to My Notes", links kept on renames. */
export function activateAuthoring(context: vscode.ExtensionContext, host: NotesHost): void {
  activateDiagnostics(context, host);
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.newNote, (args?: NewNoteArgs) => newNote(host, args)),
    vscode.commands.registerCommand(Commands.addToMyNotes, (args?: AddToMyNotesArgs) => addToMyNotes(host, args)),
    registerCompletion(host),
    registerLinkNavigation(host),
    registerFormulaHover(host),
    registerRenameLinks(host),
  );
}
