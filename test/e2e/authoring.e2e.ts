// e2e: writing a note of one's own in code-server: typing `[[` plus pinyin in a user note opens the completion with the
// bundled 交叉熵 note, and a broken link is underlined as a problem (the README's screenshot, docs/authoring.png).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { gotoLine, repoRoot, screenshot, useWorkbench } from '../support/codeServer';

const NOTE = [
  '---',
  'title: 焦点损失',
  'title_en: Focal Loss',
  'aliases: [focal loss]',
  'summary: 给难分类的样本更大的权重，缓解类别不平衡。',
  'summary_en: Cross-entropy that down-weights easy examples, for heavy class imbalance.',
  "formula: 'FL(p_t) = -(1-p_t)^\\gamma \\log p_t'",
  'code: [FocalLoss, sigmoid_focal_loss]',
  'related: []',
  '---',
  '',
  '# 焦点损失',
  '',
  '在交叉熵前乘上 $(1-p_t)^\\gamma$：易分样本的损失被压低。',
  '',
  '见 [[losses/no-such-note]]。',
  '',
  '基于 ',
].join('\n');

/** Clicks the Explorer row whose text matches `name`, once it is visible. */
async function clickExplorerRow(page: Page, name: RegExp, timeout = 30_000): Promise<void> {
  const row = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: name }).first();
  await row.waitFor({ state: 'visible', timeout });
  await row.click();
}

describe('Writing your own notes (packaged VSIX in code-server)', function () {
  this.timeout(240_000);
  const vsix = process.env.AI_NOTES_VSIX || path.join(repoRoot, 'ai-notes-0.1.0.vsix');
  assert.ok(fs.existsSync(vsix), `VSIX not found: ${vsix} (npm run package)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-e2e-mine-'));
  fs.mkdirSync(path.join(dir, 'losses'));
  fs.writeFileSync(path.join(dir, 'losses', 'focal-loss.md'), NOTE);
  fs.mkdirSync(path.join(dir, 'other'));
  const small = (title: string, body: string) => ['---', `title: ${title}`, `title_en: ${title}`, 'aliases: []', 'summary: s', 'summary_en: s', 'code: []', 'related: []', '---', '', `# ${title}`, '', body, ''].join('\n');
  fs.writeFileSync(path.join(dir, 'other', 'draft-a.md'), small('Draft A', 'A.'));
  fs.writeFileSync(path.join(dir, 'other', 'linking.md'), small('Linking', 'See [A](draft-a.md#a) and [[other/draft-a]].'));
  const lines = NOTE.split('\n');

  const cs = useWorkbench(() => ({
    workspace: dir,
    extensions: [{ vsix }],
    colorTheme: 'Default Dark Modern',
    settings: { 'aiNotes.notesFolders': [dir] },
  }));

  it('completes [[ with notes by pinyin and underlines a broken link while writing', async () => {
    const page = cs.page;
    await clickExplorerRow(page, /^losses$/, 60_000);
    await clickExplorerRow(page, /^focal-loss\.md$/);
    await page.locator('.tabs-container .tab').filter({ hasText: 'focal-loss.md' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .view-lines').first().click();

    // The live lint marks the broken link (the extension starts after startup; give it time).
    const squiggle = page.locator('.editor-instance .squiggly-error').first();
    await squiggle.waitFor({ state: 'attached', timeout: 60_000 });

    await gotoLine(page, lines.length, lines[lines.length - 1].length + 1);
    const suggest = page.locator('.editor-widget.suggest-widget .monaco-list-row').filter({ hasText: /交叉熵/ }).first();
    for (let attempt = 0; attempt < 8; attempt++) {
      await page.keyboard.type('[[jiaocha');
      try {
        await suggest.waitFor({ state: 'visible', timeout: 5000 });
        break;
      } catch {
        await page.keyboard.press('Escape');
        for (let i = 0; i < '[[jiaocha'.length; i++) await page.keyboard.press('Backspace');
      }
    }
    await suggest.waitFor({ state: 'visible', timeout: 5000 });
    const text = await page.locator('.editor-widget.suggest-widget').first().innerText();
    assert.match(text, /交叉熵/);
    await page.waitForTimeout(500);
    await screenshot(page, 'authoring');
  });

  it('renaming a note in the Explorer asks to update the links to it, and Yes updates them', async () => {
    const page = cs.page;
    await page.keyboard.press('Escape');
    await clickExplorerRow(page, /^other$/);
    await clickExplorerRow(page, /^draft-a\.md$/);
    await page.keyboard.press('F2');
    const input = page.locator('.part.sidebar .monaco-inputbox input').first();
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('alpha.md');
    await page.keyboard.press('Enter');

    const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /Update 2 links in 1 notes\?/ }).first();
    await toast.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(fs.existsSync(path.join(dir, 'other', 'alpha.md')), 'the file is renamed before the question');
    await toast.locator('.monaco-button').filter({ hasText: /^Yes$/ }).first().click();
    const linking = path.join(dir, 'other', 'linking.md');
    const deadline = Date.now() + 20_000;
    while (!fs.readFileSync(linking, 'utf8').includes('alpha') && Date.now() < deadline) await page.waitForTimeout(200);
    assert.match(fs.readFileSync(linking, 'utf8'), /See \[A\]\(alpha\.md#a\) and \[\[other\/alpha\]\]\./);
  });
});
