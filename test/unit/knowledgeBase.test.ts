import * as assert from 'node:assert/strict';
import { createKnowledgeBase, MAX_NOTE_BYTES } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

const base = { title_en: 'X', aliases: [], summary: 's', summary_en: 's' };

describe('knowledge base loading', () => {
  it('builds topics from folders, ordered by _index.md order then title', async () => {
    const files = inMemoryFiles({
      '/n/b/_index.md': noteText({ title: '乙', title_en: 'B', order: 1 }, 'Overview of B.'),
      '/n/a/_index.md': noteText({ title: '甲', title_en: 'A', order: 2 }),
      '/n/a/two.md': noteText({ ...base, title: 'Two', order: 2 }),
      '/n/a/one.md': noteText({ ...base, title: 'One', order: 1 }),
      '/n/b/deep/x.md': noteText({ ...base, title: 'Deep' }),
      '/n/README.md': '# not a note',
      '/n/a/_draft.md': 'not a note either',
    });
    const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
    assert.deepEqual(s.root.topics.map((t) => t.id), ['b', 'a']);
    assert.deepEqual(s.topics.get('a')!.notes.map((n) => n.id), ['a/one', 'a/two']);
    assert.equal(s.topics.get('b')!.summary, 'Overview of B.');
    assert.deepEqual(s.topics.get('b')!.topics.map((t) => t.id), ['b/deep']);
    assert.deepEqual([...s.notes.keys()].sort(), ['a/one', 'a/two', 'b/deep/x']);
  });

  it('extracts h2/h3 headings with file lines, ignoring # inside code blocks', async () => {
    const body = '# T\n\n## 直觉\ntext\n```python\n# comment, not a heading\n```\n### Sub part\n';
    const files = inMemoryFiles({ '/n/t/a.md': noteText({ ...base, title: 'A' }, body) });
    const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
    const note = s.notes.get('t/a')!;
    assert.deepEqual(note.headings.map((h) => [h.level, h.text, h.slug]), [[2, '直觉', '直觉'], [3, 'Sub part', 'sub-part']]);
    // front matter is 6 lines (--- + 4 fields + ---), the body's "## 直觉" is body line 2 → file line 8 (0-based)
    const lines = noteText({ ...base, title: 'A' }, body).split('\n');
    assert.equal(lines[note.headings[0].line], '## 直觉');
    assert.equal(lines[note.headings[1].line], '### Sub part');
  });

  it('keeps a note with broken front matter, reporting the line', async () => {
    const files = inMemoryFiles({ '/n/bad.md': '---\ntitle: [unclosed\nsummary: x\n---\n# Heading kept\n\n## Section\n' });
    const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
    const note = s.notes.get('bad')!;
    assert.ok(note, 'note is still listed');
    assert.equal(note.title, 'Heading kept');
    assert.equal(note.headings.length, 1);
    assert.match(note.error!, /not valid YAML/);
    assert.equal(s.problems.length, 1);
    assert.equal(s.problems[0].path, '/n/bad.md');
  });

  it('reports unclosed front matter instead of swallowing the note', async () => {
    const files = inMemoryFiles({ '/n/open.md': '---\ntitle: x\n# no closing fence\n' });
    const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
    assert.match(s.problems[0].message, /not closed/);
  });

  it('lists binary and oversized files with a clear message and does not read the big one', async () => {
    const big = new Uint8Array(MAX_NOTE_BYTES + 1).fill(0x61);
    const files = inMemoryFiles({ '/n/bin.md': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), '/n/big.md': big });
    const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
    assert.match(s.notes.get('bin')!.error!, /binary/);
    assert.match(s.notes.get('big')!.error!, /too large/);
    assert.ok(!files.reads.includes('/n/big.md'));
    assert.equal(s.problems.length, 2);
  });

  it('reports a missing root and still loads the others; later roots override ids', async () => {
    const files = inMemoryFiles({
      '/bundled/a.md': noteText({ ...base, title: 'Bundled' }),
      '/mine/a.md': noteText({ ...base, title: 'Mine' }),
    });
    const s = await createKnowledgeBase({ files, roots: ['/bundled', '/missing', '/mine'] }).load();
    assert.equal(s.notes.get('a')!.title, 'Mine');
    assert.equal(s.problems.length, 1);
    assert.equal(s.problems[0].path, '/missing');
  });

  it('shares one load between concurrent callers and notifies listeners', async () => {
    const files = inMemoryFiles({ '/n/a.md': noteText({ ...base, title: 'A' }) });
    const kb = createKnowledgeBase({ files, roots: ['/n'] });
    let calls = 0;
    kb.onDidLoad(() => calls++);
    const [a, b] = await Promise.all([kb.load(), kb.load()]);
    assert.equal(a, b);
    assert.equal(calls, 1);
    assert.equal(kb.noteAtPath('/n/a.md')!.id, 'a');
  });
});
