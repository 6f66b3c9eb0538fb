// e2e: the note preview of the packaged VSIX in code-server, driven in headless Chromium.
//  1. Clicking the cross-entropy note in the tree opens the rendered note: KaTeX, no math errors;
//     screenshots in the light and the dark theme (test-results/preview-light.png, preview-dark.png).
//  2. Every hostile note (test/fixtures/hostile-notes plus the generated 2 MB, nesting and binary ones),
//     opened from the tree in the real webview: no script ran (sentinel globals unset, no dialogs, no
//     handler attributes), the page shows text and a message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { createKnowledgeBase, displayTitle, type KnowledgeBaseSnapshot, type Note } from '../../src/core';
import { prepareHostileNotes } from '../fixtures/hostileNotes';
import { CodeServer, Workbench, onFailure, openWorkbench, previewFrame, repoRoot, screenshot, startCodeServer } from '../support/codeServer';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

const vsix = () => process.env.AI_NOTES_VSIX || path.join(repoRoot, 'ai-notes-0.1.0.vsix');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The titles the tree and the panel show in an English UI. */
const titleOf = (item: { title: string; titleEn: string }) => displayTitle(item, 'en');

const ACTIVITY_ENTRY = 'a[aria-label^="AI Notes"]';

async function openActivity(page: Page): Promise<void> {
  const item = page.locator(`.activitybar .action-item:has(${ACTIVITY_ENTRY})`).first();
  await item.waitFor({ state: 'visible', timeout: 60_000 });
  // Clicking an already-active entry would close the side bar.
  if (!/\bchecked\b/.test((await item.getAttribute('class')) ?? '')) await item.locator(ACTIVITY_ENTRY).click();
  await page.locator('.part.sidebar').waitFor({ state: 'visible' });
}

/** The tree row whose label is exactly `label`. */
function treeRow(page: Page, label: string) {
  return page
    .locator('.part.sidebar .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) }) })
    .first();
}

async function expandTopic(page: Page, label: string): Promise<void> {
  const row = treeRow(page, label);
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: 20_000 });
}

/** Runs the command palette entry labelled exactly `label` (clicking it: similar entries match the same words). */
async function runExactCommand(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  await input.fill(`>${label}`);
  await quickPickRow(page, label).click();
}

