import * as vscode from 'vscode';

/**
 * The walkthrough's example: the bundled `examples/train.py` as a new untitled Python document (the user's own copy
 * to hover and edit; nothing is written to the install folder).
 */
export async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'examples', 'train.py'));
  const document = await vscode.workspace.openTextDocument({ language: 'python', content: new TextDecoder().decode(bytes) });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  // Put the cursor on the first hyperparameter, ready for a hover or Explain Word at Cursor.
  const line = document.getText().split('\n').findIndex((l) => l.startsWith('num_epochs'));
  if (line >= 0) editor.selection = new vscode.Selection(line, 0, line, 0);
  return editor;
}
