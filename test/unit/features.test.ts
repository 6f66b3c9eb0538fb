// The parts of src/features that need no VS Code: targets, links, tree nodes, the note view model, the CSP,
// and the command list against the manifest.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createKnowledgeBase, type KnowledgeBaseSnapshot } from '../../src/core';
import { Commands } from '../../src/features/commandIds';
import { noteLink, toNoteTarget } from '../../src/features/noteTarget';
import { contentSecurityPolicy, makeNonce } from '../../src/features/preview/csp';
import { buildNoteView, missingNoteView } from '../../src/features/preview/noteView';
import { Disposable } from '../../src/features/util/dispose';
import { headingNodes } from '../../src/features/tree/noteTreeItems';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

const repo = path.resolve(__dirname, '../../..');

async function snapshotOf(files: Record<string, string>): Promise<KnowledgeBaseSnapshot> {
  return createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] }).load();
}

const fields = (title: string, extra: Record<string, unknown> = {}) => ({ title, title_en: `${title} (en)`, aliases: [], summary: `${title} 摘要`, summary_en: `${title} summary`, ...extra });

describe('note targets and links', () => {
  it('accepts an id, a target object, a tree node (with its heading) and nothing else', () => {
    assert.deepEqual(toNoteTarget('losses/kl'), { id: 'losses/kl' });
    assert.deepEqual(toNoteTarget({ id: 'a/b', heading: 'x', line: 3 }), { id: 'a/b', heading: 'x', line: 3 });
    assert.deepEqual(toNoteTarget({ id: 'a/b', heading: 7, line: 'no' }), { id: 'a/b', heading: undefined, line: undefined });
    const note = { id: 'a/b' };
    assert.deepEqual(toNoteTarget({ kind: 'heading', note, heading: { slug: 'intro', line: 9 } }), { id: 'a/b', heading: 'intro', line: 9 });
    assert.deepEqual(toNoteTarget({ kind: 'note', note }), { id: 'a/b', heading: undefined, line: undefined });
    assert.deepEqual(toNoteTarget({ target: { id: 'c' } }), { id: 'c', heading: undefined, line: undefined });
    for (const bad of [undefined, null, 3, {}, { id: 5 }, { note: { id: 1 } }, []]) assert.equal(toNoteTarget(bad), undefined, JSON.stringify(bad));
  });

  it('writes wiki links with and without a heading', () => {
    assert.equal(noteLink({ id: 'losses/kl' }), '[[losses/kl]]');
    assert.equal(noteLink({ id: 'losses/kl', heading: '公式' }), '[[losses/kl#公式]]');
  });
});

describe('tree nodes of a note', () => {
  it('nests h3 under the h2 before it and keeps leading h3s at the top', async () => {
    const s = await snapshotOf({ '/n/t/a.md': noteText(fields('A'), '# A\n### lead\n## one\n### one.a\n### one.b\n## two\n') });
    const note = s.notes.get('t/a')!;
    const top = headingNodes(note);
    assert.deepEqual(top.map((n) => n.kind === 'heading' && n.heading.text), ['lead', 'one', 'two']);
    const one = top[1];
    assert.ok(one.kind === 'heading');
    assert.deepEqual(one.children.map((h) => h.text), ['one.a', 'one.b']);
    assert.deepEqual(headingNodes(note, one.heading).map((n) => n.kind === 'heading' && n.heading.text), ['one.a', 'one.b']);
    assert.deepEqual(headingNodes(note, top[2].kind === 'heading' ? top[2].heading : undefined).length, 0);
  });
});

