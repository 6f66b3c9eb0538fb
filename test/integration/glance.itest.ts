// Issue 15 in a real extension host: notes opened from code go beside it, hovers share the space with a language
// server's, bundled sources are read-only and copy into the user's folder, the tree's context-menu commands.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiNotesApi } from '../../src/extension';

async function api(): Promise<AiNotesApi> {
  return vscode.extensions.getExtension<AiNotesApi>('ai-notes.ai-notes')!.activate();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The preview tabs of the window, with the group (view column) each is in. */
function previewTabs(): { column: vscode.ViewColumn; label: string }[] {
  return vscode.window.tabGroups.all.flatMap((g) =>
    g.tabs.filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('aiNotes.preview')).map((t) => ({ column: g.viewColumn, label: t.label })),
  );
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

describe('Glance while coding (issue 15)', () => {
  let dir: string;
  let code: vscode.Uri;
  const config = () => vscode.workspace.getConfiguration('aiNotes');

  before(async () => {
    await (await api()).host.ready();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-glance-'));
    code = vscode.Uri.file(path.join(dir, 'train.py'));
    fs.writeFileSync(code.fsPath, 'num_epochs = 10\nfor epoch in range(num_epochs):\n    pass\n');
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('openFromCode', undefined, vscode.ConfigurationTarget.Global);
    await config().update('hover.mode', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens a note from code beside it, keeps the focus in the editor, and reuses the one side panel', async () => {
    const editor = await vscode.window.showTextDocument(code, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('aiNotes.openNote', { id: 'fundamentals/epoch', fromCode: true });
    const tabs = await until('a preview tab', () => (previewTabs().length ? previewTabs() : undefined));
    assert.equal(tabs.length, 1);
    assert.equal(tabs[0].column, vscode.ViewColumn.Two, 'the preview is beside the code');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'the focus stays in the code');

    await vscode.commands.executeCommand('aiNotes.openNote', { id: 'optimization/gradient-clipping', fromCode: true });
    await sleep(300);
    assert.deepEqual(previewTabs().map((t) => t.column), [vscode.ViewColumn.Two], 'the same side panel shows the next note');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString());
  });

  it('opens a note from code in the active group when aiNotes.openFromCode is "active"', async () => {
    await config().update('openFromCode', 'active', vscode.ConfigurationTarget.Global);
    await vscode.window.showTextDocument(code, { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('aiNotes.openNote', { id: 'fundamentals/epoch', fromCode: true });
    const tabs = await until('a preview tab', () => (previewTabs().length ? previewTabs() : undefined));
    assert.equal(tabs[0].column, vscode.ViewColumn.One);
  });

  it('shows a compact hover (no formula) beside another hover provider, a full one alone, none when off', async () => {
    const doc = await vscode.workspace.openTextDocument(code);
    const at = new vscode.Position(0, 2);
    const hovers = async () => hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? []);
    const alone = await hovers();
    assert.match(alone, /command:aiNotes\.openNote/);
    assert.match(alone, /data:image\/svg\+xml;base64,/, 'alone, the hover is full: the formula shows');

    // A stand-in for a language server's signature and docstring.
    const other = vscode.languages.registerHoverProvider('python', { provideHover: () => new vscode.Hover('```python\nnum_epochs: int\n```') });
    try {
      const beside = await hovers();
      assert.match(beside, /num_epochs: int/);
      assert.match(beside, /command:aiNotes\.openNote/, 'our hover still answers, with its links');
      assert.doesNotMatch(beside, /data:image\/svg/, 'beside another hover ours is compact: no formula');
      await config().update('hover.mode', 'full', vscode.ConfigurationTarget.Global);
      assert.match(await hovers(), /data:image\/svg\+xml;base64,/, 'full mode shows the formula anyway');
      await config().update('hover.mode', 'off', vscode.ConfigurationTarget.Global);
      assert.doesNotMatch(await hovers(), /aiNotes\.openNote/, 'off: no concept hover');
    } finally {
      other.dispose();
    }
  });
});

describe('Bundled notes are read-only (issue 15)', () => {
  const config = () => vscode.workspace.getConfiguration('aiNotes');
  let mine: string;
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('notesFolders', undefined, vscode.ConfigurationTarget.Global);
  });

  it('opens a bundled source read-only; Copy to My Notes puts it in the user folder, where it replaces the bundled note and shows under My notes', async () => {
    const { host, tree } = await api();
    await host.ready();
    await vscode.commands.executeCommand('aiNotes.openSource', { id: 'losses/cross-entropy' });
    const editor = await until('the source editor', () => vscode.window.activeTextEditor);
    assert.equal(editor.document.uri.scheme, 'ai-notes-bundled', 'a virtual document, not the install folder file');
    assert.match(editor.document.getText(), /^---\n/);
    assert.equal(vscode.workspace.fs.isWritableFileSystem('ai-notes-bundled'), false, 'a read-only file system (the editor shows it read-only)');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(editor.document.uri, new TextEncoder().encode('x'))), 'writing the bundled source fails');

    mine = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-mine-'));
    const reloaded = new Promise<void>((resolve) => {
      const sub = host.onDidChange((s) => {
        if (s.notes.get('losses/cross-entropy')?.path.startsWith(mine)) {
          sub.dispose();
          resolve();
        }
      });
    });
    await config().update('notesFolders', [mine], vscode.ConfigurationTarget.Global);
    await until('the new root', () => host.roots.includes(mine));
    const copied = await vscode.commands.executeCommand<string>('aiNotes.copyToMyNotes', editor.document.uri);
    assert.ok(copied, 'the command returns the copy');
    const file = path.join(mine, 'losses', 'cross-entropy.md');
    assert.ok(fs.existsSync(file), 'the copy is at the same id under the user folder');
    assert.equal(fs.readFileSync(file, 'utf8'), editor.document.getText());
    await reloaded;
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, file, 'the copy is open for editing');

    // The tree: bundled topics with note counts, and the copy under its own "My notes" root.
    assert.ok(tree);
    const roots = await tree.getChildren();
    const mineNode = roots.find((n) => n.kind === 'mine');
    assert.ok(mineNode, 'a My notes root');
    assert.equal(tree.getTreeItem(mineNode).description, '1');
    const [topic] = await tree.getChildren(mineNode);
    assert.equal(topic.kind, 'topic');
    const inMine = await tree.getChildren(topic);
    assert.deepEqual(inMine.map((n) => (n.kind === 'note' ? n.note.id : n.kind)), ['losses/cross-entropy']);
    assert.equal(tree.getTreeItem(inMine[0]).contextValue, 'aiNotes.note.mine');
    const bundledTopics = roots.filter((n) => n.kind === 'topic');
    assert.ok(bundledTopics.length >= 5);
    assert.match(String(tree.getTreeItem(bundledTopics[0]).description), /^\d+/, 'topic rows start their description with the note count');
  });
});

