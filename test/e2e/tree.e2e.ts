// e2e: the packaged VSIX installed into a fresh code-server, driven in headless Chromium.
// The Notes tree: activity-bar entry → topic rows → a topic's notes → a note opens in an editor tab
// (the preview or Markdown) → its "Open Note Source" inline action opens the Markdown file.
// Topics and notes are read from notes/ on disk at test time, not hard-coded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { parse as parseYaml } from 'yaml';
import { repoRoot, screenshot, useWorkbench } from '../support/codeServer';

interface NoteInfo {
  file: string;
  titles: string[];
}
interface TopicInfo {
  dir: string;
  titles: string[];
  notes: NoteInfo[];
}

function frontMatter(file: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(fs.readFileSync(file, 'utf8'));
  if (!m) return {};
  try {
    return (parseYaml(m[1]) as Record<string, unknown>) ?? {};
  } catch {
    return {};
  }
}

function titlesOf(fm: Record<string, unknown>): string[] {
  return [fm.title, fm.title_en].filter((t): t is string => typeof t === 'string' && t.trim() !== '').map((t) => t.trim());
}

/** Topics (notes/<dir>/_index.md) with their direct notes, as on disk now. */
function readTopics(notesRoot: string): TopicInfo[] {
  const topics: TopicInfo[] = [];
  for (const d of fs.readdirSync(notesRoot, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name.startsWith('.') || d.name.startsWith('_')) continue;
    const dir = path.join(notesRoot, d.name);
    const index = path.join(dir, '_index.md');
    if (!fs.existsSync(index)) continue;
    const notes: NoteInfo[] = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.md') && !f.startsWith('_') && !f.startsWith('.'))
      .map((f) => ({ file: f, titles: titlesOf(frontMatter(path.join(dir, f))) }))
      .filter((n) => n.titles.length > 0);
    topics.push({ dir: d.name, titles: titlesOf(frontMatter(index)), notes });
  }
  return topics.filter((t) => t.titles.length > 0);
}

/** The view container's activity-bar link (its aria-label starts with the container title). */
const ACTIVITY_ENTRY = 'a[aria-label^="AI Notes"]';
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The English title of aiNotes.openSource (its inline action on note rows), from package.nls.json. */
const OPEN_SOURCE_TITLE: string = (() => {
  try {
    return JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8'))['command.openSource'] || 'Open Note Source';
  } catch {
    return 'Open Note Source';
  }
})();

