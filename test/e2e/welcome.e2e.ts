// e2e: with no notes to show, the Notes view explains why and offers to add a folder (viewsWelcome). The try-out
// VS Code of `npm start` (AI_NOTES_TRY_OUT=1) opens the AI Notes side bar and the walkthrough.
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

describe('npm start: the try-out VS Code opens the walkthrough (packaged VSIX in code-server)', function () {
  this.timeout(240_000);
  const vsix = process.env.AI_NOTES_VSIX || path.join(repoRoot, 'ai-notes-0.1.0.vsix');
  const cs = useWorkbench(() => ({ workspace: path.join(repoRoot, 'examples'), extensions: [{ vsix }], env: { AI_NOTES_TRY_OUT: '1' } }));

  it('shows the AI Notes side bar and the "Get started with AI Notes" walkthrough with its steps', async () => {
    const page = cs.page;
    const title = page.locator('.gettingStartedContainer').filter({ hasText: 'Get started with AI Notes' }).first();
    await title.waitFor({ state: 'visible', timeout: 90_000 });
    for (const step of [/hover/i, /Look Up/i]) assert.match(await title.innerText(), step);
    await page.locator('.part.sidebar .composite.title').filter({ hasText: /AI NOTES/i }).first().waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'walkthrough');
  });
});

