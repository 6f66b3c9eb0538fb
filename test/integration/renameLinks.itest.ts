import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiNotesApi } from '../../src/extension';
import { eventually } from './userNotes';

const note = (title: string, body: string, related = '[]') =>
  ['---', `title: ${title}`, `title_en: ${title}`, 'aliases: []', 'summary: s', 'summary_en: s', 'code: []', `related: ${related}`, '---', '', `# ${title}`, '', '## Part', '', body, ''].join('\n');

describe('Renames keep links (extension host)', () => {
  let api: AiNotesApi;
  let folder: string;
  const config = () => vscode.workspace.getConfiguration('aiNotes');
  const previousFolders = config().inspect<string[]>('notesFolders')?.globalValue;
  const previousSetting = config().inspect<string>('links.updateOnRename')?.globalValue;

  before(async () => {
    api = (await vscode.extensions.getExtension('ai-notes.ai-notes')!.activate()) as AiNotesApi;
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-renames-'));
    fs.mkdirSync(path.join(folder, 'mine'));
    fs.mkdirSync(path.join(folder, 'other'));
    fs.writeFileSync(path.join(folder, 'mine', 'old-name.md'), note('Old', 'See [B](../other/b.md#part).'));
    fs.mkdirSync(path.join(folder, 'drafts'));
    fs.writeFileSync(path.join(folder, 'drafts', 'c.md'), note('C', 'Up to [B](../other/b.md), over to [D](d.md).'));
    fs.writeFileSync(path.join(folder, 'drafts', 'd.md'), note('D', 'D.'));
    fs.writeFileSync(path.join(folder, 'other', 'e.md'), note('E', 'See [C](../drafts/c.md#part) and [[drafts/d|D]].'));
    fs.writeFileSync(path.join(folder, 'other', 'b.md'), note('B', 'Read [the old note](../mine/old-name.md#part) and [[mine/old-name]].\n\n```\n[[mine/old-name]]\n```', '[mine/old-name]'));
    const loaded = new Promise((resolve) => { const d = api.host.onDidChange((s) => { if (s.notes.has('mine/old-name')) { d.dispose(); resolve(s); } }); });
    await config().update('notesFolders', [folder], vscode.ConfigurationTarget.Global);
    await config().update('links.updateOnRename', 'always', vscode.ConfigurationTarget.Global);
    await loaded;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('links.updateOnRename', previousSetting, vscode.ConfigurationTarget.Global);
    await config().update('notesFolders', previousFolders, vscode.ConfigurationTarget.Global);
  });

  it('moving a note to another folder under a new name updates the links to it and its own relative links', async () => {
    const from = vscode.Uri.file(path.join(folder, 'mine', 'old-name.md'));
    const to = vscode.Uri.file(path.join(folder, 'topics', 'deep', 'new-name.md'));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to, { overwrite: false });
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename applied');
    assert.ok(fs.existsSync(to.fsPath) && !fs.existsSync(from.fsPath), 'the file moved');

    const linking = path.join(folder, 'other', 'b.md');
    const text = await eventually(() => {
      const t = fs.readFileSync(linking, 'utf8');
      return t.includes('new-name') ? t : undefined;
    }, 'the linking note to be updated on disk');
    assert.match(text, /Read \[the old note\]\(\.\.\/topics\/deep\/new-name\.md#part\) and \[\[topics\/deep\/new-name\]\]\./);
    assert.match(text, /^related: \[topics\/deep\/new-name\]$/m);
    assert.match(text, /```\n\[\[mine\/old-name\]\]\n```/, 'the code fence is left as written');
    // Saved, not left as an unsaved editor (the disk may be written a moment before the document is marked clean).
    await eventually(() => (vscode.workspace.textDocuments.find((d) => d.uri.fsPath === linking)?.isDirty ? undefined : true), 'the updated note to be saved');

    const moved = await eventually(() => {
      const t = fs.readFileSync(to.fsPath, 'utf8');
      return t.includes('../../other/b.md') ? t : undefined;
    }, 'the moved note to be updated');
    assert.match(moved, /See \[B\]\(\.\.\/\.\.\/other\/b\.md#part\)\./);

    // The notes reload with the new id, and the lint finds no broken link.
    await eventually(() => (api.host.kb.current?.notes.has('topics/deep/new-name') && api.host.kb.current.notes.get('other/b')?.related[0] === 'topics/deep/new-name' ? true : undefined), 'the reload');
    const broken = vscode.languages.getDiagnostics(vscode.Uri.file(linking)).filter((d) => /does not|does not name/.test(d.message));
    assert.deepEqual(broken.map((d) => d.message), []);
  });

  it('moving a folder of notes updates the links into it; links between its notes stay as written', async () => {
    const from = vscode.Uri.file(path.join(folder, 'drafts'));
    const to = vscode.Uri.file(path.join(folder, 'topics', 'finished'));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(from, to);
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename applied');
    const linking = path.join(folder, 'other', 'e.md');
    const text = await eventually(() => {
      const t = fs.readFileSync(linking, 'utf8');
      return t.includes('topics/finished') ? t : undefined;
    }, 'the note linking into the folder to be updated');
    assert.match(text, /See \[C\]\(\.\.\/topics\/finished\/c\.md#part\) and \[\[topics\/finished\/d\|D\]\]\./);
    const c = await eventually(() => {
      const t = fs.readFileSync(path.join(to.fsPath, 'c.md'), 'utf8');
      return t.includes('../../other/b.md') ? t : undefined;
    }, 'the moved note to be updated');
    assert.match(c, /Up to \[B\]\(\.\.\/\.\.\/other\/b\.md\), over to \[D\]\(d\.md\)\./);
  });
});