describe('Notes tree (packaged VSIX in code-server)', function () {
  this.timeout(240_000);
  const vsix = process.env.AI_NOTES_VSIX || path.join(repoRoot, 'ai-notes-0.1.0.vsix');
  const topics = readTopics(path.join(repoRoot, 'notes'));
  // Prefer the fundamentals topic, then any topic that has notes.
  const withNotes = topics.filter((t) => t.notes.length > 0);
  const topic: TopicInfo = withNotes.find((t) => t.titles.some((x) => /基础|Fundamentals/i.test(x))) ??
    withNotes[0] ?? { dir: '', titles: ['(no topic)'], notes: [] };

  assert.ok(fs.existsSync(vsix), `VSIX not found: ${vsix} (npm run package)`);
  assert.ok(topic.notes.length > 0, `no topic with notes under ${path.join(repoRoot, 'notes')}`);
  const cs = useWorkbench(() => ({ workspace: path.join(repoRoot, 'examples'), extensions: [{ vsix }] }));
  let page: Page;
  before(() => {
    page = cs.page;
  });

  const sidebarRows = () => page.locator('.part.sidebar .monaco-list-row');
  const exactly = (label: string) => new RegExp(`^\\s*${escapeRe(label)}\\s*$`);
  /** The sidebar row whose label (not its description) is exactly `label`. */
  const rowWithLabel = (label: string) =>
    sidebarRows().filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();
  /** The editor tab whose label is exactly `label`. */
  const tabWithLabel = (label: string) =>
    page.locator('.part.editor .tabs-container .tab').filter({ has: page.locator('.label-name', { hasText: exactly(label) }) }).first();

  /** Polls the rendered sidebar rows until one's label is among `candidates`; returns that label. */
  async function waitForRowLabel(candidates: string[], timeout = 60_000): Promise<string> {
    const t0 = Date.now();
    let labels: string[] = [];
    for (;;) {
      labels = (await page.locator('.part.sidebar .monaco-list-row .label-name').allInnerTexts()).map((l) => l.trim());
      const hit = candidates.find((c) => labels.includes(c));
      if (hit) return hit;
      if (Date.now() - t0 > timeout) {
        throw new Error(`no sidebar row labelled ${JSON.stringify(candidates)}; rows: ${JSON.stringify(labels)}`);
      }
      await page.waitForTimeout(250);
    }
  }

  let topicLabel = '';
  let note: NoteInfo | undefined;
  let noteLabel = '';

  it('installed the VSIX into the fresh extensions dir', () => {
    const dirs = fs.readdirSync(cs.server.extensionsDir);
    assert.ok(dirs.some((d) => d.startsWith('ai-notes.ai-notes-')), `extensions dir holds: ${dirs.join(', ')}`);
  });

  it('has an "AI Notes" activity-bar entry', async () => {
    await page.locator(`.activitybar .action-item ${ACTIVITY_ENTRY}`).first().waitFor({ state: 'visible', timeout: 60_000 });
  });

  it('shows the Notes tree with topic rows', async () => {
    // Clicking an already-active entry would close the side bar.
    const item = page.locator(`.activitybar .action-item:has(${ACTIVITY_ENTRY})`).first();
    // While the notes load, the view shows a "Loading notes…" row, never the welcome text for an empty knowledge base.
    await page.evaluate(() => {
      const w = window as unknown as { welcomeSeen: boolean };
      w.welcomeSeen = false;
      const check = () => {
        if (document.querySelector('.part.sidebar')?.textContent?.includes('No notes were found')) w.welcomeSeen = true;
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
      check();
    });
    if (!/\bchecked\b/.test((await item.getAttribute('class')) ?? '')) await item.locator(ACTIVITY_ENTRY).click();
    await page.locator('.part.sidebar').waitFor({ state: 'visible' });
    topicLabel = await waitForRowLabel(topic.titles);
    assert.equal(await page.evaluate(() => (window as unknown as { welcomeSeen: boolean }).welcomeSeen), false, 'the welcome text showed before the notes were in');
    // The other topics on disk are rows too (at least one more, when there are several).
    const texts = await sidebarRows().allInnerTexts();
    const shown = topics.filter((t) => texts.some((x) => t.titles.some((title) => x.includes(title))));
    assert.ok(shown.length >= Math.min(topics.length, 2), `topic rows: ${JSON.stringify(texts)}`);
  });

  it('expanding a topic shows its notes', async () => {
    const topicRow = rowWithLabel(topicLabel);
    if ((await topicRow.getAttribute('aria-expanded')) !== 'true') await topicRow.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await topicRow.elementHandle(), {
      timeout: 20_000,
    });
    // A note of this topic whose title is not also a topic title, so that its row is unambiguous.
    const topicTitles = new Set(topics.flatMap((t) => t.titles));
    const candidates = topic.notes.flatMap((n) => n.titles).filter((t) => !topicTitles.has(t));
    noteLabel = await waitForRowLabel(candidates, 20_000);
    note = topic.notes.find((n) => n.titles.includes(noteLabel));
  });

  it('clicking a note opens it in an editor tab', async () => {
    assert.ok(note, 'no note row was found');
    await rowWithLabel(noteLabel).click();
    // The note opens in the extension's preview (tab label = its title) or as Markdown (= file name).
    const tab = page
      .locator('.part.editor .tabs-container .tab')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^\\s*(${[note.file, ...note.titles].map(escapeRe).join('|')})\\s*$`) }) })
      .first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(1000); // let the preview or editor paint before the screenshot
    const file = await screenshot(page, 'tree');
    assert.ok(fs.statSync(file).size > 10_000, 'screenshot looks empty');
  });

  it('"Open Note Source" on a note row opens its Markdown file (tab label = file name)', async () => {
    assert.ok(note, 'no note row was found');
    const row = rowWithLabel(noteLabel);
    await row.hover();
    const action = row.locator(`.actions .action-label[aria-label^=${JSON.stringify(OPEN_SOURCE_TITLE)}]`).first();
    await action.waitFor({ state: 'visible', timeout: 10_000 });
    await action.click();
    const tab = tabWithLabel(note.file);
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    assert.ok(/\bactive\b/.test((await tab.getAttribute('class')) ?? ''), 'the Markdown tab is the active one');
    await page.locator('.part.editor .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.waitForTimeout(500); // let the editor paint before the screenshot
    await screenshot(page, 'tree-source');
  });
});
