import * as assert from 'node:assert/strict';
import { createKnowledgeBase, createNoteCache, loadNoteCache, NOTE_CACHE_SCHEMA, type NoteFiles } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

/** In-memory notes with a modification time per file, bumped by `touch`. */
function stampedFiles(files: Record<string, string>): NoteFiles & { reads: string[]; touch(path: string, text?: string): void } {
  const base = inMemoryFiles(files);
  const mtimes = new Map<string, number>();
  return Object.assign(base, {
    async stat(p: string) {
      return { size: await base.size(p), mtimeMs: mtimes.get(p) ?? 1000 };
    },
    touch(p: string, text?: string) {
      if (text !== undefined) files[p] = text;
      mtimes.set(p, (mtimes.get(p) ?? 1000) + 1);
    },
  });
}

const notes = () => ({
  '/n/a/one.md': noteText({ title: '一', title_en: 'One', summary: '第一', code: ['one_fn'] }, '# 一\n\n## 定义\n\ntext\n'),
  '/n/a/two.md': noteText({ title: '二', title_en: 'Two', summary: '第二', related: ['a/one', 'a/missing'] }, 'body [[a/one]]\n'),
  '/n/b/three.md': noteText({ title: '三', title_en: 'Three', summary: '第三' }, 'x\n'),
});

