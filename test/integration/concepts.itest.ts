import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiNotesApi } from '../../src/extension';
import type { FileConceptsNode } from '../../src/features/concepts/fileConceptsItems';

async function api(): Promise<AiNotesApi> {
  const ext = vscode.extensions.getExtension<AiNotesApi>('ai-notes.ai-notes');
  assert.ok(ext);
  return ext.activate();
}

async function waitFor<T>(what: string, read: () => T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = read();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function examplesFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the examples/ workspace is open');
  return vscode.Uri.joinPath(folder.uri, name);
}

describe('Concepts views (extension host)', () => {
  it('lists the concepts of examples/train.py by topic, and an occurrence row reveals its line with the identifier selected', async () => {
    const { concepts } = await api();
    assert.ok(concepts, 'the concepts feature exposes its views');
    await vscode.commands.executeCommand('aiNotes.fileConcepts.focus');
    const editor = await vscode.window.showTextDocument(examplesFile('train.py'));
    const provider = concepts.fileConcepts;
    const state = await waitFor('train.py in the view', () => (provider.current.kind === 'concepts' && provider.current.label === 'train.py' ? provider.current : undefined));
    const topics = provider.getChildren();
    const titles = topics.map((t) => provider.getTreeItem(t).label);
    assert.ok(titles.includes('Optimization') || titles.includes('优化'), `topics: ${titles.join(', ')}`);
    const optimization = topics.find((t) => t.kind === 'topic' && t.topic.topicId === 'optimization')!;
    const rows = provider.getChildren(optimization);
    const adam = rows.find((n) => n.kind === 'concept' && n.id === 'optimization/adam') as Extract<FileConceptsNode, { kind: 'concept' }>;
    assert.ok(adam, 'AdamW is listed');
    const adamItem = provider.getTreeItem(adam);
    assert.equal(adamItem.description, String(adam.concept.count));
    assert.equal(adamItem.contextValue, 'aiNotes.fileConcept', 'the row carries the inline Open Note action');
    assert.ok(!rows.some((n) => n.kind === 'concept' && n.id.startsWith('losses/')), 'a loss is not under Optimization');
    assert.ok(state.source.summary.occurrenceCount > 20);

    const occurrences = provider.getChildren(adam);
    const first = occurrences[0];
    const item = provider.getTreeItem(first);
    assert.match(String(item.label), /^(line|第) 52 /, String(item.label));
    assert.ok(item.command, 'an occurrence row has a command');
    // Move away first, so the reveal has something to do.
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.uri.toString(), examplesFile('train.py').toString());
    assert.equal(active.selection.start.line, 51);
    assert.equal(active.document.getText(active.selection), 'AdamW');
  });

  it('follows edits (debounced) and explains what it does not read', async () => {
    const { concepts } = await api();
    const provider = concepts!.fileConcepts;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-concepts-')), 'edit.py');
    fs.writeFileSync(file, 'x = 1\n');
    const editor = await vscode.window.showTextDocument(vscode.Uri.file(file));
    const none = await waitFor('no concepts', () => (provider.current.kind === 'message' && provider.current.message.includes('edit.py') ? provider.current : undefined));
    assert.ok(concepts!.fileConceptsViews.every((v) => v.message === none.message));
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'import torch.nn.functional as F\nloss = F.kl_div(p, q)\n'));
    const s = await waitFor('KL after the edit', () => (provider.current.kind === 'concepts' ? provider.current : undefined), 3000);
    assert.deepEqual(s.source.summary.topics.flatMap((t) => t.concepts.map((c) => c.noteId)), ['losses/kl-divergence']);
    await vscode.commands.executeCommand('workbench.action.files.revert');

    await vscode.window.showTextDocument(examplesFile('README.md'));
    await waitFor('a message for Markdown', () => (provider.current.kind === 'message' && /markdown/.test(provider.current.message) ? provider.current : undefined));
  });

  it('Concept Help: the card follows the cursor, keeps the last card on a non-concept, and Pin keeps it', async () => {
    const { concepts } = await api();
    const help = concepts!.conceptHelp;
    await vscode.commands.executeCommand('aiNotes.conceptHelp.focus');
    const editor = await vscode.window.showTextDocument(examplesFile('train.py'));
    const at = async (line: number, word: string) => {
      const character = editor.document.lineAt(line).text.indexOf(word);
      assert.ok(character >= 0, `${word} on line ${line + 1}`);
      editor.selection = new vscode.Selection(line, character + 1, line, character + 1);
    };
    await at(51, 'AdamW');
    const adam = await waitFor('the AdamW card', () => (help.current?.noteId === 'optimization/adam' ? help.current : undefined));
    assert.ok(adam.title && adam.summary, 'title and summary');
    assert.equal(adam.identifier, 'torch.optim.AdamW');

    await at(67, 'clip_grad_norm_');
    await waitFor('the clipping card', () => (help.current?.noteId === 'optimization/gradient-clipping' ? help.current : undefined));
    assert.ok(help.current!.formulaHtml?.includes('katex'), 'the formula is rendered by KaTeX');

    // A non-concept (`model` on line 52 is just a variable): the card stays.
    await at(51, 'model');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(help.current?.noteId, 'optimization/gradient-clipping');

    help.setPinned(true);
    await at(51, 'AdamW');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(help.current?.noteId, 'optimization/gradient-clipping', 'pinned');
    help.setPinned(false);
    await at(51, 'weight_decay');
    await waitFor('a card after unpinning', () => (help.current?.noteId !== 'optimization/gradient-clipping' ? help.current : undefined));
  });
});

