import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createKnowledgeBase, createNoteCache, type Logger } from '../../src/core';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';
import { createParsePool } from '../../src/node/parsePool';
import { noteText } from '../support/inMemoryFiles';

// The compiled worker entry beside this test's compiled sources (out/src/node/parseWorker.js).
const workerScript = path.join(__dirname, '..', '..', 'src', 'node', 'parseWorker.js');

function notesFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-pool-'));
  const write = (rel: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), data);
  };
  for (let i = 0; i < 150; i++) {
    write(`t${i % 3}/note-${i}.md`, noteText({ title: `笔记 ${i}`, title_en: `Note ${i}`, summary: '摘要', code: [`fn_${i}`] }, `# 笔记 ${i}\n\n## 定义\n\n[[t0/note-0]] text $x^2$\n`));
  }
  write('t0/_index.md', '---\ntitle: 主题\n---\n');
  write('t1/broken.md', '---\ntitle: [unclosed\n---\nbody\n');
  write('t1/binary.md', Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
  write('t2/huge.md', Buffer.alloc(4 * 1024 * 1024 + 10, 0x61));
  return dir;
}

const logged = (): Logger & { warnings: string[] } => {
  const warnings: string[] = [];
  return { warnings, info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
};

describe('note parsing in worker threads', () => {
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(workerScript), `the worker entry is built at ${workerScript}`);
    dir = notesFolder();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same notes and problems as parsing on this thread, bad files included', async () => {
    const here = await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir] }).load();
    const pool = createParsePool(workerScript, 2);
    const log = logged();
    try {
      const cache = createNoteCache('t');
      const there = await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], parser: pool, cache, logger: log }).load();
      assert.deepEqual(log.warnings, []);
      assert.equal(there.notes.size, 153);
      assert.deepEqual([...there.notes.keys()].sort(), [...here.notes.keys()].sort());
      for (const [id, note] of here.notes) assert.deepEqual(there.notes.get(id), note, id);
      assert.deepEqual(there.problems.map((p) => `${p.path}:${p.line} ${p.message}`).sort(), here.problems.map((p) => `${p.path}:${p.line} ${p.message}`).sort());
      assert.match(there.notes.get('t1/binary')!.error ?? '', /binary/);
      assert.match(there.notes.get('t2/huge')!.error ?? '', /too large/);
      // The worker's file stamps fill the cache: a warm load reads nothing.
      assert.equal(cache.size, 151, 'parsed notes are cached (the two unreadable files are not)');
      const warm = createNoteCache('t', cache.serialise());
      await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], parser: pool, cache: warm }).load();
      assert.equal(warm.stats.hits, 151);
    } finally {
      pool.dispose();
    }
  });

  it('a worker that cannot start costs no note: the batch is read and parsed on this thread, with a warning', async () => {
    const pool = createParsePool(path.join(dir, 'no-such-worker.js'), 1);
    const log = logged();
    try {
      const s = await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], parser: pool, logger: log }).load();
      assert.equal(s.notes.size, 153);
      assert.equal(s.notes.get('t0/note-0')!.titleEn, 'Note 0');
      assert.equal(s.notes.get('t0/note-0')!.headings[0].text, '定义');
      assert.equal(log.warnings.length, 1, log.warnings.join('\n'));
      assert.match(log.warnings[0], /worker failed/);
    } finally {
      pool.dispose();
    }
  });

  it('a disposed pool rejects, and the loader parses on this thread', async () => {
    const pool = createParsePool(workerScript, 1);
    pool.dispose();
    await assert.rejects(pool.parse([{ id: 'a', path: '/x/a.md', root: '/x', text: '# a\n' }]), /disposed/);
    const s = await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], parser: pool }).load();
    assert.equal(s.notes.size, 153);
  });
});
