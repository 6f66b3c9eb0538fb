import * as vscode from 'vscode';
import { toOccurrenceTarget } from './fileConceptsItems';

/** Shows an occurrence in its editor (a notebook cell opens in its notebook), the identifier selected. */
export async function revealOccurrence(arg: unknown): Promise<vscode.TextEditor | undefined> {
  const target = toOccurrenceTarget(arg);
  if (!target) return undefined;
  const range = new vscode.Range(target.line, target.start, target.line, target.end);
  let document: vscode.TextDocument;
  if (target.cell !== undefined) {
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.parse(target.uri));
    if (target.cell >= notebook.cellCount) return undefined;
    await vscode.window.showNotebookDocument(notebook, { selections: [new vscode.NotebookRange(target.cell, target.cell + 1)] });
    document = notebook.cellAt(target.cell).document;
  } else {
    document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
  }
  const editor = await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}
