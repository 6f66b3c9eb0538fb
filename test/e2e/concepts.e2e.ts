// e2e: "Concepts in this File" lists the concepts of examples/train.py; clicking an occurrence row selects the
// identifier at its line in the editor. "Concept Help" shows the card of the identifier under the cursor. "Find Where
// Used" from a note's preview lists the example files that use it, and a use row opens the file at that line.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findInFrames, gotoLine, previewFrame, repoRoot, runCommand, screenshot, useWorkbench } from '../support/codeServer';

describe('Concepts views (packaged VSIX in code-server)', function () {
  this.timeout(240_000);
  const vsix = process.env.AI_NOTES_VSIX || path.join(repoRoot, 'ai-notes-0.1.0.vsix');
  const lines = fs.readFileSync(path.join(repoRoot, 'examples', 'train.py'), 'utf8').split('\n');
  const adamLine = lines.findIndex((l) => /torch\.optim\.AdamW\(/.test(l)) + 1;
  assert.ok(fs.existsSync(vsix), `VSIX not found: ${vsix} (npm run package)`);
  assert.ok(adamLine > 0, 'examples/train.py builds AdamW');
  const cs = useWorkbench(() => ({ workspace: path.join(repoRoot, 'examples'), extensions: [{ vsix }] }));

  it('lists the concepts of train.py and clicking an occurrence selects it in the editor', async () => {
    const page = cs.page;
    const file = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: /^train\.py$/ }).first();
    await file.waitFor({ state: 'visible', timeout: 60_000 });
    await file.click();
    await page.locator('.tabs-container .tab').filter({ hasText: 'train.py' }).first().waitFor({ timeout: 30_000 });
    await runCommand(page, 'Focus on Concepts in this File View');
    const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /Concepts in this File|本文件中的概念/ }) }).first();
    // Room for the rows (the list renders only what is on screen): fold the Notes view and the first topic.
    await page.locator('.pane-header').filter({ hasText: /^(Notes|笔记)/ }).first().click();
    const first = pane.locator('.monaco-list-row').filter({ hasText: /^(Fundamentals|基础)/ }).first();
    await first.waitFor({ state: 'visible', timeout: 60_000 });
    await first.click();
    const topic = pane.locator('.monaco-list-row').filter({ hasText: /^(Optimization|优化)/ }).first();
    await topic.waitFor({ state: 'visible', timeout: 60_000 });
    const concept = pane.locator('.monaco-list-row').filter({ hasText: /Adam and AdamW|Adam 与 AdamW|AdamW/ }).first();
    await concept.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await concept.innerText(), /\d+/, 'the concept row shows its count');
    await concept.click();
    const occurrence = pane.locator('.monaco-list-row').filter({ hasText: new RegExp(`(line|第) ${adamLine} .*torch\\.optim\\.AdamW`) }).first();
    await occurrence.waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'concepts-file-view');
    await occurrence.click();
    const status = page.locator('.statusbar-item').filter({ hasText: new RegExp(`Ln ${adamLine}, Col \\d+ \\(5 selected\\)|第 ${adamLine} 行`) }).first();
    await status.waitFor({ state: 'visible', timeout: 10_000 });
  });

  it('Concept Help shows the card of the identifier under the cursor', async () => {
    const page = cs.page;
    await runCommand(page, 'Focus on Concept Help View');
    await page.locator('.tabs-container .tab').filter({ hasText: 'train.py' }).first().click();
    const clipLine = lines.findIndex((l) => /clip_grad_norm_\(/.test(l)) + 1;
    await page.locator('.editor-instance .view-lines').first().click();
    await gotoLine(page, clipLine, lines[clipLine - 1].indexOf('clip_grad_norm_') + 3);
    const frame = await findInFrames(page, '.card .title', 60_000);
    await frame.waitForFunction(() => /Clipping|裁剪/.test(document.querySelector('.card .title')?.textContent ?? ''), undefined, { timeout: 20_000 });
    assert.ok(await frame.$('.card .formula .katex'), 'the formula is rendered by KaTeX');
    await screenshot(page, 'concepts-help-view');
  });

  it('Find Where Used from the AdamW note lists train.py, and a use row opens it at the line', async () => {
    const page = cs.page;
    await runCommand(page, 'AI Notes: Look Up Concept', 30_000);
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 20_000 });
    await input.fill('AdamW');
    await page.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: /Adam and AdamW/ }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    const frame = await previewFrame(page, 'Adam and AdamW');
    await frame.click('#where-used');
    // Room for the results: fold the other views of the side bar.
    for (const name of [/^(Concepts in this File|本文件中的概念)/, /^(Concept Help|概念帮助)/]) {
      const header = page.locator('.part.sidebar .pane-header').filter({ hasText: name }).first();
      if ((await header.count()) && (await header.getAttribute('aria-expanded')) === 'true') await header.click();
    }
    const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /Where Used|使用位置/ }) }).first();
    const file = pane.locator('.monaco-list-row').filter({ hasText: /^train\.py/ }).first();
    await file.waitFor({ state: 'visible', timeout: 60_000 });
    await pane.locator('.message, .tree-explorer-viewlet-tree-view-message').filter({ hasText: /uses in|处使用/ }).first().waitFor({ timeout: 30_000 });
    const use = pane.locator('.monaco-list-row').filter({ hasText: /torch\.optim\.AdamW\(/ }).first();
    await use.waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'where-used');
    await use.click();
    const status = page.locator('.statusbar-item').filter({ hasText: new RegExp(`Ln ${adamLine}, Col \\d+|第 ${adamLine} 行`) }).first();
    await status.waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.tabs-container .tab.active').filter({ hasText: 'train.py' }).first().waitFor({ timeout: 10_000 });
  });
});
