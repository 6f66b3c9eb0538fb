// e2e: the screens changed in 0.2 in the dark and high-contrast themes — the preview (related cards, toolbar with
// Find Where Used), the Notes tree's context menu, the Where Used view and a Search Notes hit on arrival. Each run
// asserts what the theme must change (and that the tree selects the note shown when it comes into view) (the page's theme class, the high-contrast outline of a marked word) and saves
// a screenshot per screen to test-results/ for a person to look at.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { findInFrames, previewFrame, repoRoot, runCommand, screenshot, useWorkbench } from '../support/codeServer';

const INPUT = '.quick-input-widget .quick-input-box input';
const ROWS = '.quick-input-list .monaco-list-row';

async function openNote(page: Page, query: string, title: string): Promise<Frame> {
  await runCommand(page, 'AI Notes: Look Up Concept', 60_000);
  await page.locator(INPUT).waitFor({ state: 'visible', timeout: 20_000 });
  await page.locator(INPUT).fill(query);
  await page.locator(ROWS).first().filter({ hasText: title }).waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
  return previewFrame(page, title);
}

for (const [theme, bodyClass, slug] of [
  ['Default Dark Modern', 'vscode-dark', 'dark'],
  ['Default High Contrast', 'vscode-high-contrast', 'hc'],
] as const) {
  describe(`Changed screens in ${theme} (packaged VSIX in code-server)`, function () {
    this.timeout(300_000);
    const vsix = process.env.AI_NOTES_VSIX || path.join(repoRoot, 'ai-notes-0.1.0.vsix');
    assert.ok(fs.existsSync(vsix), `VSIX not found: ${vsix} (npm run package)`);
    const cs = useWorkbench(() => ({ workspace: path.join(repoRoot, 'examples'), extensions: [{ vsix }], colorTheme: theme }), { viewport: { width: 1400, height: 900 } });

    it('preview, tree context menu, Where Used and a search hit follow the theme', async () => {
      const page = cs.page;
      const frame = await openNote(page, 'AdamW', 'Adam and AdamW');
      assert.ok(await frame.evaluate((c) => document.body.classList.contains(c), bodyClass), `the preview page has ${bodyClass}`);
      await frame.evaluate(() => document.querySelector('.related, #related, .related-notes')?.scrollIntoView());
      await screenshot(page, `theme-${slug}-preview-related`);

      // The Notes tree's context menu on a note.
      await page.locator('.activitybar .action-item a[aria-label^="AI Notes"]').first().click();
      // The note the preview shows is selected when the tree comes into view (it was hidden when the note opened).
      const selected = page.locator('.part.sidebar .monaco-list-row[aria-selected="true"]').first();
      await selected.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await selected.innerText(), /^(Adam and AdamW|Adam 与 AdamW)/);
      await selected.click({ button: 'right' });
      const menu = page.locator('.context-view .monaco-menu, .monaco-menu-container').first();
      await menu.waitFor({ state: 'visible', timeout: 10_000 });
      const items = await menu.innerText();
      for (const label of ['Open to the Side', 'Find Where Used', 'Copy Link']) assert.ok(items.includes(label), `menu: ${items}`);
      await screenshot(page, `theme-${slug}-tree-menu`);
      await page.keyboard.press('Escape');

      // Where Used from the preview's toolbar.
      const preview = await previewFrame(page, 'Adam and AdamW');
      await preview.click('#where-used');
      const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /Where Used|使用位置/ }) }).first();
      await pane.locator('.monaco-list-row').filter({ hasText: /^train\.py/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await screenshot(page, `theme-${slug}-where-used`);

      // A Search Notes hit on arrival.
      await runCommand(page, 'AI Notes: Search Notes', 30_000);
      await page.locator(INPUT).fill('drop_last');
      await page.locator(ROWS).filter({ hasText: 'drop_last' }).filter({ hasText: /line \d+/ }).first().click();
      const hit = await findInFrames(page, 'mark.search-term', 60_000);
      const outline = await hit.$eval('mark.search-term', (m) => getComputedStyle(m).outlineStyle);
      if (slug === 'hc') assert.equal(outline, 'dotted', 'high contrast outlines a marked word');
      await page.waitForTimeout(1800); // after the arrival flash
      await screenshot(page, `theme-${slug}-search-hit`);
    });
  });
}
