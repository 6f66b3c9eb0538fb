// e2e: the core flows — Notes tree, preview with KaTeX, a concept hover with its formula image, Look Up, Search
// Notes — in both of code-server's extension hosts: the Node host (the default) and the browser's web worker host,
// which code-server uses for an extension with a `browser` entry when the user setting
// "remote.extensionKind": {"ai-notes.ai-notes": ["ui"]} is set (it is started with --disable-workspace-trust).
// Each run asserts the host it ran in from "AI Notes: Show Extension Host Info" ([host=web] / [host=node]) and prints
// the figures: the tree's rows after activation, the first formula hover (SVG included), the web bundle's size.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { findInFrames, gotoLine, previewFrame, repoRoot, runCommand, screenshot, useWorkbench, showHoverUntil } from '../support/codeServer';

const EXTENSION_ID = (() => {
  const pj = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { publisher: string; name: string };
  return `${pj.publisher}.${pj.name}`;
})();
const extension = () => (process.env.AI_NOTES_VSIX ? { vsix: process.env.AI_NOTES_VSIX } : { folder: repoRoot });
const INPUT = '.quick-input-widget .quick-input-box input';
const ROWS = '.quick-input-widget .quick-input-list .monaco-list-row';
const ACTIVITY_ENTRY = 'a[aria-label^="AI Notes"]';

/** Budgets of issue 17 for the web host. */
const TREE_BUDGET_MS = 2000;
const HOVER_BUDGET_MS = 150;
const WEB_BUNDLE_BUDGET = 3 * 1024 * 1024;

interface HostInfo {
  host: string;
  notes: number;
  loadMs?: number;
  treeMs?: number;
  cacheHits: number;
  hoverMs?: number;
}

/** Runs "Show Extension Host Info" and reads its notification: `[host=web]`, the note count and the timings. */
async function readHostInfo(page: Page): Promise<HostInfo> {
  await runCommand(page, 'AI Notes: Show Extension Host Info', 60_000);
  const toast = page.locator('.notifications-toasts .notification-toast').filter({ hasText: /\[host=\w+\]/ }).last();
  await toast.waitFor({ state: 'visible', timeout: 20_000 });
  const text = await toast.innerText();
  await page.keyboard.press('Escape');
  const m = /\[host=(\w+)\]: (\d+) notes; loaded ([\d–]+) ms and tree shown ([\d–]+) ms after activation \(note cache: (\d+) hits, \d+ misses\); first formula hover ([\d–]+) ms/.exec(text);
  assert.ok(m, `host info notification: ${text}`);
  const num = (s: string) => (s === '–' ? undefined : Number(s));
  const stages = /\((find [^)]*)\)/.exec(text)?.[1];
  if (stages) console.log(`      first hover stages: ${stages}`);
  const load = /\[(load [^\]]*)\]/.exec(text)?.[1];
  if (load) console.log(`      ${load}`);
  // Close it so the next one is the only toast.
  await page.locator('.notifications-toasts .notification-toast .codicon-notifications-clear').first().click({ timeout: 2000 }).catch(() => undefined);
  return { host: m[1], notes: Number(m[2]), loadMs: num(m[3]), treeMs: num(m[4]), cacheHits: Number(m[5]), hoverMs: num(m[6]) };
}

function webBundleBytes(): { total: number; files: string[] } {
  const dir = path.join(repoRoot, 'dist', 'web');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  return { total: files.reduce((s, f) => s + fs.statSync(path.join(dir, f)).size, 0), files };
}

/** A copy of examples/ with a folder of the user's own notes, `my-notes/`, named workspace-relative in the settings. */
function workspaceWithMyNotes(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-hosts-'));
  fs.cpSync(path.join(repoRoot, 'examples'), dir, { recursive: true });
  fs.mkdirSync(path.join(dir, 'my-notes'));
  fs.writeFileSync(path.join(dir, 'my-notes', 'host-check.md'), noteText('主机检查', 'Host Check Note'));
  return dir;
}

function noteText(title: string, titleEn: string): string {
  return `---\ntitle: ${title}\ntitle_en: ${titleEn}\nsummary: 测试笔记\nsummary_en: A note of the e2e test\n---\n# ${titleEn}\n\n$$a^2 + b^2 = c^2$$\n`;
}

