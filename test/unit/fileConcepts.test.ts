import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  analyseCodeAnySize,
  buildConceptIndex,
  createIdentifierMatcher,
  createKnowledgeBase,
  fileConceptsMarkdown,
  joinCodeCells,
  summariseFileConcepts,
  type IdentifierMatcher,
  type KnowledgeBaseSnapshot,
} from '../../src/core';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

const repo = path.resolve(__dirname, '../../..');

const SNIPPET = [
  'import torch',
  'import torch.nn.functional as F',
  'from torch.optim import AdamW',
  '',
  'model = Net()',
  'optimizer = AdamW(model.parameters(), lr=3e-4, weight_decay=0.01)',
  'scaler = torch.cuda.amp.GradScaler()',
  'for epoch in range(num_epochs):',
  '    loss = F.cross_entropy(logits, labels)',
  '    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)',
  '    helper_value = compute_stuff(loss)',
  '',
].join('\n');

describe('concepts of a file (summary of the engine hits)', function () {
  this.timeout(30_000);
  let snapshot: KnowledgeBaseSnapshot;
  let matcher: IdentifierMatcher;
  before(async () => {
    snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repo, 'notes')] }).load();
    matcher = createIdentifierMatcher(buildConceptIndex(snapshot));
  });

  it('groups the concepts of a training snippet by topic, with counts and occurrences', () => {
    const s = summariseFileConcepts(analyseCodeAnySize(SNIPPET, matcher).hits(), snapshot);
    const byTopic = Object.fromEntries(s.topics.map((t) => [t.topicId, t.concepts.map((c) => c.noteId)]));
    assert.deepEqual(byTopic.optimization?.slice().sort(), ['optimization/adam', 'optimization/gradient-clipping', 'optimization/optimizers']);
    assert.deepEqual(byTopic.losses, ['losses/cross-entropy']);
    assert.deepEqual(byTopic.systems, ['systems/mixed-precision']);
    assert.ok(byTopic.fundamentals?.includes('fundamentals/epoch'));
    const optimization = s.topics.find((t) => t.topicId === 'optimization')!;
    assert.equal(optimization.concepts[0].noteId, 'optimization/adam', 'the most used concept comes first');
    const adam = optimization.concepts[0];
    assert.equal(adam.titleEn, 'Adam and AdamW');
    assert.ok(adam.title && adam.title !== adam.titleEn, 'the Chinese title is there too');
    assert.equal(adam.count, adam.occurrences.length);
    assert.deepEqual(adam.occurrences.map((o) => [o.line, o.column, o.identifier]), [
      [2, 24, 'AdamW'],
      [5, 12, 'AdamW'],
      [5, 38, 'lr'],
      [5, 47, 'weight_decay'],
    ]);
    const epoch = s.topics.flatMap((t) => t.concepts).find((c) => c.noteId === 'fundamentals/epoch')!;
    assert.deepEqual(epoch.occurrences.map((o) => o.identifier), ['epoch', 'num_epochs']);
    assert.equal(optimization.count, optimization.concepts.reduce((n, c) => n + c.count, 0));
    assert.equal(s.occurrenceCount, s.topics.reduce((n, t) => n + t.count, 0));
    assert.equal(s.conceptCount, s.topics.reduce((n, t) => n + t.concepts.length, 0));
    // Topic titles come from the topics' _index.md, not their folder names.
    assert.notEqual(optimization.titleEn, 'optimization');
  });

  it('leaves out identifiers that name no concept', () => {
    const s = summariseFileConcepts(analyseCodeAnySize(SNIPPET, matcher).hits(), snapshot);
    const identifiers = new Set(s.topics.flatMap((t) => t.concepts.flatMap((c) => c.occurrences.map((o) => o.identifier))));
    for (const name of ['model', 'Net', 'labels', 'helper_value', 'compute_stuff', 'torch', 'range', 'loss']) assert.ok(!identifiers.has(name), name);
    assert.deepEqual(summariseFileConcepts(analyseCodeAnySize('x = 1\nprint(x)\n', matcher).hits(), snapshot), { topics: [], conceptCount: 0, occurrenceCount: 0 });
  });

  it('joins notebook cells so imports reach later cells, and places lines back in their cells', () => {
    const joined = joinCodeCells(['import torch.nn.functional as F', 'x = 1\ny = 2', 'loss = F.kl_div(p, q)']);
    assert.deepEqual(joined.place(0), { cell: 0, line: 0 });
    assert.deepEqual(joined.place(2), { cell: 1, line: 1 });
    assert.deepEqual(joined.place(3), { cell: 2, line: 0 });
    const hits = analyseCodeAnySize(joined.text, matcher).hits().map((h) => ({ ...h, ...joined.place(h.line) }));
    const s = summariseFileConcepts(hits, snapshot);
    const kl = s.topics.flatMap((t) => t.concepts).find((c) => c.noteId === 'losses/kl-divergence');
    assert.ok(kl, JSON.stringify(s));
    assert.deepEqual(kl.occurrences.map((o) => [o.cell, o.line, o.column, o.identifier]), [[2, 0, 9, 'F.kl_div']]);
  });

  it('writes a Markdown outline with a link per concept, its count and lines', () => {
    const s = summariseFileConcepts(analyseCodeAnySize(SNIPPET, matcher).hits(), snapshot);
    const md = fileConceptsMarkdown(s, { lang: 'en', fileName: 'train.py', link: (id) => `notes/${id}.md` });
    assert.ok(md.startsWith('## train.py\n'));
    assert.match(md, /^- \[Adam and AdamW\]\(notes\/optimization\/adam\.md\) × 4 \(3, 6\)$/m);
    assert.match(md, /^### .+$/m);
    assert.ok(!md.includes('helper_value'));
  });
});