function quickPickRow(page: Page, label: string) {
  return page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRe(label)}\\s*$`) }) })
    .first();
}

/** Switches the colour theme with "Preferences: Color Theme", as a user would (`theme` as the picker labels it). */
async function setColorTheme(page: Page, theme: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await runExactCommand(page, 'Preferences: Color Theme');
  await input.fill(theme);
  await quickPickRow(page, theme).click();
  await input.waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
}


async function loadSnapshot(root: string, includeBundled: boolean): Promise<KnowledgeBaseSnapshot> {
  const roots = includeBundled ? [path.join(repoRoot, 'notes'), root] : [root];
  return createKnowledgeBase({ files: nodeNoteFiles, roots }).load();
}

describe('Note preview (packaged VSIX in code-server)', function () {
  this.timeout(300_000);
  let server: CodeServer | undefined;
  let wb: Workbench | undefined;
  let page: Page;
  let snapshot: KnowledgeBaseSnapshot;
  let note: Note;

  before(async function () {
    assert.ok(fs.existsSync(vsix()), `VSIX not found: ${vsix()} (npm run package)`);
    snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repoRoot, 'notes')] }).load();
    note = snapshot.notes.get('losses/cross-entropy')!;
    assert.ok(note, 'notes/losses/cross-entropy.md is missing');
    server = await startCodeServer({ workspace: path.join(repoRoot, 'examples'), extensions: [{ vsix: vsix() }], colorTheme: 'Default Light Modern' });
    wb = await openWorkbench(server.url, { viewport: { width: 1400, height: 900 } });
    page = wb.page;
  });

  afterEach(async function () {
    await onFailure(this, server, page);
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
  });

  let frame: Frame;

  it('opens the cross-entropy note from the tree as a rendered preview', async () => {
    await openActivity(page);
    const topic = snapshot.topics.get(note.topicId)!;
    await expandTopic(page, titleOf(topic));
    await treeRow(page, titleOf(note)).click();
    frame = await previewFrame(page, titleOf(note));
    const tab = page.locator('.part.editor .tabs-container .tab').filter({ hasText: titleOf(note) }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('shows KaTeX math and no math error', async () => {
    await frame.waitForSelector('#content .katex', { timeout: 30_000 });
    const counts = await frame.evaluate(() => ({
      katex: document.querySelectorAll('#content .katex').length,
      display: document.querySelectorAll('#content .katex-display').length,
      errors: document.querySelectorAll('.katex-error, .math-error').length,
      outline: document.querySelectorAll('#outline-list a').length,
      problems: document.querySelectorAll('.render-problems, .note-error').length,
    }));
    assert.ok(counts.katex > 3, JSON.stringify(counts));
    assert.equal(counts.errors, 0, JSON.stringify(counts));
    assert.equal(counts.problems, 0, JSON.stringify(counts));
    assert.ok(counts.outline > 0, 'the outline lists the headings');
  });

  it('lays out KaTeX with its own fonts (CSS and fonts load under the CSP)', async () => {
    const font = await frame.evaluate(async () => {
      await document.fonts.ready;
      const el = document.querySelector('#content .katex .mathnormal') ?? document.querySelector('#content .katex');
      return { family: el ? getComputedStyle(el).fontFamily : '', loaded: Array.from(document.fonts as unknown as Iterable<FontFace>).filter((f) => f.status === 'loaded').map((f) => f.family) };
    });
    assert.match(font.family, /KaTeX/);
    assert.ok(font.loaded.some((f) => /KaTeX/.test(f)), JSON.stringify(font.loaded));
    const cspErrors = wb!.errors.filter((e) => /Content[- ]Security[- ]Policy/i.test(e));
    assert.deepEqual(cspErrors, []);
  });

  it('follows a link (its title names the target), comes back with the button and Alt+←/Alt+→, and Ctrl+click opens beside', async () => {
    const link = await frame.$('#content a.note-link, #related a.related-card');
    assert.ok(link, 'the note links to another note');
    const targetId = await link.getAttribute('data-note');
    const target = snapshot.notes.get(targetId!)!;
    // The target shows on hover, as a link's title.
    assert.ok([target.title, target.titleEn].includes(String(await link.getAttribute('title'))), String(await link.getAttribute('title')));
    await link.click();
    let next = await previewFrame(page, titleOf(target));
    await next.locator('#back').click();
    frame = await previewFrame(page, titleOf(note));
    // Alt+→ and Alt+← move through the history as VS Code's own navigation does.
    await frame.locator('#content p').first().click();
    await page.keyboard.press('Alt+ArrowRight');
    next = await previewFrame(page, titleOf(target));
    await next.locator('#content p').first().click();
    await page.keyboard.press('Alt+ArrowLeft');
    frame = await previewFrame(page, titleOf(note));
    // Ctrl+click opens the target in a second preview beside this one.
    const groups = await page.locator('.editor-group-container').count();
    const again = await frame.$(`#content a.note-link[data-note="${targetId}"], #related a.related-card[data-note="${targetId}"]`);
    assert.ok(again);
    await again.click({ modifiers: ['Control'] });
    await page.waitForFunction((n) => document.querySelectorAll('.editor-group-container').length > n, groups, { timeout: 30_000 });
    await previewFrame(page, titleOf(target));
    // Close the side preview (its group closes with it), back to one preview.
    const side = page.locator('.editor-group-container').nth(groups);
    await side.locator('.tab.active').hover();
    await side.locator('.tab.active .codicon-close, .tab.active .action-label.codicon-close').first().click();
    await page.waitForFunction((n) => document.querySelectorAll('.editor-group-container').length === n, groups, { timeout: 30_000 });
    frame = await previewFrame(page, titleOf(note));
  });

  it('takes screenshots in the light and the dark theme', async () => {
    await sleep(800);
    const light = await screenshot(page, 'preview-light');
    assert.ok(fs.statSync(light).size > 20_000);
    await setColorTheme(page, 'Dark Modern'); // the picker's label of "Default Dark Modern"
    await page.waitForSelector('.monaco-workbench.vs-dark', { timeout: 30_000 });
    await frame.waitForFunction(() => document.body.classList.contains('vscode-dark'), undefined, { timeout: 30_000 });
    await sleep(800);
    const dark = await screenshot(page, 'preview-dark');
    assert.ok(fs.statSync(dark).size > 20_000);
    // Code, tables and related notes further down, for a look at their styles.
    await frame.evaluate(() => document.querySelector('pre.code-block')?.scrollIntoView({ block: 'center' }));
    await sleep(400);
    await screenshot(page, 'preview-dark-code');
    await frame.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await sleep(400);
    await screenshot(page, 'preview-dark-end');
    // High contrast: the page follows it too (borders from --vscode-contrastBorder).
    await setColorTheme(page, 'Dark High Contrast');
    await frame.waitForFunction(() => document.body.classList.contains('vscode-high-contrast'), undefined, { timeout: 30_000 });
    await frame.evaluate(() => window.scrollTo(0, 0));
    await sleep(600);
    await screenshot(page, 'preview-high-contrast');
  });

  it('survives a window reload and keeps its reading position', async () => {
    const before = await frame.evaluate(async () => {
      const pre = document.querySelector<HTMLElement>('pre.code-block');
      pre?.scrollIntoView({ block: 'start' });
      await new Promise((r) => setTimeout(r, 600)); // the position is saved 200 ms after scrolling stops
      return { y: window.scrollY, line: pre?.dataset.line };
    });
    assert.ok(before.y > 200, `scrolled to ${before.y}`);
    // As a user would: the window saves its state (the webview's included) before it reloads.
    await runExactCommand(page, 'Developer: Reload Window');
    await page.waitForEvent('load', { timeout: 90_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    frame = await previewFrame(page, titleOf(note), 90_000);
    await sleep(1000);
    const after = await frame.evaluate(() => {
      const toolbar = document.querySelector('.toolbar')!.getBoundingClientRect().bottom;
      const pre = document.querySelector<HTMLElement>('pre.code-block')!;
      return { y: window.scrollY, preTop: pre.getBoundingClientRect().top - toolbar };
    });
    assert.ok(Math.abs(after.y - before.y) < 40, `scroll ${before.y} before the reload, ${after.y} after`);
    assert.ok(Math.abs(after.preTop) < 40, `the code block is ${after.preTop}px from the top of the view`);
  });
});

