import * as assert from 'node:assert/strict';
import { buildConceptIndex, createIdentifierMatcher, createKnowledgeBase, lintKnowledgeBase, lintNoteText } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

const ok = { title: '甲', title_en: 'A', aliases: ['alpha'], summary: 's', summary_en: 's' };

async function load(files: Record<string, string>, roots = ['/n']) {
  return createKnowledgeBase({ files: inMemoryFiles(files), roots }).load();
}

describe('lint of one note as it is edited (lintNoteText)', () => {
  it('reports a broken link typed after the load, on its line and columns, and only for that file', async () => {
    const s = await load({ '/n/t/a.md': noteText(ok, 'fine'), '/n/t/b.md': noteText({ ...ok, title: '乙', title_en: 'B', aliases: [] }, '[dead](gone.md)') });
    const text = noteText(ok, 'first line\nsecond line with [[t/b]] and\nthird line [x](missing.md) and [[t/nope]]\n');
    const problems = lintNoteText(s, { root: '/n', path: '/n/t/a.md', text });
    const lines = text.split('\n');
    const dead = problems.find((p) => p.message.includes('missing.md'))!;
    assert.ok(dead, JSON.stringify(problems));
    assert.equal(lines[dead.line - 1].slice(dead.column, dead.endColumn), 'missing.md');
    const wiki = problems.find((p) => p.message.includes('[[t/nope]]'))!;
    assert.equal(lines[wiki.line - 1].slice(wiki.column, wiki.endColumn), 't/nope');
    assert.ok(!problems.some((p) => p.message.includes('t/b')), 'an existing note is no problem');
    assert.ok(problems.every((p) => p.path === '/n/t/a.md'), 'the other file’s dead link is not reported here');
  });

  it('gives the same problems as the whole-base lint for a saved file', async () => {
    const files = {
      '/n/a.md': noteText({ ...ok, aliases: ['CE'], related: ['nope'], formula: '\\frac{a' }, 'Para\n[[zzz]]\n'),
      '/n/b.md': noteText({ ...ok, title: '乙', title_en: 'B', aliases: ['CE'] }),
    };
    const s = await load(files);
    const whole = lintKnowledgeBase(s).filter((p) => p.path === '/n/a.md');
    const one = lintNoteText(s, { root: '/n', path: '/n/a.md', text: files['/n/a.md'] });
    assert.deepEqual(one, whole);
    assert.ok(one.some((p) => p.message.includes('also names b')), JSON.stringify(one));
  });

  it('reports front-matter errors with the line of the error', async () => {
    const s = await load({ '/n/a.md': noteText(ok) });
    const problems = lintNoteText(s, { root: '/n', path: '/n/a.md', text: '---\ntitle: a\ntitle: b\n---\n' });
    assert.equal(problems.length, 1);
    assert.equal(problems[0].line, 3);
    assert.match(problems[0].message, /set twice/);
  });

  it('reports an id differing only in case, and a new file not yet loaded', async () => {
    const s = await load({ '/n/t/Alpha.md': noteText(ok) });
    const problems = lintNoteText(s, { root: '/n', path: '/n/t/alpha.md', text: noteText({ ...ok, title: '乙', title_en: 'B', aliases: [] }) });
    assert.ok(problems.some((p) => /differs only in case/.test(p.message)), JSON.stringify(problems));
  });

  it('treats empty summaries as a draft (warnings), missing ones as errors', async () => {
    const s = await load({ '/n/a.md': noteText(ok) });
    const empty = lintNoteText(s, { root: '/n', path: '/n/b.md', text: noteText({ ...ok, title: '乙', title_en: 'B', aliases: [], summary: '', summary_en: '' }) });
    assert.deepEqual(empty.map((p) => p.severity), ['warning', 'warning']);
    const missing = lintNoteText(s, { root: '/n', path: '/n/b.md', text: noteText({ title: '乙', title_en: 'B', aliases: [] }) });
    assert.equal(missing.filter((p) => p.severity === 'error').length, 2);
  });
});

describe('notes of later folders win a shared code name', () => {
  const files = {
    '/bundled/losses/ce.md': noteText({ ...ok, title: '交叉熵', title_en: 'Cross-Entropy', aliases: [], code: ['CrossEntropyLoss'] }),
    '/mine/my-ce.md': noteText({ ...ok, title: '我的交叉熵', title_en: 'My CE', aliases: [], code: ['CrossEntropyLoss'] }),
  };

  it('the concept index gives the name to the user note, whatever the ids sort as', async () => {
    const s = await load(files, ['/bundled', '/mine']);
    assert.equal(createIdentifierMatcher(buildConceptIndex(s)).match('CrossEntropyLoss')?.concept.id, 'my-ce');
    const reversed = await load(files, ['/mine', '/bundled']);
    assert.equal(createIdentifierMatcher(buildConceptIndex(reversed)).match('CrossEntropyLoss')?.concept.id, 'losses/ce');
  });

  it('lint warns (not errors) about a name claimed across folders', async () => {
    const s = await load(files, ['/bundled', '/mine']);
    const mine = lintKnowledgeBase(s).filter((p) => p.path === '/mine/my-ce.md');
    assert.equal(mine.length, 1);
    assert.equal(mine[0].severity, 'warning');
    assert.match(mine[0].message, /also claimed by losses\/ce in another notes folder/);
  });
});
