import * as vscode from 'vscode';
import type { CommandId } from './commandIds';

export { Commands, type CommandId } from './commandIds';
export { noteLink, toNoteTarget, type NoteTarget } from './noteTarget';

/** A `command:` URI for Markdown (hovers), with JSON-encoded arguments. */
export function commandUri(command: CommandId, ...args: unknown[]): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}
