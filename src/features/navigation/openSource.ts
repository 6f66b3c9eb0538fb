import * as vscode from 'vscode';
import type { Note } from '../../core';
import type { NoteTarget } from '../commands';
import { bundledSourceUri } from './bundledSource';

/** Opens a note's Markdown file, at a heading's (or a given) line when the target names one. */
export async function openNoteSource(note: Note, target: NoteTarget, options: { preview?: boolean; readOnly?: boolean; side?: boolean; uriOf?: (path: string) => vscode.Uri } = {}): Promise<vscode.TextEditor> {
  const heading = target.heading ? note.headings.find((h) => h.slug === target.heading) : undefined;
  const line = heading?.line ?? target.line ?? 0;
  const position = new vscode.Position(line, 0);
  // A bundled note opens read-only (bundledSource.ts): edits in the install folder would be lost on update.
  const uri = options.readOnly ? bundledSourceUri(note) : (options.uriOf ?? vscode.Uri.file)(note.path);
  const editor = await vscode.window.showTextDocument(uri, {
    preview: options.preview ?? true,
    selection: new vscode.Range(position, position),
    viewColumn: options.side ? vscode.ViewColumn.Beside : undefined,
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return editor;
}