describe('Where Used (extension host)', () => {
  const scratch = () => examplesFile('where-used-scratch');
  const write = async (relative: string, text: string) => {
    const uri = vscode.Uri.joinPath(scratch(), relative);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  };
  const files = () => vscode.workspace.getConfiguration('files');
  const whereUsed = () => vscode.workspace.getConfiguration('aiNotes.whereUsed');

  before(async () => {
    await write('kept_adamw.py', 'from torch.optim import AdamW\noptimizer = AdamW(params, lr=1e-3)\n');
    await write('.gitignore', 'ignored/\n');
    await write('ignored/by_git.py', 'from torch.optim import AdamW\nopt = AdamW(params)\n');
    await write('excluded/by_setting.py', 'from torch.optim import AdamW\nopt = AdamW(params)\n');
    await files().update('exclude', { '**/excluded': true }, vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await files().update('exclude', undefined, vscode.ConfigurationTarget.Global);
    await whereUsed().update('maxFiles', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(scratch(), { recursive: true });
  });

  it('finds the example files that use AdamW, skips .gitignore and files.exclude, and a row reveals the use', async () => {
    const { concepts } = await api();
    assert.ok(concepts);
    const state = await concepts.findWhereUsed.run({ id: 'optimization/adam' });
    assert.ok(state && state.kind === 'done', 'the search finished');
    const found = state.result.files.map((f) => vscode.workspace.asRelativePath(vscode.Uri.parse(f.file)));
    assert.ok(found.includes('train.py'), `found: ${found.join(', ')}`);
    assert.ok(found.includes('where-used-scratch/kept_adamw.py'), `found: ${found.join(', ')}`);
    assert.ok(!found.some((f) => f.includes('ignored/')), 'a .gitignore-d folder is not searched');
    assert.ok(!found.some((f) => f.includes('excluded/')), 'a files.exclude-d folder is not searched');
    assert.ok(!found.includes('attention.ipynb'), 'a file without AdamW is not listed');
    assert.equal(state.result.stopped, undefined);
    assert.match(concepts.whereUsed.message(), /AdamW|Adam/);
    assert.match(concepts.whereUsed.message(), /uses in|处使用/);

    const rows = concepts.whereUsed.getChildren();
    const kept = rows.find((r) => r.kind === 'file' && r.uri.path.endsWith('/kept_adamw.py'))!;
    assert.ok(kept);
    const uses = concepts.whereUsed.getChildren(kept);
    const useItem = concepts.whereUsed.getTreeItem(uses.find((u) => u.kind === 'use' && u.use.line === 1)!);
    const label = useItem.label as vscode.TreeItemLabel;
    assert.equal(label.label, 'optimizer = AdamW(params, lr=1e-3)');
    assert.deepEqual(label.highlights, [[12, 17]]);
    assert.ok(useItem.command);
    await vscode.commands.executeCommand(useItem.command.command, ...(useItem.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/kept_adamw.py'));
    assert.equal(editor.document.getText(editor.selection), 'AdamW');
    assert.equal(editor.selection.start.line, 1);
  });

  it('places notebook uses in their cells, opens the notebook at the cell, and says when it stops at the file limit', async () => {
    const { concepts } = await api();
    assert.ok(concepts);
    const state = await concepts.findWhereUsed.run('fundamentals/softmax');
    assert.ok(state && state.kind === 'done');
    const nb = state.result.files.find((f) => f.file.endsWith('/attention.ipynb'));
    assert.ok(nb, 'the notebook uses softmax');
    const use = nb.uses.find((u) => u.identifier === 'F.softmax');
    assert.ok(use && use.cell !== undefined, JSON.stringify(nb.uses));
    const row = concepts.whereUsed.getChildren().find((r) => r.kind === 'file' && r.uri.path.endsWith('/attention.ipynb'))!;
    const item = concepts.whereUsed.getTreeItem(concepts.whereUsed.getChildren(row).find((u) => u.kind === 'use' && u.use === use)!);
    assert.match(String(item.description), /^(cell|第) /);
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.uri.scheme, 'vscode-notebook-cell');
    assert.match(editor.document.getText(editor.selection), /^(F\.)?softmax$/);
    assert.equal(vscode.window.activeNotebookEditor?.notebook.uri.path.endsWith('/attention.ipynb'), true);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    await whereUsed().update('maxFiles', 2, vscode.ConfigurationTarget.Global);
    const bounded = await concepts.findWhereUsed.run('fundamentals/softmax');
    assert.ok(bounded && bounded.kind === 'done');
    assert.ok(bounded.result.scanned <= 2);
    assert.ok(bounded.truncatedList || bounded.result.stopped === 'files');
    assert.match(concepts.whereUsed.message(), /maxFiles/);
  });
});
