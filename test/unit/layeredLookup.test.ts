import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applySnapshotChanges, buildLookupIndex, createKnowledgeBase, layeredLookup, MAX_DELTA_NOTES, searchConcepts, searchLookup, startLookupIndex, type LayeredLookup } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';
import { LOOKUP_QUERIES } from './support/lookupQueries';

const notesRoot = path.resolve(__dirname, '../../../notes');

/** The bundled notes as in-memory files under /n, so a test can edit them. */
function bundledCopy(): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.md')) files[`/n/${path.relative(notesRoot, full).split(path.sep).join('/')}`] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(notesRoot);
  return files;
}

const top = (l: LayeredLookup, q: string, n = 3) => searchLookup(l, q, { limit: n }).map((m) => m.item.note.id + (m.item.kind === 'heading' ? `#${m.item.heading!.slug}` : ''));

describe('layered lookup (updates indexed on top of the last full index)', () => {
  it('finds a changed note by its new names only, drops a deleted one, finds a new one, as a rebuild does', async () => {
    const files = bundledCopy();
    const kb = createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] });
    let lookup = layeredLookup(await kb.load());
    assert.deepEqual(top(lookup, 'AdamW', 1), ['optimization/adam']);

    // Adam's note renamed and given a new alias; dropout's note deleted; a new note added.
    files['/n/optimization/adam.md'] = files['/n/optimization/adam.md'].replace(/^title: .*$/m, 'title: 亚当优化器').replace(/^aliases:/m, 'aliases:\n  - Zorblax optimizer');
    const dropout = Object.keys(files).find((p) => p.endsWith('/dropout.md'))!;
    delete files[dropout];
    files['/n/optimization/quux-schedule.md'] = noteText({ title: '夸克调度', title_en: 'Quux schedule', summary: '一个测试用的调度', code: ['QuuxScheduler'] }, '# 夸克调度\n\n## 定义\n\nx\n');
    const updated = await kb.update(['/n/optimization/adam.md', dropout, '/n/optimization/quux-schedule.md']);
    const next = applySnapshotChanges(lookup, updated);
    assert.ok(next, 'an update of three notes is layered');
    assert.equal(next.base, lookup.base, 'the full index is not rebuilt');
    assert.equal(next.delta!.snapshot.notes.size, 2);
    lookup = next;

    assert.deepEqual(top(lookup, 'Zorblax optimizer', 1), ['optimization/adam']);
    assert.deepEqual(top(lookup, '亚当优化器', 1), ['optimization/adam']);
    assert.deepEqual(top(lookup, 'QuuxScheduler', 1), ['optimization/quux-schedule']);
    const dropoutId = dropout.slice(3, -3);
    assert.ok(!searchLookup(lookup, 'dropout', { limit: 50 }).some((m) => m.item.note.id === dropoutId), 'a deleted note is never found');
    assert.ok(!searchLookup(lookup, 'Adam', { limit: 50 }).some((m) => m.item.note.title === 'Adam 与 AdamW'), 'the old version of a changed note is never found');

    // Every query of the lookup query set gives the same first answer as a full rebuild of the updated notes.
    const rebuilt = layeredLookup(updated);
    const differ = LOOKUP_QUERIES.filter(([, q]) => top(lookup, q, 1)[0] !== top(rebuilt, q, 1)[0]).map(([, q]) => q);
    assert.ok(differ.length <= 2, `first answers differ from a rebuild for: ${differ.join(', ')}`);
  });

  it('a further update builds on the last one; a full reload or too many changes ask for a rebuild', async () => {
    const files = bundledCopy();
    const kb = createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] });
    const first = layeredLookup(await kb.load());
    files['/n/optimization/adam.md'] += '\n';
    const one = applySnapshotChanges(first, await kb.update(['/n/optimization/adam.md']))!;
    files['/n/optimization/quux.md'] = noteText({ title: '夸克', title_en: 'Quux', summary: 's' });
    const two = applySnapshotChanges(one, await kb.update(['/n/optimization/quux.md']))!;
    assert.deepEqual([...two.delta!.snapshot.notes.keys()].sort(), ['optimization/adam', 'optimization/quux']);
    assert.equal(applySnapshotChanges(first, kb.current!), undefined, 'not an update of that snapshot');
    assert.equal(applySnapshotChanges(two, await kb.load()), undefined, 'a full reload');
    // More changed notes than MAX_DELTA_NOTES: a rebuild.
    const small: Record<string, string> = {};
    for (let i = 0; i <= MAX_DELTA_NOTES; i++) small[`/s/t/n${i}.md`] = noteText({ title: `n${i}`, title_en: `n${i}`, summary: 's' });
    const kb2 = createKnowledgeBase({ files: inMemoryFiles(small), roots: ['/s'] });
    const base = layeredLookup(await kb2.load());
    assert.equal(applySnapshotChanges(base, await kb2.update(Object.keys(small))), undefined);
  });

  it('a lookup index built in slices is the index built at once', async () => {
    const snapshot = await createKnowledgeBase({ files: inMemoryFiles(bundledCopy()), roots: ['/n'] }).load();
    const builder = startLookupIndex(snapshot);
    let slices = 0;
    while (!builder.step(1)) slices++;
    assert.ok(slices > 3, `built in ${slices + 1} slices of about 1 ms`);
    const sliced = builder.finish();
    const whole = buildLookupIndex(snapshot);
    assert.equal(sliced.items.length, whole.items.length);
    assert.deepEqual(sliced.names, whole.names);
    assert.deepEqual(sliced.sortedCompacts, whole.sortedCompacts);
    assert.deepEqual([...sliced.bigrams.keys()].length, [...whole.bigrams.keys()].length);
    for (const [, q] of LOOKUP_QUERIES.slice(0, 40)) {
      assert.deepEqual(searchConcepts(sliced, q, { limit: 5 }).map((m) => m.itemIndex), searchConcepts(whole, q, { limit: 5 }).map((m) => m.itemIndex), q);
    }
  });
});