describe('Hostile notes in the real preview (packaged VSIX in code-server)', function () {
  this.timeout(600_000);
  let server: CodeServer | undefined;
  let wb: Workbench | undefined;
  let page: Page;
  let dir: string;
  let snapshot: KnowledgeBaseSnapshot;
  const dialogs: string[] = [];

  before(async function () {
    assert.ok(fs.existsSync(vsix()), `VSIX not found: ${vsix()} (npm run package)`);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-hostile-e2e-'));
    prepareHostileNotes(dir);
    snapshot = await loadSnapshot(dir, false);
    server = await startCodeServer({
      workspace: path.join(repoRoot, 'examples'),
      extensions: [{ vsix: vsix() }],
      colorTheme: 'Default Light Modern',
      settings: { 'aiNotes.includeBundledNotes': false, 'aiNotes.notesFolders': [dir] },
    });
    wb = await openWorkbench(server.url, { viewport: { width: 1400, height: 1000 } });
    page = wb.page;
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    await openActivity(page);
    await expandTopic(page, titleOf(snapshot.topics.get('hostile')!));
  });

  afterEach(async function () {
    await onFailure(this, server, page);
  });

  after(async () => {
    await wb?.close();
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const ids = [
    'script-tags', 'img-onerror', 'unsafe-links', 'iframe', 'style-tags', 'front-matter-html', 'katex-href',
    'katex-def-recursion', 'katex-rule', 'unclosed-formula', 'nesting', 'big', 'binary', 'broken-front-matter',
  ].map((n) => `hostile/${n}`);

  for (const id of ids) {
    it(`${id}: runs no script, shows text and a message`, async () => {
      const hostile = snapshot.notes.get(id);
      assert.ok(hostile, `fixture ${id} did not load`);
      const title = titleOf(hostile);
      await treeRow(page, title).click();
      const frame = await previewFrame(page, title, 90_000);
      await sleep(id === 'hostile/big' ? 1500 : 500); // give anything that might run a chance to run
      for (const f of page.frames()) {
        const pwned = await f.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned).catch(() => undefined);
        assert.equal(pwned, undefined, `window.__pwned was set in ${f.url()}`);
      }
      assert.deepEqual(dialogs, []);
      const dom = await frame.evaluate(() => {
        const all = Array.from(document.querySelectorAll('*'));
        return {
          text: (document.getElementById('content')?.innerText ?? '').trim().length,
          bodyVisible: getComputedStyle(document.body).display !== 'none',
          handlers: all.flatMap((e) => Array.from(e.attributes).filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
          // Ours (by src), plus the one VS Code's webview host injects to define acquireVsCodeApi.
          scripts: Array.from(document.scripts)
            .filter((s) => !(s.src === '' && (s.textContent ?? '').includes('acquireVsCodeApi')))
            .map((s) => s.src.split('/').pop()),
          frames: document.querySelectorAll('iframe, object, embed, frame').length,
          styles: document.querySelectorAll('#content style, #content link').length,
          badUrls: Array.from(document.querySelectorAll('[href], [src]'))
            .map((e) => e.getAttribute('href') ?? e.getAttribute('src') ?? '')
            .filter((u) => /^\s*(javascript|vbscript|command|data|file|vscode):/i.test(u)),
          message: document.querySelectorAll('.note-error, .render-problems').length,
        };
      });
      assert.ok(dom.text > 10, `${id}: the page is blank`);
      assert.ok(dom.bodyVisible);
      assert.deepEqual(dom.handlers, [], `${id}: handler attributes`);
      assert.deepEqual(dom.scripts, ['preview.js'], `${id}: scripts`);
      assert.equal(dom.frames, 0);
      assert.equal(dom.styles, 0);
      assert.deepEqual(dom.badUrls, []);
      assert.ok(dom.message > 0, `${id}: shows no message`);
      if (id === 'hostile/unsafe-links') await screenshot(page, 'preview-hostile-links');
    });
  }
});
