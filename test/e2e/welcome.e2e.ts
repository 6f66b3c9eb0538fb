// e2e: with no notes to show, the Notes view explains why and offers to add a folder (viewsWelcome).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot, screenshot, useWorkbench } from '../support/codeServer';

describe('Notes view with no notes (packaged VSIX in code-server)', function () {
  this.timeout(240_000);
  const vsix = process.env.AI_NOTES_VSIX || path.join(repoRoot, 'ai-notes-0.1.0.vsix');
  assert.ok(fs.existsSync(vsix), `VSIX not found: ${vsix} (npm run package)`);
  const cs = useWorkbench(() => ({
    workspace: path.join(repoRoot, 'examples'),
    extensions: [{ vsix }],
    settings: { 'aiNotes.includeBundledNotes': false, 'aiNotes.notesFolders': [] },
  }));

  it('shows the welcome text with a button to add a notes folder', async () => {
    const page = cs.page;
    const entry = page.locator('.activitybar .action-item a[aria-label^="AI Notes"]').first();
    await entry.waitFor({ state: 'visible', timeout: 60_000 });
    await entry.click();
    const welcome = page.locator('.part.sidebar .welcome-view-content').first();
    await welcome.waitFor({ state: 'visible', timeout: 60_000 });
    const text = await welcome.innerText();
    assert.match(text, /No notes were found/);
    assert.match(text, /Include Bundled Notes/);
    const button = welcome.locator('a.monaco-button, .monaco-button').filter({ hasText: /Add a Notes Folder/ }).first();
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'welcome');
  });
});
