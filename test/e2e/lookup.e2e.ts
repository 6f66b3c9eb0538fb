// e2e: the command-palette lookup in code-server, driven in headless Chromium.
//  1. F1 → "AI Notes: Look Up Concept" → type 交叉熵 → the first row is the cross-entropy note (VS Code
//     highlights the typed text in it) → Enter opens the note's preview.
//  2. The default keybinding (Ctrl+Alt+Y) opens the lookup; pinyin initials `jcs` find the same note; the
//     empty query lists it under "Recently opened"; the row's go-to-file button opens the Markdown source.
//  3. The empty query lists topics; Enter on one lists its notes, Back returns.
//  4. A Chinese question (梯度消失怎么办) finds its note; a query naming nothing shows "No concept matches", and
//     Enter on that row opens Search Notes with the same query.
//  5. Search Notes finds a line of a note body and shows it under the note.
// Runs against the VSIX in AI_NOTES_VSIX (npm run test:e2e packages one), else against this folder's build.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { createKnowledgeBase, displayTitle, type Note } from '../../src/core';
import { findInFrames, previewFrame, repoRoot, runCommand, screenshot, useWorkbench } from '../support/codeServer';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const extension = () => (process.env.AI_NOTES_VSIX ? { vsix: process.env.AI_NOTES_VSIX } : { folder: repoRoot });

const INPUT = '.quick-input-widget .quick-input-box input';
const ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';

/** The label of the quick pick's first row, once the list shows one for the current query. */
async function firstRowLabel(page: Page): Promise<string> {
  const row = page.locator(`${ROWS}[data-index="0"] .label-name`).first();
  await row.waitFor({ state: 'visible', timeout: 20_000 });
  return (await row.innerText()).trim();
}

/** Types `query` into the open quick pick and waits until the first row is `label`. */
async function typeAndExpectFirst(page: Page, query: string, label: string, timeout = 20_000): Promise<void> {
  await page.locator(INPUT).fill(query);
  const t0 = Date.now();
  let last = '';
  for (;;) {
    last = await firstRowLabel(page).catch(() => '');
    if (last === label) return;
    if (Date.now() - t0 > timeout) assert.fail(`first row for "${query}" is "${last}", expected "${label}"`);
    await sleep(200);
  }
}


