import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createKnowledgeBase } from '../../src/core';
import { buildLookupIndex, searchConcepts } from '../../src/core/lookup';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

interface SeedTopic {
  seed: string;
  heading: string;
  query: string;
  expect: string;
}

const repo = path.resolve(__dirname, '../../..');

describe('coverage of the source notes', () => {
  const topics = JSON.parse(fs.readFileSync(path.join(repo, 'test/fixtures/seed-topics.json'), 'utf8')) as SeedTopic[];

  it('reaches every seed topic by its name through the lookup (the expected note in the top 3)', async () => {
    const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repo, 'notes')] }).load();
    const index = buildLookupIndex(snapshot);
    const failures: string[] = [];
    let top1 = 0;
    for (const t of topics) {
      assert.ok(snapshot.notes.has(t.expect), `fixture names a missing note: ${t.expect}`);
      const ids = [...new Set(searchConcepts(index, t.query, { limit: 20 }).map((m) => m.item.note.id))];
      if (ids[0] === t.expect) top1++;
      if (!ids.slice(0, 3).includes(t.expect)) failures.push(`${t.seed} "${t.heading}": "${t.query}" → ${ids.slice(0, 3).join(', ') || '(nothing)'}; want ${t.expect}`);
    }
    console.log(`      seed topics: ${topics.length}, reached at rank 1: ${top1} (${((top1 / topics.length) * 100).toFixed(1)}%), in top 3: ${topics.length - failures.length}`);
    assert.deepEqual(failures, []);
  });
});
