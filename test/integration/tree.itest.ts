import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AiNotesApi } from '../../src/extension';

async function api(): Promise<AiNotesApi> {
  const ext = vscode.extensions.getExtension<AiNotesApi>('ai-notes.ai-notes');
  assert.ok(ext);
  return ext.activate();
}

describe('Notes tree (extension host)', () => {
  it('shows topics with titles, notes with summaries as tooltips, and headings that open the source at their line', async () => {
    const { host, tree } = await api();
    assert.ok(tree, 'the tree feature exposes its provider');
    const snapshot = await host.ready();
    assert.ok(snapshot.notes.size >= 6, `only ${snapshot.notes.size} notes loaded`);
    const topics = await tree.getChildren();
    assert.ok(topics.length >= 2, 'at least two topics');
    const topicItem = tree.getTreeItem(topics[0]);
    assert.equal(topicItem.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.ok(String(topicItem.label).length > 0);
    assert.equal((topicItem.iconPath as vscode.ThemeIcon).id, 'folder-library');

    const notes = await tree.getChildren(topics[0]);
    const noteNode = notes.find((n) => n.kind === 'note')!;
    assert.ok(noteNode, 'the first topic holds notes');
    const noteItem = tree.getTreeItem(noteNode);
    assert.equal((noteItem.iconPath as vscode.ThemeIcon).id, 'note');
    assert.equal(noteItem.command?.command, 'aiNotes.openNote');
    assert.ok(noteItem.tooltip instanceof vscode.MarkdownString && noteItem.tooltip.value.length > 10, 'tooltip shows the summary');

    const headings = await tree.getChildren(noteNode);
    assert.ok(headings.length > 0, 'notes list their headings');
    const headingItem = tree.getTreeItem(headings[0]);
    assert.equal((headingItem.iconPath as vscode.ThemeIcon).id, 'symbol-string');

    // Open Source at the heading: the editor opens the note's file at the heading's line.
    const target = headingItem.command!.arguments![0];
    await vscode.commands.executeCommand('aiNotes.openSource', target);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.fsPath.endsWith('.md'));
    assert.match(editor.document.lineAt(editor.selection.active.line).text, /^#{2,3} /);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('registers every command the manifest declares', async () => {
    await api();
    const ext = vscode.extensions.getExtension('ai-notes.ai-notes')!;
    const declared: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(declared.filter((c) => !registered.has(c)), []);
  });

  it('refreshes after the notes change and reports a missing folder without losing the bundled notes', async () => {
    const { host } = await api();
    const config = vscode.workspace.getConfiguration('aiNotes');
    const changed = new Promise<void>((resolve) => {
      const sub = host.onDidChange((s) => {
        if (s.problems.some((p) => p.path.includes('no-such-notes-folder'))) {
          sub.dispose();
          resolve();
        }
      });
    });
    await config.update('notesFolders', ['/tmp/no-such-notes-folder'], vscode.ConfigurationTarget.Global);
    try {
      await changed;
      const s = await host.ready();
      assert.ok(s.notes.size >= 6, 'bundled notes are still there');
    } finally {
      await config.update('notesFolders', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