for (const host of ['web', 'node'] as const) {
  describe(`Core flows in the ${host} extension host (code-server)`, function () {
    this.timeout(300_000);
    let workspace = '';
    const cs = useWorkbench(
      () => ({
        workspace: (workspace = workspaceWithMyNotes()),
        extensions: [extension()],
        settings: { 'aiNotes.notesFolders': ['my-notes'], ...(host === 'web' ? { 'remote.extensionKind': { [EXTENSION_ID]: ['ui'] } } : {}) },
      }),
      { viewport: { width: 1400, height: 900 } },
    );
    let page: Page;
    const figures: string[] = [];

    before(() => {
      page = cs.page;
    });

    after(() => {
      if (workspace && !process.env.AI_NOTES_KEEP_TMP) fs.rmSync(workspace, { recursive: true, force: true });
      if (figures.length) console.log(`      figures (${host} host): ${figures.join('; ')}`);
    });

    it('shows the Notes tree with topic rows', async () => {
      const item = page.locator(`.activitybar .action-item:has(${ACTIVITY_ENTRY})`).first();
      await item.waitFor({ state: 'visible', timeout: 60_000 });
      if (!/\bchecked\b/.test((await item.getAttribute('class')) ?? '')) await item.locator(ACTIVITY_ENTRY).click();
      // A topic of the bundled notes (notes/losses/_index.md): 损失函数 / Loss Functions.
      await page.locator('.part.sidebar .monaco-list-row').filter({ hasText: /Loss|损失/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
      await screenshot(page, `hosts-${host}-tree`);
    });

    it('shows the user’s workspace-relative notes folder under My notes, and a note added on disk appears (live reload)', async () => {
      const rows = page.locator('.part.sidebar .monaco-list-row');
      const mine = rows.filter({ hasText: /^(My notes|我的笔记)/ }).first();
      await mine.waitFor({ state: 'visible', timeout: 30_000 });
      if ((await mine.getAttribute('aria-expanded')) !== 'true') await mine.click();
      await rows.filter({ hasText: /Host Check Note|主机检查/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
      fs.writeFileSync(path.join(workspace, 'my-notes', 'live-reload.md'), noteText('热重载', 'Live Reload Note'));
      await rows.filter({ hasText: /Live Reload Note|热重载/ }).first().waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot(page, `hosts-${host}-my-notes`);
    });

    it(`runs in the ${host} extension host, with the bundled notes loaded`, async () => {
      const info = await readHostInfo(page);
      assert.equal(info.host, host, `the extension ran in the ${info.host} host`);
      assert.ok(info.notes > 50, `${info.notes} notes loaded`);
      assert.ok(info.treeMs !== undefined, 'the tree showed notes');
      figures.push(`${info.notes} notes loaded ${info.loadMs} ms, tree populated ${info.treeMs} ms after activation (budget ${TREE_BUDGET_MS} ms)`);
      if (host === 'web') assert.ok(info.treeMs <= TREE_BUDGET_MS, `the tree took ${info.treeMs} ms after activation in the web host`);
    });

    it('Look Up Concept → 交叉熵 opens the preview with KaTeX', async () => {
      await runCommand(page, 'AI Notes: Look Up Concept', 60_000);
      await page.locator(INPUT).fill('交叉熵');
      const first = page.locator(`${ROWS}[data-index="0"] .label-name`).filter({ hasText: /Cross-Entropy|交叉熵/ }).first();
      await first.waitFor({ state: 'visible', timeout: 30_000 });
      const title = (await first.innerText()).trim();
      await page.keyboard.press('Enter');
      const frame = await previewFrame(page, title);
      await frame.waitForSelector('.katex', { timeout: 30_000 });
      assert.ok((await frame.$$('.katex')).length > 0, 'KaTeX rendered the note’s formulas');
      await screenshot(page, `hosts-${host}-preview`);
    });

    it('Search Notes finds a line of a note body', async () => {
      await runCommand(page, 'AI Notes: Search Notes', 30_000);
      await page.locator(INPUT).waitFor({ state: 'visible', timeout: 15_000 });
      await page.locator(INPUT).fill('drop_last');
      const row = page.locator(ROWS).filter({ hasText: 'drop_last' }).filter({ hasText: /line \d+/ }).first();
      await row.waitFor({ state: 'visible', timeout: 30_000 });
      await row.click();
      const frame = await findInFrames(page, 'mark.search-term', 60_000);
      const marked = await frame.$$eval('mark.search-term', (ms) => ms.map((m) => m.textContent?.toLowerCase()));
      assert.ok(marked.length > 0 && marked.every((t) => t === 'drop_last'), JSON.stringify(marked));
    });

    it('a hover over num_epochs shows the epoch note with its formula image', async () => {
      const lines = fs.readFileSync(path.join(repoRoot, 'examples', 'train.py'), 'utf8').split('\n');
      const line = lines.findIndex((l) => /^num_epochs\s*=/.test(l)) + 1;
      assert.ok(line > 0, 'examples/train.py assigns num_epochs');
      await runCommand(page, 'View: Show Explorer', 30_000);
      const fileRow = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: /^train\.py$/ }).first();
      await fileRow.waitFor({ state: 'visible', timeout: 60_000 });
      await fileRow.click();
      await page.locator('.tabs-container .tab').filter({ hasText: 'train.py' }).first().waitFor({ timeout: 30_000 });
      await page.locator('.editor-instance .view-lines').first().click();
      await gotoLine(page, line, 3);
      const hover = await showHoverUntil(page, /Epoch|轮次/);
      const img = hover.locator('img[src^="data:image/svg+xml"]').first();
      await img.waitFor({ state: 'attached', timeout: 15_000 });
      await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle(), { timeout: 10_000 });
      const size = await img.evaluate((el) => ({ w: (el as HTMLImageElement).naturalWidth, h: (el as HTMLImageElement).naturalHeight }));
      assert.ok(size.w > 20 && size.h > 5, `formula image is ${size.w}×${size.h}`);
      await screenshot(page, `hosts-${host}-hover`);
      await page.keyboard.press('Escape');
      const info = await readHostInfo(page);
      assert.equal(info.host, host);
      assert.ok(info.hoverMs !== undefined, 'the first formula hover was timed');
      figures.push(`first formula hover ${info.hoverMs} ms, SVG included (budget ${HOVER_BUDGET_MS} ms)`);
      if (host === 'web') assert.ok(info.hoverMs <= HOVER_BUDGET_MS, `the first hover took ${info.hoverMs} ms in the web host`);
    });

    if (host === 'web') {
      it('after a reload, the notes come from the note cache in global storage (workspace.fs)', async () => {
        // The cache is written 3 s after a load (webNoteCacheStore); a reload then reads it.
        await page.waitForTimeout(4000);
        await runCommand(page, 'Developer: Reload Window', 30_000);
        await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
        const item = page.locator(`.activitybar .action-item:has(${ACTIVITY_ENTRY})`).first();
        await item.waitFor({ state: 'visible', timeout: 60_000 });
        if (!/\bchecked\b/.test((await item.getAttribute('class')) ?? '')) await item.locator(ACTIVITY_ENTRY).click();
        await page.locator('.part.sidebar .monaco-list-row').filter({ hasText: /Loss|损失/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
        const info = await readHostInfo(page);
        assert.equal(info.host, 'web');
        assert.ok(info.cacheHits > 50, `${info.cacheHits} notes from the cache after the reload`);
        figures.push(`warm start: ${info.notes} notes loaded ${info.loadMs} ms, tree ${info.treeMs} ms after activation, ${info.cacheHits} from the cache`);
      });

      it('the web bundle (all chunks) is within its budget', () => {
        const { total, files } = webBundleBytes();
        figures.push(`web bundle ${(total / 1048576).toFixed(2)} MB in ${files.join(', ')} (budget 3 MB)`);
        assert.ok(files.includes('extension.js') && files.includes('texToSvg.js'), files.join(', '));
        assert.ok(total <= WEB_BUNDLE_BUDGET, `${total} bytes`);
      });
    }
  });
}
