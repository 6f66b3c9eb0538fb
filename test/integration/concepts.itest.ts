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