describe('Notes tree context menu (issue 15)', () => {
  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('offers Open to the Side, Open Source, Copy Link, Copy to My Notes and Reveal in Explorer, and Open to the Side opens beside', async () => {
    const { host, tree } = await api();
    await host.ready();
    const ext = vscode.extensions.getExtension('ai-notes.ai-notes')!;
    const menu = (ext.packageJSON.contributes.menus['view/item/context'] as { command: string }[]).map((m) => m.command);
    for (const c of ['aiNotes.openNoteToSide', 'aiNotes.openSource', 'aiNotes.copyLink', 'aiNotes.copyToMyNotes', 'aiNotes.revealInExplorer']) assert.ok(menu.includes(c), c);

    const node = tree!.noteNode('losses/cross-entropy')!;
    const link = await vscode.commands.executeCommand<string>('aiNotes.copyLink', node);
    assert.equal(link, '[[losses/cross-entropy]]');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-side-')), 'a.py');
    fs.writeFileSync(file, 'x = 1\n');
    await vscode.window.showTextDocument(vscode.Uri.file(file), { viewColumn: vscode.ViewColumn.One });
    await vscode.commands.executeCommand('aiNotes.openNoteToSide', node);
    const tabs = await until('a preview tab', () => (previewTabs().length ? previewTabs() : undefined));
    assert.equal(tabs[0].column, vscode.ViewColumn.Two);
  });

  it('lists headings without the closing related section, and none when aiNotes.tree.showHeadings is off', async () => {
    const { tree } = await api();
    const node = tree!.noteNode('losses/cross-entropy')!;
    const headings = await tree!.getChildren(node);
    const all: string[] = [];
    const walk = async (n: (typeof headings)[number]) => {
      if (n.kind === 'heading') all.push(n.heading.text);
      for (const c of await tree!.getChildren(n)) await walk(c);
    };
    for (const h of headings) await walk(h);
    const texts = JSON.stringify(all);
    assert.ok(all.includes('公式'), texts);
    assert.ok(!texts.includes('相关'), texts);
    const config = vscode.workspace.getConfiguration('aiNotes');
    await config.update('tree.showHeadings', false, vscode.ConfigurationTarget.Global);
    try {
      assert.deepEqual(await tree!.getChildren(node), []);
      assert.equal(tree!.getTreeItem(node).collapsibleState, vscode.TreeItemCollapsibleState.None);
    } finally {
      await config.update('tree.showHeadings', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

describe('First run (issue 15)', () => {
  // The example is an untitled (dirty) document: revert it before closing, or a "Save?" dialog would wait forever.
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('contributes a walkthrough whose steps have their media, and its example script opens with a concept hover', async () => {
    const ext = vscode.extensions.getExtension('ai-notes.ai-notes')!;
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs as { id: string; steps: { id: string; media: { markdown: string } }[] }[];
    assert.ok(walkthrough, 'a walkthrough');
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['hover', 'lookup', 'note', 'ownNotes']);
    for (const s of walkthrough.steps) assert.ok(fs.existsSync(path.join(ext.extensionPath, s.media.markdown)), s.media.markdown);

    await (await api()).host.ready();
    const uri = vscode.Uri.parse(await vscode.commands.executeCommand<string>('aiNotes.openExample'));
    const editor = await until('the example editor', () => vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() && vscode.window.activeTextEditor);
    assert.equal(editor.document.languageId, 'python');
    assert.equal(editor.document.isUntitled, true, "the user's own copy, not the install folder's file");
    const position = new vscode.Position(editor.selection.active.line, 2);
    assert.match(editor.document.lineAt(position.line).text, /^num_epochs/);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
    assert.match(hoverText(hovers), /aiNotes\.openNote/);
  });
});