describe('note cache (parsed notes kept across loads)', () => {
  it('a warm load reads only the changed file and gives the same notes and problems', async () => {
    const files = stampedFiles(notes());
    const cold = await createKnowledgeBase({ files, roots: ['/n'], cache: createNoteCache('v1') }).load();
    const cache = createNoteCache('v1');
    await createKnowledgeBase({ files, roots: ['/n'], cache }).load();
    assert.equal(cache.changed, true, 'a first load has notes to save');
    const saved = cache.serialise();
    assert.equal(cache.changed, false);
    const unchanged = createNoteCache('v1', saved);
    await createKnowledgeBase({ files, roots: ['/n'], cache: unchanged }).load();
    assert.equal(unchanged.changed, false, 'a load that parsed nothing has nothing new to save');
    // A change not yet saved stays to be saved through a later load that changed nothing.
    const pending = createNoteCache('v1');
    await createKnowledgeBase({ files, roots: ['/n'], cache: pending }).load();
    await createKnowledgeBase({ files, roots: ['/n'], cache: pending }).load();
    assert.equal(pending.changed, true);
    files.reads.length = 0;
    files.touch('/n/a/two.md', noteText({ title: '二', title_en: 'Two changed', summary: '第二' }, 'body\n'));
    const warmCache = createNoteCache('v1', saved);
    const warm = await createKnowledgeBase({ files, roots: ['/n'], cache: warmCache }).load();
    assert.deepEqual(files.reads, ['/n/a/two.md'], 'only the touched file is read');
    assert.deepEqual(warmCache.stats, { hits: 2, misses: 1 });
    assert.equal(warm.notes.get('a/two')!.titleEn, 'Two changed');
    // Fields left undefined are absent after the round trip through JSON; every value is the same.
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    assert.deepEqual(plain(warm.notes.get('a/one')), plain(cold.notes.get('a/one')));
    assert.deepEqual([...warm.topics.keys()].sort(), [...cold.topics.keys()].sort());
    // The problem of the unchanged note (a related id that is no note) would come from lint; parse problems survive:
    const broken = stampedFiles({ ...notes(), '/n/b/bad.md': '---\ntitle: [unclosed\n---\nx\n' });
    const c1 = createNoteCache('v1');
    const first = await createKnowledgeBase({ files: broken, roots: ['/n'], cache: c1 }).load();
    const c2 = createNoteCache('v1', c1.serialise());
    const second = await createKnowledgeBase({ files: broken, roots: ['/n'], cache: c2 }).load();
    assert.ok(first.problems.some((p) => p.path === '/n/b/bad.md'));
    assert.deepEqual(second.problems, first.problems);
    assert.equal(c2.stats.misses, 0);
  });

  it('drops deleted notes from what it saves, and never serves a file of another size', async () => {
    const all = notes();
    const files = stampedFiles(all);
    const cache = createNoteCache('v1');
    await createKnowledgeBase({ files, roots: ['/n'], cache }).load();
    delete (all as Record<string, string>)['/n/b/three.md'];
    const again = createNoteCache('v1', cache.serialise());
    await createKnowledgeBase({ files, roots: ['/n'], cache: again }).load();
    assert.equal(again.changed, true, 'a deleted note is a change');
    const saved = again.serialise();
    assert.equal(createNoteCache('v1', saved).size, 2);
    assert.ok(!saved.includes('three'));
    const c = createNoteCache('v1', cache.serialise());
    assert.equal(c.get('/n\u0000/n/a/one.md', 1, 1000), undefined, 'another size is a miss');
  });

  it('discards a cache of another schema or build, a corrupt one, and malformed entries, saying why', () => {
    const messages: string[] = [];
    const log = (m: string) => messages.push(m);
    const good = createNoteCache('v1');
    good.set('k', { size: 1, mtimeMs: 2, note: { id: 'a', path: '/a.md', body: 'text', headings: [], code: [] } as never, problems: [] });
    const text = good.serialise();
    assert.ok(createNoteCache('v1', text, log).get('k', 1, 2));
    assert.equal(createNoteCache('v2', text, log).get('k', 1, 2), undefined);
    assert.match(messages.pop()!, /another version/);
    assert.equal(createNoteCache('v1', text.replace(`"schema":${NOTE_CACHE_SCHEMA}`, '"schema":999'), log).get('k', 1, 2), undefined);
    assert.match(messages.pop()!, /another version/);
    assert.equal(createNoteCache('v1', text.slice(0, text.length - 3), log).get('k', 1, 2), undefined);
    assert.match(messages.pop()!, /bodies are 1 characters, not 4/);
    assert.equal(createNoteCache('v1', text.slice(0, text.indexOf('\n') + 20), log).get('k', 1, 2), undefined);
    assert.match(messages.pop()!, /cut short/);
    assert.equal(createNoteCache('v1', text + 'x', log).get('k', 1, 2), undefined);
    assert.match(messages.pop()!, /bodies are/);
    assert.equal(createNoteCache('v1', '{"schema":1,"version":"v1","entries":{}}', log).size, 0);
    assert.match(messages.pop()!, /another version/);
    assert.equal(createNoteCache('v1', text.replace('"bodyLength":4', '"bodyLength":-4'), log).get('k', 1, 2), undefined);
    assert.match(messages.pop()!, /malformed/);
    assert.equal(messages.length, 0);
  });

  it('keeps every body exactly, and reads the same in slices as at once', async () => {
    const bodies = ['', '# 标题\n\n中文“引号”，$x^2$\n', 'emoji 🧠 and a lone \ud800 surrogate\n', 'line\r\nwindows\n', 'x'.repeat(100000)];
    const c = createNoteCache('v1');
    bodies.forEach((body, i) => c.set(`k${i}`, { size: i, mtimeMs: i, note: { id: `n${i}`, path: `/n${i}.md`, body, headings: [], code: [] } as never, problems: [] }));
    const text = await c.serialiseInSlices(1);
    assert.equal(text, c.serialise(), 'sliced and plain serialising agree');
    const sliced = await loadNoteCache('v1', text, undefined, 1);
    const plain = createNoteCache('v1', text);
    assert.equal(sliced.size, bodies.length);
    bodies.forEach((body, i) => {
      // A lone surrogate cannot be stored as UTF-8 on disk, but in the text it round-trips as it is.
      assert.equal(sliced.get(`k${i}`, i, i)?.note.body, body, `body ${i}`);
      assert.equal(plain.get(`k${i}`, i, i)?.note.body, body, `body ${i}`);
    });
  });
});
