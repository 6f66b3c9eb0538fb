import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createKnowledgeBase } from '../../src/core';
import { buildLookupIndex, searchConcepts, type LookupIndex } from '../../src/core/lookup';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

interface Query {
  query: string;
  kind: string;
  expect: string;
}

const repo = path.resolve(__dirname, '../../..');

describe('lookup on a query set written blind to it (test/fixtures/lookup-heldout.json)', () => {
  let index: LookupIndex;
  before(async () => {
    index = buildLookupIndex(await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repo, 'notes')] }).load());
  });

  it('reaches hit@1 ≥ 90% and hit@3 ≥ 97%', () => {
    const queries = JSON.parse(fs.readFileSync(path.join(repo, 'test/fixtures/lookup-heldout.json'), 'utf8')) as Query[];
    assert.ok(queries.length >= 100);
    let hit1 = 0;
    let hit3 = 0;
    const misses: string[] = [];
    for (const q of queries) {
      const ids = [...new Set(searchConcepts(index, q.query, { limit: 20 }).map((m) => m.item.note.id))];
      const rank = ids.indexOf(q.expect);
      if (rank === 0) hit1++;
      if (rank >= 0 && rank < 3) hit3++;
      else misses.push(`${q.kind} "${q.query}" → ${ids.slice(0, 3).join(', ')} (want ${q.expect})`);
    }
    console.log(`      blind query set: ${queries.length} queries — hit@1 ${((hit1 / queries.length) * 100).toFixed(1)}%, hit@3 ${((hit3 / queries.length) * 100).toFixed(1)}%`);
    assert.ok(hit1 / queries.length >= 0.9, misses.join('\n'));
    assert.ok(hit3 / queries.length >= 0.97, misses.join('\n'));
  });

  it('answers a query whose second word names nothing by its first word instead of nothing', () => {
    const ids = searchConcepts(index, 'GAN 完全不相干的词', { limit: 5 }).map((m) => m.item.note.id);
    assert.equal(ids[0], 'generative/gan');
  });
});
