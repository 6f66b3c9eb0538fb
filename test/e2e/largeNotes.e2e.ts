// e2e (issue 14): a workspace whose notes folder holds 5,000 generated notes. The tree shows them, Look Up finds one
// of them by an alias, and a hover in a Python file explains a code name of one. The time from opening the workbench
// to the populated tree is printed as a figure (not asserted: speed is the bench's to judge).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { syntheticKnowledgeBase } from '../../bench/lookupBench';
import { gotoLine, repoRoot, runCommand, screenshot, useWorkbench, showHoverUntil } from '../support/codeServer';

const COUNT = 5000;
const extension = () => (process.env.AI_NOTES_VSIX ? { vsix: process.env.AI_NOTES_VSIX } : { folder: repoRoot });

/** A workspace with `big-notes/` (the generated notes plus one probe note) and `probe.py` using the probe's code name. */
function largeWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-5k-'));
  const { files } = syntheticKnowledgeBase(COUNT - 1);
  for (const [p, text] of Object.entries(files)) {
    const full = path.join(dir, 'big-notes', p.replace(/^\/kb\//, ''));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  fs.mkdirSync(path.join(dir, 'big-notes', 'probe'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'big-notes', 'probe', 'quokka-rate.md'),
    ['---', 'title: 袋熊速率', 'title_en: Quokka Rate', 'aliases: [quokka schedule]', 'summary: 测试用的概念。', 'summary_en: A probe concept for the test.',
      'code: [quokka_rate]', 'related: []', '---', '', '# 袋熊速率', '', '## 定义', '', 'x', ''].join('\n'),
  );
  fs.writeFileSync(path.join(dir, 'probe.py'), ['import torch', '', 'quokka_rate = 0.5', 'print(quokka_rate)', ''].join('\n'));
  return dir;
}

describe('5,000 notes in the workspace (code-server)', function () {
  this.timeout(400_000);
  const workspace = largeWorkspace();
  const cs = useWorkbench(() => ({
    workspace,
    extensions: [extension()],
    settings: { 'aiNotes.notesFolders': [path.join(workspace, 'big-notes')] },
  }), { viewport: { width: 1400, height: 900 } });
  let page: Page;
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('shows the notes tree with the generated topics', async () => {
    page = cs.page;
    const t0 = Date.now();
    await page.locator('.activitybar .action-item a[aria-label^="AI Notes"]').first().click();
    const topicRow = page.locator('.part.sidebar .monaco-list-row .label-name').filter({ hasText: /^topic-0\d\d$/ }).first();
    await topicRow.waitFor({ state: 'visible', timeout: 120_000 });
    console.log(`      figure: the AI Notes tree showed the 5,000 notes' topics ${Date.now() - t0} ms after its view was opened`);
    const labels = await page.locator('.part.sidebar .monaco-list-row .label-name').allInnerTexts();
    assert.ok(labels.filter((l) => /^topic-\d{3}$/.test(l.trim())).length >= 5, `topic rows: ${labels.join(', ')}`);
    await screenshot(page, 'large-tree');
  });

  it('finds a note among them with Look Up', async () => {
    const t0 = Date.now();
    await runCommand(page, 'AI Notes: Look Up Concept');
    await page.locator('.quick-input-widget .quick-input-box input').fill('quokka schedule');
    const row = page.locator('.quick-input-widget .quick-input-list .monaco-list-row[data-index="0"] .label-name').filter({ hasText: /Quokka Rate|袋熊速率/ }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    console.log(`      figure: Look Up's first row was the probe note ${Date.now() - t0} ms after the command ran (index built on first use)`);
    await page.keyboard.press('Escape');
  });

  it('explains a code name of one of them in a hover', async () => {
    await runCommand(page, 'View: Show Explorer');
    const file = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: /^probe\.py$/ }).first();
    await file.waitFor({ state: 'visible', timeout: 60_000 });
    await file.click();
    await page.locator('.tabs-container .tab').filter({ hasText: 'probe.py' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .view-lines').first().click();
    await gotoLine(page, 3, 3);
    const hover = await showHoverUntil(page, /Quokka Rate|袋熊速率/);
    await hover.waitFor({ state: 'visible', timeout: 5000 });
    assert.match(await hover.innerText(), /probe concept|测试用的概念/);
    await screenshot(page, 'large-hover');
  });
});