describe('Look Up Concept (code-server)', function () {
  this.timeout(300_000);
  const cs = useWorkbench(
    () => ({ workspace: path.join(repoRoot, 'examples'), extensions: [extension()], colorTheme: 'Default Light Modern' }),
    { viewport: { width: 1400, height: 900 } },
  );
  let page: Page;
  let note: Note;
  let title: string;

  before(async function () {
    page = cs.page;
    const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repoRoot, 'notes')] }).load();
    note = snapshot.notes.get('losses/cross-entropy')!;
    assert.ok(note, 'notes/losses/cross-entropy.md is missing');
    title = displayTitle(note, 'en'); // the workbench runs in English
  });

  it('F1 → Look Up Concept → 交叉熵 → the cross-entropy note first → Enter opens it', async () => {
    await runCommand(page, 'AI Notes: Look Up Concept', 60_000);
    await page.locator(INPUT).waitFor({ state: 'visible', timeout: 20_000 });
    await typeAndExpectFirst(page, '交叉熵', title);
    // The first row is the note itself, not one of its headings ("Cross-Entropy › …").
    assert.equal(await firstRowLabel(page), title);
    await screenshot(page, 'lookup-cross-entropy');
    await page.keyboard.press('Enter');
    await page.locator(INPUT).waitFor({ state: 'hidden', timeout: 15_000 });
    const frame = await previewFrame(page, title);
    assert.ok(await frame.$('.katex'), 'the opened note is rendered (KaTeX present)');
  });

  it('highlights the typed words in the first row', async () => {
    await runCommand(page, 'AI Notes: Look Up Concept', 30_000);
    await typeAndExpectFirst(page, 'cross-entropy', title);
    const highlights = page.locator(`${ROWS}[data-index="0"] .label-name .highlight`);
    assert.ok((await highlights.count()) > 0, 'VS Code highlights the match in the label');
    await page.keyboard.press('Escape');
  });

  it('opens with Ctrl+Alt+Y, finds pinyin initials, lists recent notes, opens the source from the row button', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.part.statusbar').click({ position: { x: 600, y: 10 } });
    await page.keyboard.press('Control+Alt+y');
    const input = page.locator(INPUT);
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    assert.match((await input.getAttribute('placeholder')) ?? '', /Look up a concept/);
    // Empty query: the note opened in the first test heads "Recently opened".
    assert.equal(await firstRowLabel(page), title);
    await typeAndExpectFirst(page, 'jcs', title);
    const row = page.locator(`${ROWS}[data-index="0"]`);
    const button = row.locator('.action-label.codicon-go-to-file');
    // The row's action bar shows on hover; a click that lands on the row instead of its button accepts the row
    // (opens the preview), so wait until the button itself is shown and is what the mouse would hit.
    await row.hover();
    await button.waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForFunction((sel) => {
      const b = document.querySelector(sel);
      if (!b) return false;
      const r = b.getBoundingClientRect();
      return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b;
    }, `${ROWS}[data-index="0"] .action-label.codicon-go-to-file`, { timeout: 10_000 });
    await button.click();
    await input.waitFor({ state: 'hidden', timeout: 15_000 });
    const tab = page.locator('.tabs-container .tab', { hasText: 'cross-entropy.md' }).first();
    await tab.waitFor({ state: 'visible', timeout: 20_000 }).catch(async (e: Error) => {
      const tabs = await page.locator('.tabs-container .tab').allInnerTexts();
      throw new Error(`the source tab did not open; open tabs: ${JSON.stringify(tabs)}\n${e.message}`);
    });
  });

  it('lists topics for an empty query and enters one', async () => {
    await runCommand(page, 'AI Notes: Look Up Concept', 30_000);
    const input = page.locator(INPUT);
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    const topicRow = page.locator(ROWS).filter({ has: page.locator('.codicon-folder') }).first();
    await topicRow.waitFor({ state: 'visible', timeout: 20_000 });
    await screenshot(page, 'lookup-empty');
    const topicLabel = (await topicRow.locator('.label-name').first().innerText()).trim();
    await topicRow.click();
    await page.waitForFunction(() => !!document.querySelector('.quick-input-widget .quick-input-titlebar .codicon-quick-input-back, .quick-input-widget .codicon-arrow-left'), undefined, { timeout: 15_000 });
    assert.match((await input.getAttribute('placeholder')) ?? '', new RegExp(`^Notes in ${topicLabel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await page.keyboard.press('Escape');
  });

  it('a Chinese question finds its note; a query that names nothing says so and Enter searches all note text', async () => {
    const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repoRoot, 'notes')] }).load();
    const vanishing = snapshot.notes.get('optimization/vanishing-exploding-gradients');
    assert.ok(vanishing, 'notes/optimization/vanishing-exploding-gradients.md is missing');
    await runCommand(page, 'AI Notes: Look Up Concept', 30_000);
    const input = page.locator(INPUT);
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await typeAndExpectFirst(page, '梯度消失怎么办', displayTitle(vanishing, 'en'));
    await screenshot(page, 'lookup-chinese-question');
    const nonsense = 'qzxv wvkj';
    await input.fill(nonsense);
    await page.locator(`${ROWS}[data-index="0"]`, { hasText: `No concept matches “${nonsense}”` }).waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await page.locator(ROWS).count(), 1, 'no "best" note is offered for a query that names nothing');
    await screenshot(page, 'lookup-no-match');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Search note titles and text/.test(document.querySelector('.quick-input-widget .quick-input-box input')?.getAttribute('placeholder') ?? ''), undefined, { timeout: 20_000 });
    assert.equal(await input.inputValue(), nonsense, 'Search Notes opens with the same query');
    await page.locator(`${ROWS}[data-index="0"]`, { hasText: `No note mentions “${nonsense}”` }).waitFor({ state: 'visible', timeout: 20_000 });
    await page.keyboard.press('Escape');
  });

  it('Search Notes shows the matching line of a note body, and opening it marks the query there', async () => {
    await runCommand(page, 'AI Notes: Search Notes', 30_000);
    const input = page.locator(INPUT);
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('drop_last');
    const detail = page.locator(ROWS).filter({ hasText: 'drop_last' }).first();
    await detail.waitFor({ state: 'visible', timeout: 20_000 });
    assert.doesNotMatch(await detail.innerText(), /`|\$|\*\*|\]\(/, 'the line is shown as text, without Markdown or TeX source');
    await screenshot(page, 'search-notes');
    // Opening the line: the preview scrolls to it and marks the query there.
    await page.locator(ROWS).filter({ hasText: 'drop_last' }).filter({ hasText: /line \d+/ }).first().click();
    const frame = await findInFrames(page, 'mark.search-term', 60_000);
    const marked = await frame.$$eval('mark.search-term', (ms) => ms.map((m) => m.textContent));
    assert.ok(marked.length > 0 && marked.every((t) => t?.toLowerCase() === 'drop_last'), JSON.stringify(marked));
    const inView = await frame.$eval('mark.search-term', (m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    assert.ok(inView, 'the marked word is on screen');
    await screenshot(page, 'search-hit-arrival');
  });
});
