import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiNotesApi } from '../../src/extension';
import { eventually, useUserNotes } from './userNotes';

const NOTE = [
  '---',
  'title: 我的笔记',
  'title_en: My Note',
  'aliases: [my note alias]',
  'summary: 一句话。',
  'summary_en: One sentence.',
  'code: []',
  'related: []',
  '---',
  '',
  '# 我的笔记',
  '',
  '## 第一节',
  '',
  'Text.',
  '',
].join('\n');

describe('Writing your own notes (extension host)', () => {
  let api: AiNotesApi;
  let folder: string;
  let notePath: string;
  let restore: () => Promise<void>;

  before(async () => {
    ({ api, folder, restore } = await useUserNotes('ai-notes-mine-', { 'mine/my-note.md': NOTE }, 'mine/my-note'));
    notePath = path.join(folder, 'mine', 'my-note.md');
  });

  after(() => restore());

  it('shows a broken link as a diagnostic while typing, on its line, and drops it when fixed', async () => {
    const doc = await vscode.workspace.openTextDocument(notePath);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineCount - 1;
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), 'See [[mine/no-such-note]] here.\n'));
    assert.ok(doc.isDirty, 'the edit is not saved: the lint reads the editor');
    const diagnostic = await eventually(() => vscode.languages.getDiagnostics(doc.uri).find((d) => d.message.includes('no-such-note')), 'the broken-link diagnostic');
    assert.equal(diagnostic.range.start.line, line);
    assert.equal(doc.getText(diagnostic.range), 'mine/no-such-note');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    const fix = doc.getText(diagnostic.range);
    await editor.edit((e) => e.replace(diagnostic.range, fix.replace('no-such-note', 'my-note')));
    await eventually(() => (vscode.languages.getDiagnostics(doc.uri).some((d) => d.message.includes('wiki link')) ? undefined : true), 'the diagnostic to go');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('New Note creates a note in a new topic whose front matter lints clean, opens it and loads it', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('aiNotes.newNote', { title: '焦点损失', topic: 'losses' });
    assert.ok(uri, 'the command returns the new file');
    assert.equal(uri.fsPath, path.join(folder, 'losses', 'jiao-dian-sun-shi.md'));
    assert.ok(fs.existsSync(path.join(folder, 'losses', '_index.md')), 'the new topic gets an _index.md');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, uri.fsPath, 'the note is opened');
    const note = api.host.kb.getNote('losses/jiao-dian-sun-shi');
    assert.ok(note, 'the notes reloaded with the new note');
    assert.equal(note.title, '焦点损失');
    // The live lint of the opened note: drafts' empty summaries warn, nothing is an error.
    const diagnostics = await eventually(() => { const d = vscode.languages.getDiagnostics(uri); return d.length > 0 ? d : undefined; }, 'the new note to be linted');
    assert.deepEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => d.message), []);
  });

  it('completes [[ with notes by id, title and pinyin, and [[id# with the note\'s headings', async () => {
    const doc = await vscode.workspace.openTextDocument(notePath);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineCount - 1;
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), 'See [['));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 6), '[');
    const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);
    const mine = list.items.find((i) => label(i) === 'mine/my-note');
    assert.ok(mine, `mine/my-note among ${list.items.length} items`);
    assert.equal(mine.insertText, 'mine/my-note]]');
    const byTitle = list.items.find((i) => label(i) === '我的笔记');
    assert.ok(byTitle?.filterText?.includes('wodebiji'), `pinyin filter text: ${byTitle?.filterText}`);
    assert.ok(list.items.some((i) => label(i) === 'losses/cross-entropy'), 'bundled notes too');
    await editor.edit((e) => e.insert(new vscode.Position(line, 6), 'mine/my-note#'));
    const headings = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(line, 19), '#');
    assert.deepEqual(headings.items.map(label), ['第一节']);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Go to Definition on a [[link]] or a relative .md link opens the target at its heading; hovering one shows the target', async () => {
    const doc = await vscode.workspace.openTextDocument(notePath);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineCount - 1;
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), 'See [[losses/cross-entropy#公式]] and [KL](../losses/kl-divergence.md).\n'));
    const wiki = new vscode.Position(line, 8);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, wiki);
    const target = defs.map((d) => ('targetUri' in d ? { uri: d.targetUri, range: d.targetRange } : d))[0];
    assert.ok(target, 'a definition for the wiki link');
    const ce = api.host.kb.getNote('losses/cross-entropy')!;
    assert.equal(target.uri.fsPath, ce.path);
    assert.equal(target.range.start.line, ce.headings.find((h) => h.text === '公式')!.line, 'at the heading');
    const md = new vscode.Position(line, doc.lineAt(line).text.indexOf('kl-divergence'));
    const mdDefs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, md);
    const mdTarget = mdDefs.map((d) => ('targetUri' in d ? d.targetUri : d.uri))[0];
    assert.equal(mdTarget?.fsPath, api.host.kb.getNote('losses/kl-divergence')!.path, 'the relative link resolves from the note folder');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, wiki);
    const text = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    assert.match(text, /交叉熵|Cross-Entropy/);
    assert.match(text, /公式/, 'the heading the link names');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('shows a formula rendered when hovering $…$ in a user note, and no formula hover on plain text', async () => {
    const doc = await vscode.workspace.openTextDocument(notePath);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.lineCount - 1;
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), 'Loss $L = \\frac{1}{n}\\sum_i x_i$ and $\\frac{$ end.\n'));
    const text = async (c: number) =>
      ((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, c))) ?? [])
        .flatMap((h) => h.contents)
        .map((x) => (typeof x === 'string' ? x : x.value))
        .join('\n');
    const good = await text(doc.lineAt(line).text.indexOf('frac'));
    assert.match(good, /data:image\/svg\+xml;base64,/, good.slice(0, 300));
    assert.doesNotMatch(await text(1), /data:image/, 'no formula hover on plain text');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('Add to My Notes puts the identifier into a user note and the hover explains it, ahead of a bundled note', async () => {
    const file = path.join(path.dirname(notePath), 'train_mine.py');
    fs.writeFileSync(file, 'loss_fn = CrossEntropyLoss()\nbatch = tok.pad(x, my_widget_rate=8)\nmy_widget_rate = 8\n');
    const py = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(py);
    const hover = async (line: number, word: string) => {
      const character = py.lineAt(line).text.indexOf(word) + 1;
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', py.uri, new vscode.Position(line, character))) ?? [];
      return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
    };
    assert.doesNotMatch(await hover(2, 'my_widget_rate'), /My Note|我的笔记/, 'no hover before');
    editor.selection = new vscode.Selection(2, 3, 2, 3);
    await vscode.commands.executeCommand('aiNotes.addToMyNotes', { noteId: 'mine/my-note' });
    assert.match(fs.readFileSync(notePath, 'utf8'), /^code: \[my_widget_rate\]$/m, 'the identifier at the cursor went into code:');
    assert.match(await hover(2, 'my_widget_rate'), /My Note|我的笔记/);
    assert.match(await hover(0, 'CrossEntropyLoss'), /Cross-Entropy|交叉熵/, 'the bundled note before');
    await vscode.commands.executeCommand('aiNotes.addToMyNotes', { noteId: 'mine/my-note', name: 'CrossEntropyLoss' });
    assert.match(await hover(0, 'CrossEntropyLoss'), /My Note|我的笔记/, 'the user note wins the shared name');
  });
});
