// Starter integration tests: run inside a real extension host (code-server or VS Code desktop).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'ai-notes.ai-notes';

describe('AI Notes extension', () => {
  it('is installed', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.equal(ext.packageJSON.publisher, 'ai-notes');
  });

  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers aiNotes.refresh', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('aiNotes.refresh'), 'aiNotes.refresh is not registered');
  });

  it('opened the examples/ workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(
      folders.some((f) => f.uri.path.endsWith('/examples')),
      `workspace folders: ${folders.map((f) => f.uri.toString()).join(', ') || '(none)'}`,
    );
  });
});
