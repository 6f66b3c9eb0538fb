import * as vscode from 'vscode';
import { isInsideRoot, type Note } from '../../core';
import type { NotesHost } from '../notesHost';

/** The user's own notes folders: every configured root but the bundled notes (which are never written to). */
export function userRoots(host: NotesHost): string[] {
  return host.roots.filter((r) => r !== host.bundledRoot);
}

/** The user notes folder holding a file, or undefined when the file is not in one. */
export function userRootOf(host: NotesHost, uri: vscode.Uri): string | undefined {
  const file = host.pathOf(uri);
  if (file === undefined) return undefined;
  // The innermost root: a user folder inside another one owns its files.
  return userRoots(host)
    .filter((r) => isInsideRoot(file, r))
    .sort((a, b) => b.length - a.length)[0];
}

/** A Markdown document inside one of the user's notes folders. */
export function isUserNoteDocument(host: NotesHost, document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && document.uri.path.toLowerCase().endsWith('.md') && userRootOf(host, document.uri) !== undefined;
}

/** The loaded notes of the user's folders. */
export function userNotes(host: NotesHost, notes: Iterable<Note>): Note[] {
  const roots = new Set(userRoots(host));
  return [...notes].filter((n) => roots.has(n.root) && !n.error);
}

// Any scheme: in the browser the user's notes are `vscode-remote:`, `vscode-vfs:` … files (isUserNoteDocument decides).
export const markdownSelector: vscode.DocumentSelector = { language: 'markdown' };
