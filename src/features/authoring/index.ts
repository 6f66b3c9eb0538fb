import type * as vscode from 'vscode';
import type { NotesHost } from '../notesHost';
import { activateDiagnostics } from './diagnostics';

/** Writing one's own notes: live lint, new notes, completion and links, "Add to My Notes", formula hovers, renames. */
export function activateAuthoring(context: vscode.ExtensionContext, host: NotesHost): void {
  activateDiagnostics(context, host);
}
