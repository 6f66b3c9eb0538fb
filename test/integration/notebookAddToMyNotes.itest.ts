import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { eventually, useUserNotes } from './userNotes';

const NOTE = ['---', 'title: 我的层', 'title_en: My Layer', 'aliases: []', 'summary: s', 'summary_en: s', 'code: []', 'related: []', '---', '', '# 我的层', ''].join('\n');

const NOTEBOOK = {
  cells: [
    { cell_type: 'markdown', metadata: {}, source: ['# Training'] },
    { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: ['import torch\n', 'head = MyFancyHead(dim=64)\n', 'out = head(x)'] },
  ],
  metadata: { kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' }, language_info: { name: 'python' } },
  nbformat: 4,
  nbformat_minor: 5,
};

describe('Add to My Notes in a notebook (extension host)', () => {
  let folder: string;
  let notePath: string;
  let restore: () => Promise<void>;

  before(async () => {
    ({ folder, restore } = await useUserNotes('ai-notes-notebook-', { 'layers/my-layer.md': NOTE }, 'layers/my-layer'));
    notePath = path.join(folder, 'layers', 'my-layer.md');
  });

  after(() => restore());

  it('adds the identifier selected in a code cell to the chosen note, and the cell hover then explains it', async () => {
    const file = path.join(folder, 'train.ipynb');
    fs.writeFileSync(file, JSON.stringify(NOTEBOOK, null, 1));
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.file(file));
    const editor = await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(1);
    assert.equal(cell.document.languageId, 'python', 'the code cell is Python (editorLangId == python holds in it)');
    editor.selection = new vscode.NotebookRange(1, 2);
    await vscode.commands.executeCommand('notebook.cell.edit');
    const cellEditor = await eventually(() => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === cell.document.uri.toString() ? e : undefined;
    }, 'the cell editor to be the active text editor');
    const line = 1;
    const start = cell.document.lineAt(line).text.indexOf('MyFancyHead');
    cellEditor.selection = new vscode.Selection(line, start, line, start + 'MyFancyHead'.length);

    const uri = await vscode.commands.executeCommand<vscode.Uri>('aiNotes.addToMyNotes', { noteId: 'layers/my-layer' });
    assert.equal(uri?.fsPath, notePath);
    assert.match(fs.readFileSync(notePath, 'utf8'), /^code: \[MyFancyHead\]$/m, 'the selection in the cell went into code:');

    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', cell.document.uri, new vscode.Position(line, start + 2))) ?? [];
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    assert.match(text, /My Layer|我的层/, 'the hover in the cell uses the note');
  });
});