describe('note view model', () => {
  it('shows titles in the display language, a breadcrumb of topic titles, and related notes that exist', async () => {
    const s = await snapshotOf({
      '/n/t/_index.md': noteText({ title: '主题', title_en: 'Topic', summary: '', summary_en: '' }),
      '/n/t/a.md': noteText(fields('甲', { related: ['t/b', 't/missing'] }), '# 甲\n\n## 节\n\n正文 $x^2$\n'),
      '/n/t/b.md': noteText(fields('乙')),
    });
    const note = s.notes.get('t/a')!;
    const zh = buildNoteView(note, { snapshot: s, lang: 'zh', imageUrl: () => undefined });
    assert.equal(zh.title, '甲');
    assert.equal(zh.subtitle, '甲 (en)', 'the heading is Chinese, so the subtitle is the English title');
    assert.deepEqual(zh.breadcrumb, ['主题']);
    assert.deepEqual(zh.related.map((r) => [r.id, r.title, r.summaryHtml]), [['t/b', '乙', '乙 摘要']]);
    assert.deepEqual(zh.outline.map((o) => o.slug), [note.headings[0].slug]);
    assert.ok(zh.html.includes('katex'), 'math is rendered');
    const en = buildNoteView(note, { snapshot: s, lang: 'en', imageUrl: () => undefined });
    assert.equal(en.title, '甲 (en)');
    assert.deepEqual(en.breadcrumb, ['Topic']);
    assert.equal(en.related[0].summaryHtml, '乙 summary');
  });

  it('shows one related section: the closing 相关 list of a note becomes the cards, with math in summaries rendered', async () => {
    const s = await snapshotOf({
      '/n/t/a.md': noteText(fields('甲', { related: ['t/c'] }), '# 甲\n\n## 正文\n\n见 [乙](b.md)。\n\n## 相关\n\n- [乙](b.md)\n- [[t/d]]\n'),
      '/n/t/b.md': noteText({ ...fields('乙'), summary: '损失 $L=x^2$ <b>粗</b>' }),
      '/n/t/c.md': noteText(fields('丙')),
      '/n/t/d.md': noteText(fields('丁'), '# 丁\n\n回到 [甲](a.md)\n'),
      '/n/t/e.md': noteText(fields('戊'), '# 戊\n\n另见 [[t/a]] 与 [甲](./a.md)\n'),
    });
    const v = buildNoteView(s.notes.get('t/a')!, { snapshot: s, lang: 'zh', imageUrl: () => undefined });
    assert.ok(!v.html.includes('相关'), 'the closing 相关 section is not rendered in the body');
    assert.ok(v.html.includes('正文'), 'the rest of the body is');
    assert.deepEqual(v.related.map((r) => r.id), ['t/b', 't/d', 't/c'], 'the links of the section in order, then front matter related');
    const b = v.related[0].summaryHtml;
    assert.ok(b.includes('class="katex"'), b);
    assert.ok(b.includes('&lt;b&gt;') && !b.includes('<b>'), 'summary text is escaped');
    // Backlinks: d and e link to a; d is already a related card, so only e is under "Linked from".
    assert.deepEqual(v.linkedFrom.map((r) => r.id), ['t/e']);
    assert.deepEqual(v.outline.map((o) => o.slug), [s.notes.get('t/a')!.headings.find((h) => h.text === '正文')!.slug]);
  });

  it('escapes the message of a missing note', () => {
    const v = missingNoteView('x', 'No note <img src=x onerror=alert(1)>');
    assert.ok(!v.html.includes('<img'), v.html);
    assert.ok(v.html.includes('&lt;img'));
  });
});

describe('preview content security policy', () => {
  it('allows nothing by default, scripts only by nonce, styles and images only from the webview origin', () => {
    const csp = contentSecurityPolicy('https://webview.test', 'N0NCE');
    const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    assert.equal(directives.get('default-src'), "'none'");
    assert.equal(directives.get('script-src'), "'nonce-N0NCE'");
    assert.equal(directives.get('img-src'), 'https://webview.test');
    assert.equal(directives.get('style-src-elem'), 'https://webview.test');
    assert.equal(directives.get('base-uri'), "'none'");
    assert.ok(!/unsafe-eval|\*/.test(csp), csp);
    assert.ok(!/'unsafe-inline'/.test(directives.get('script-src')!));
  });

  it('makes a fresh 32-character nonce each time', () => {
    const a = makeNonce();
    const b = makeNonce();
    assert.match(a, /^[A-Za-z0-9]{32}$/);
    assert.notEqual(a, b);
  });
});

describe('commands', () => {
  it('registers exactly the commands the manifest declares', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    assert.deepEqual(Object.values(Commands).sort(), manifest.contributes.commands.map((c) => c.command).sort());
  });

  it('puts every command under the localised category (AI Notes / AI 笔记)', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as { contributes: { commands: { command: string; category?: string }[] } };
    assert.deepEqual(manifest.contributes.commands.filter((c) => c.category !== '%category%').map((c) => c.command), []);
    const zh = JSON.parse(fs.readFileSync(path.join(repo, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.equal(zh.category, 'AI 笔记');
  });
});

describe('Disposable base', () => {
  it('disposes what it registered once, and disposes at once what is registered after', () => {
    const log: string[] = [];
    class Owner extends Disposable {
      add(name: string) {
        return this._register({ dispose: () => log.push(name) });
      }
    }
    const o = new Owner();
    o.add('a');
    o.add('b');
    o.dispose();
    o.dispose();
    assert.deepEqual(log, ['a', 'b']);
    o.add('late');
    assert.deepEqual(log, ['a', 'b', 'late']);
    assert.equal(o.isDisposed, true);
  });
});

describe('one HTML escaper, one path-inside-root check', () => {
  it('escapes the five HTML characters', async () => {
    const { escapeHtml } = await import('../../src/core');
    assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('knows inside from beside, with either separator', async () => {
    const { isInsideRoot } = await import('../../src/core');
    assert.equal(isInsideRoot('/notes/a/b.png', '/notes'), true);
    assert.equal(isInsideRoot('/notes/a/b.png', '/notes/'), true);
    assert.equal(isInsideRoot('/notes-old/b.png', '/notes'), false);
    assert.equal(isInsideRoot('/notes', '/notes'), false);
    assert.equal(isInsideRoot('C:\\notes\\a.png', 'C:\\notes'), true);
  });
});
