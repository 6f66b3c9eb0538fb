import * as vscode from 'vscode';
import { lintKnowledgeBase, lintNoteText, type KnowledgeBaseSnapshot, type Problem } from '../../core';
import type { NotesHost } from '../notesHost';
import { isUserNoteDocument, userRootOf, userRoots } from './userNotes';

/** How long typing must pause before the note is linted again. */
export const LINT_DELAY_MS = 300;
/** User notes linted per turn of the event loop after a full load. */
const LINT_SLICE = 250;

function toDiagnostic(p: Problem, document: vscode.TextDocument | undefined): vscode.Diagnostic {
  const line = Math.max(0, p.line - 1);
  let range: vscode.Range;
  if (document && line < document.lineCount) {
    const text = document.lineAt(line);
    range = p.column !== undefined && p.endColumn !== undefined
      ? new vscode.Range(line, p.column, line, p.endColumn)
      : new vscode.Range(line, text.firstNonWhitespaceCharacterIndex, line, text.range.end.character);
  } else {
    range = new vscode.Range(line, p.column ?? 0, line, p.endColumn ?? p.column ?? 0);
  }
  const d = new vscode.Diagnostic(range, p.message, p.severity === 'warning' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error);
  d.source = 'AI Notes';
  return d;
}

/**
 * The lint of the user's notes in the Problems panel: every user note after each load, and an open note again as
 * it is edited (debounced), with the text in the editor rather than on disk. Bundled notes are not the user's to fix.
 */
export function activateDiagnostics(context: vscode.ExtensionContext, host: NotesHost): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('aiNotes');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const lintDocument = (document: vscode.TextDocument, snapshot: KnowledgeBaseSnapshot) => {
    const root = userRootOf(host, document.uri);
    if (!root || !isUserNoteDocument(host, document)) return;
    const problems = lintNoteText(snapshot, { root, path: host.pathOf(document.uri) ?? document.uri.fsPath, text: document.getText() });
    collection.set(document.uri, problems.map((p) => toDiagnostic(p, document)));
  };

  /** Problems of the user's files among `only`, set in the Problems panel. */
  const lintSome = (snapshot: KnowledgeBaseSnapshot, only: (file: string) => boolean, open: Map<string, vscode.TextDocument>) => {
    const byPath = new Map<string, Problem[]>();
    for (const p of lintKnowledgeBase(snapshot, { only: (file) => only(file) && userRootOf(host, host.uriOf(file)) !== undefined })) {
      byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
    }
    for (const [file, problems] of byPath) {
      const document = open.get(file);
      collection.set(host.uriOf(file), problems.map((p) => toDiagnostic(p, document)));
    }
  };

  let run = 0;
  let linted: number | undefined;
  /**
   * Lints the user's notes of a snapshot. An update lints only the notes it changed; a full load lints every user
   * note, a slice at a time (10,000 notes take about two seconds), and a newer snapshot stops it.
   */
  const lintAll = async (snapshot: KnowledgeBaseSnapshot) => {
    const mine = ++run;
    const roots = userRoots(host);
    const open = new Map(vscode.workspace.textDocuments.map((d) => [host.pathOf(d.uri) ?? d.uri.toString(), d]));
    const changes = snapshot.changes;
    if (roots.length > 0 && changes && linted !== undefined && changes.from === linted) {
      const paths = new Set(changes.changed.map((id) => snapshot.notes.get(id)?.path).filter((p) => p !== undefined));
      for (const p of paths) collection.delete(host.uriOf(p));
      // Problems of notes that are gone go with them.
      collection.forEach((uri) => {
        const file = host.pathOf(uri);
        if (file !== undefined && file.toLowerCase().endsWith('.md') && !file.endsWith('_index.md') && snapshot.notes.get(host.kb.noteAtPath(file)?.id ?? '')?.path !== file) collection.delete(uri);
      });
      lintSome(snapshot, (f) => paths.has(f), open);
    } else {
      collection.clear();
      if (roots.length === 0) return;
      const userNotes = [...snapshot.notes.values()].filter((n) => userRootOf(host, host.uriOf(n.path)) !== undefined).map((n) => n.path);
      const notePaths = new Set(userNotes);
      for (let at = 0; at < userNotes.length || at === 0; at += LINT_SLICE) {
        if (at > 0) await new Promise((resolve) => setTimeout(resolve, 0));
        if (mine !== run) return;
        const slice = new Set(userNotes.slice(at, at + LINT_SLICE));
        // The first slice also takes the problems of files that are no note (a topic's _index.md, a folder).
        lintSome(snapshot, (f) => slice.has(f) || (at === 0 && !notePaths.has(f)), open);
      }
    }
    linted = snapshot.generation;
    // Open notes may hold edits the files do not have yet.
    for (const document of vscode.workspace.textDocuments) if (document.isDirty) lintDocument(document, snapshot);
  };

  const schedule = (document: vscode.TextDocument) => {
    if (!isUserNoteDocument(host, document)) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      void host.ready().then((snapshot) => lintDocument(document, snapshot));
    }, LINT_DELAY_MS));
  };

  context.subscriptions.push(
    collection,
    host.onDidChange((s) => void lintAll(s)),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) schedule(e.document); }),
    vscode.workspace.onDidOpenTextDocument(schedule),
    { dispose: () => { for (const t of timers.values()) clearTimeout(t); } },
  );
  // Notes loaded before this feature started get their problems too; without user folders there is nothing to load for.
  if (userRoots(host).length > 0) void host.ready().then((s) => lintAll(s));
  return collection;
}
