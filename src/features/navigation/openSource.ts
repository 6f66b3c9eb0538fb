import * as vscode from 'vscode';
import type { Note } from '../../core';
import type { NoteTarget } from '../commands';

/** Opens a note's Markdown file, at a heading's (or a given) line when the target names one. */
export async function openNoteSource(note: Note, target: NoteTarget, options: { preview?: boolean } = {}): Promise<vscode.TextEditor> {
  const heading = target.heading ? note.headings.find((h) => h.slug === target.heading) : undefined;
  const line = heading?.line ?? target.line ?? 0;
  const position = new vscode.Position(line, 0);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(note.path), {
    preview: options.preview ?? true,
    selection: new vscode.Range(position, position),
  });
  editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.AtTop);
  return editor;
}
