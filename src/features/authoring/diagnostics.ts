import * as vscode from 'vscode';
import { lintKnowledgeBase, lintNoteText, type KnowledgeBaseSnapshot, type Problem } from '../../core';
import type { NotesHost } from '../notesHost';
import { isUserNoteDocument, userRootOf, userRoots } from './userNotes';

/** How long typing must pause before the note is linted again. */
export const LINT_DELAY_MS = 300;

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

  const lintAll = (snapshot: KnowledgeBaseSnapshot) => {
    const roots = userRoots(host);
    collection.clear();
    if (roots.length === 0) return;
    const open = new Map(vscode.workspace.textDocuments.map((d) => [host.pathOf(d.uri) ?? d.uri.toString(), d]));
    const byPath = new Map<string, Problem[]>();
    for (const p of lintKnowledgeBase(snapshot, { only: (file) => userRootOf(host, host.uriOf(file)) !== undefined })) {
      byPath.set(p.path, [...(byPath.get(p.path) ?? []), p]);
    }
    for (const [file, problems] of byPath) {
      const document = open.get(file);
      collection.set(host.uriOf(file), problems.map((p) => toDiagnostic(p, document)));
    }
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
    host.onDidChange(lintAll),
    vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length > 0) schedule(e.document); }),
    vscode.workspace.onDidOpenTextDocument(schedule),
    { dispose: () => { for (const t of timers.values()) clearTimeout(t); } },
  );
  // Notes loaded before this feature started get their problems too; without user folders there is nothing to load for.
  if (userRoots(host).length > 0) void host.ready().then(lintAll);
  return collection;
}
