import * as assert from 'node:assert/strict';
import { createKnowledgeBase, type KnowledgeBaseSnapshot } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

const note = (title: string, extra: Record<string, unknown> = {}, body = `# ${title}\n\n## 定义\n\ntext\n`) => noteText({ title, title_en: title, summary: `about ${title}`, ...extra }, body);

function folder(): Record<string, string | Uint8Array> {
  return {
    '/n/a/_index.md': '---\ntitle: 甲\norder: 1\n---\n',
    '/n/a/one.md': note('One', { code: ['one_fn'] }),
    '/n/a/two.md': note('Two', { related: ['a/one'] }),
    '/n/b/three.md': note('Three'),
  };
}

/** What a snapshot shows, as plain data: notes, the topic tree, problems. */
function shape(s: KnowledgeBaseSnapshot) {
  const tree = (id: string): unknown => {
    const t = s.topics.get(id)!;
    return { id, title: t.title, notes: t.notes.map((n) => n.id), topics: t.topics.map((c) => tree(c.id)) };
  };
  return {
    notes: JSON.parse(JSON.stringify([...s.notes.entries()].sort(([a], [b]) => a.localeCompare(b)))) as unknown,
    tree: tree(''),
    problems: s.problems.map((p) => `${p.path}:${p.line} ${p.message}`).sort(),
  };
}

describe('knowledge base updates (one note re-read, not the folder)', () => {
  it('re-reads only the changed, created and deleted files, shares the rest, and ends where a full load would', async () => {
    const files = folder();
    const io = inMemoryFiles(files);
    const kb = createKnowledgeBase({ files: io, roots: ['/n'] });
    const first = await kb.load();
    assert.ok(first.generation! >= 1);
    io.reads.length = 0;

    files['/n/a/one.md'] = note('One changed', { code: ['one_fn', 'more_fn'] });
    files['/n/c/d/new.md'] = note('New');
    delete files['/n/b/three.md'];
    const seen: KnowledgeBaseSnapshot[] = [];
    kb.onDidLoad((s) => seen.push(s));
    const s = await kb.update(['/n/a/one.md', '/n/c/d/new.md', '/n/b/three.md']);

    assert.deepEqual(io.reads.sort(), ['/n/a/one.md', '/n/c/d/new.md'], 'only the changed files are read');
    assert.equal(s.generation, first.generation! + 1);
    assert.deepEqual(s.changes, { from: first.generation, changed: ['a/one', 'c/d/new'], removed: ['b/three'] });
    assert.equal(seen.length, 1, 'listeners hear the update');
    assert.equal(s.notes.get('a/two'), first.notes.get('a/two'), 'an unchanged note is the same object');
    assert.equal(s.notes.get('a/one')!.title, 'One changed');
    assert.equal(kb.noteAtPath('/n/a/one.md')!.title, 'One changed');
    assert.equal(kb.noteAtPath('/n/b/three.md'), undefined);
    assert.equal(first.notes.get('a/one')!.title, 'One', 'the previous snapshot is left as it was');
    assert.deepEqual(first.topics.get('a')!.notes.map((n) => n.title), ['One', 'Two']);
    assert.equal(s.topics.get('a')!.title, '甲', 'a topic keeps its _index.md');

    const full = await createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] }).load();
    assert.deepEqual(shape(s), shape(full));
  });

  it('a file that cannot be read becomes a listed note with its problem; a fix clears the problem', async () => {
    const files = folder();
    const kb = createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] });
    await kb.load();
    files['/n/a/two.md'] = new Uint8Array([0x23, 0, 1, 2]);
    let s = await kb.update(['/n/a/two.md']);
    assert.match(s.notes.get('a/two')!.error ?? '', /binary/);
    assert.deepEqual(s.problems.map((p) => p.path), ['/n/a/two.md']);
    files['/n/a/two.md'] = '---\ntitle: [unclosed\n---\nx\n';
    s = await kb.update(['/n/a/two.md']);
    assert.equal(s.problems.length, 1);
    assert.notEqual(s.problems[0].message, 'file is binary, not a Markdown note');
    files['/n/a/two.md'] = note('Two again');
    s = await kb.update(['/n/a/two.md']);
    assert.deepEqual(s.problems, []);
    assert.equal(s.notes.get('a/two')!.title, 'Two again');
  });

  it('falls back to a full load for a topic file, a path outside the roots, or before the first load', async () => {
    const files = folder();
    const kb = createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] });
    const before = await kb.update(['/n/a/one.md']);
    assert.equal(before.changes, undefined, 'no snapshot yet: a full load');
    files['/n/a/_index.md'] = '---\ntitle: 新甲\n---\n';
    const s = await kb.update(['/n/a/_index.md']);
    assert.equal(s.changes, undefined);
    assert.equal(s.topics.get('a')!.title, '新甲');
    assert.equal((await kb.update(['/elsewhere/x.md'])).changes, undefined);
  });

  it('with two roots, the later root still wins, and deleting its note brings back the other root\'s', async () => {
    const files: Record<string, string> = { '/base/a/x.md': note('Base X'), '/user/a/x.md': note('User X'), '/user/a/y.md': note('Y') };
    const kb = createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/base', '/user'] });
    await kb.load();
    files['/base/a/x.md'] = note('Base X edited');
    let s = await kb.update(['/base/a/x.md']);
    assert.equal(s.notes.get('a/x')!.title, 'User X', 'a shadowed file changes nothing shown');
    delete files['/user/a/x.md'];
    s = await kb.update(['/user/a/x.md']);
    assert.equal(s.notes.get('a/x')!.title, 'Base X edited');
  });

  it('updates queued behind each other and behind a load all land, in order', async () => {
    const files = folder();
    const kb = createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] });
    const loading = kb.load();
    files['/n/a/one.md'] = note('One v2');
    const u1 = kb.update(['/n/a/one.md']);
    files['/n/b/three.md'] = note('Three v2');
    const u2 = kb.update(['/n/b/three.md']);
    await loading;
    const [s1, s2] = await Promise.all([u1, u2]);
    assert.equal(s1.notes.get('a/one')!.title, 'One v2');
    assert.equal(s2.notes.get('b/three')!.title, 'Three v2');
    assert.equal(s2.notes.get('a/one')!.title, 'One v2');
    assert.equal(kb.current, s2);
  });

  it('numbers snapshots across knowledge bases, so a new one (other notes folders) counts higher', async () => {
    const a = await createKnowledgeBase({ files: inMemoryFiles(folder()), roots: ['/n'] }).load();
    const b = await createKnowledgeBase({ files: inMemoryFiles(folder()), roots: ['/n'] }).load();
    assert.ok(b.generation! > a.generation!);
  });
});
