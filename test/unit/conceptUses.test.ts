import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyseCodeAnySize,
  buildConceptIndex,
  createConceptUseFinder,
  createIdentifierMatcher,
  createKnowledgeBase,
  findConceptUses,
  type IdentifierMatcher,
} from '../../src/core';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

const repo = path.resolve(__dirname, '../../..');
const fixtureDirs = ['code-tuned-1', 'code-tuned-2', 'code-tuned-3', 'code'].map((d) => path.join(repo, 'test/fixtures', d));
const pythonFixtures = fixtureDirs.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.py')).map((f) => path.join(d, f)) : []));

const TRAIN = [
  'import torch',
  'from torch.optim import AdamW',
  'optimizer = AdamW(model.parameters(), lr=3e-4, betas=(0.9, 0.95))',
  'for step in range(100):',
  '    loss.backward()',
  '    optimizer.step()',
].join('\n');

describe('where a concept is used (core finder over files)', function () {
  this.timeout(60_000);
  let matcher: IdentifierMatcher;
  before(async () => {
    const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repo, 'notes')] }).load();
    matcher = createIdentifierMatcher(buildConceptIndex(snapshot));
  });

  it('finds the uses the engine finds, with the line text as preview', () => {
    const adam = analyseCodeAnySize(TRAIN, matcher).hits().find((h) => h.chain === 'AdamW' && h.line === 2)!.match.concept.id;
    const finder = createConceptUseFinder(matcher, adam);
    assert.equal(finder.mayUse(TRAIN), true);
    const uses = finder.uses(TRAIN, 'python');
    assert.ok(uses.some((u) => u.line === 2 && u.identifier === 'AdamW' && u.preview.startsWith('optimizer = AdamW(')), JSON.stringify(uses));
    assert.ok(uses.every((u) => TRAIN.split('\n')[u.line].slice(u.column, u.endColumn).length > 0));
    assert.equal(finder.mayUse('import os\nprint(os.getcwd())\n'), false);
    for (const u of uses) assert.equal(u.preview.slice(u.previewColumn, u.previewColumn + u.endColumn - u.column), TRAIN.split('\n')[u.line].slice(u.column, u.endColumn));
    // Far into a long line, the preview starts shortly before the use.
    const long = `from torch.optim import AdamW\nresult = dict(alpha=compute_something_long(1, 2, 3), beta=other_function_name(4, 5), opt=AdamW(params))\n`;
    const [far] = finder.uses(long, 'python').filter((u) => u.identifier === 'AdamW' && u.line === 1);
    assert.ok(far);
    assert.ok(far.preview.startsWith('…'), far.preview);
    assert.ok(far.previewColumn < 30, String(far.previewColumn));
    assert.equal(far.preview.slice(far.previewColumn, far.previewColumn + 5), 'AdamW');
  });

  it('never skips a file that uses the concept: on every fixture file, each concept the engine finds passes the cheap test', () => {
    assert.ok(pythonFixtures.length >= 20, `only ${pythonFixtures.length} fixture files`);
    let checked = 0;
    for (const file of pythonFixtures) {
      const text = fs.readFileSync(file, 'utf8');
      const ids = new Set(analyseCodeAnySize(text, matcher).hits().map((h) => h.match.concept.id));
      for (const id of ids) {
        const finder = createConceptUseFinder(matcher, id);
        assert.equal(finder.mayUse(text), true, `${path.basename(file)}: ${id} skipped`);
        assert.ok(finder.uses(text, 'python').length > 0);
        checked++;
      }
    }
    assert.ok(checked > 200, `only ${checked} (file, concept) pairs`);
  });

  it('skips most files for a concept they do not use', () => {
    const finder = createConceptUseFinder(matcher, 'optimization/lion');
    const passed = pythonFixtures.filter((f) => finder.mayUse(fs.readFileSync(f, 'utf8'))).length;
    assert.ok(passed < pythonFixtures.length / 2, `${passed} of ${pythonFixtures.length} passed`);
  });

  it('places notebook uses in their cells and reports a broken notebook without stopping', async () => {
    const adam = analyseCodeAnySize(TRAIN, matcher).hits().find((h) => h.chain === 'AdamW')!.match.concept.id;
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'markdown', source: ['# AdamW here is prose'] },
        { cell_type: 'code', source: ['import torch\n', 'from torch.optim import AdamW\n'] },
        { cell_type: 'code', source: ['%matplotlib inline\n', 'opt = AdamW(params, lr=1e-3)\n'] },
      ],
    });
    const texts: Record<string, string> = { 'a.ipynb': nb, 'b.ipynb': '{"cells": [AdamW', 'c.py': TRAIN, 'd.txt': 'AdamW' };
    const progress: number[] = [];
    const result = await findConceptUses({
      finder: createConceptUseFinder(matcher, adam),
      files: Object.keys(texts),
      read: async (f) => texts[f],
      maxFiles: 100,
      maxMillis: 60_000,
      onProgress: (scanned) => progress.push(scanned),
    });
    assert.deepEqual(progress, [1, 2, 3, 4]);
    assert.deepEqual(result.files.map((f) => f.file), ['a.ipynb', 'c.py']);
    const inCell = result.files[0].uses.find((u) => u.line === 1 && u.cell === 2);
    assert.ok(inCell, JSON.stringify(result.files[0].uses));
    assert.equal(inCell.preview, 'opt = AdamW(params, lr=1e-3)');
    assert.ok(!result.files[0].uses.some((u) => u.cell === 0), 'markdown cells are not code');
    assert.equal(result.problems.length, 1);
    assert.equal(result.problems[0].file, 'b.ipynb');
    assert.match(result.problems[0].message, /not a valid notebook/);
    assert.equal(result.stopped, undefined);
  });

  it('stops at the file bound, the time bound and on cancel, and says which', async () => {
    const finder = createConceptUseFinder(matcher, 'optimization/adam');
    const files = Array.from({ length: 10 }, (_, i) => `f${i}.py`);
    const base = { finder, files, read: async () => TRAIN, maxMillis: 60_000 };
    const byFiles = await findConceptUses({ ...base, maxFiles: 3 });
    assert.equal(byFiles.stopped, 'files');
    assert.equal(byFiles.scanned, 3);
    let clock = 0;
    const byTime = await findConceptUses({ ...base, maxFiles: 100, maxMillis: 25, now: () => (clock += 10) });
    assert.equal(byTime.stopped, 'time');
    assert.ok(byTime.scanned > 0 && byTime.scanned < 10, String(byTime.scanned));
    let reads = 0;
    const cancelled = await findConceptUses({ ...base, maxFiles: 100, read: async () => (reads++, TRAIN), isCancelled: () => reads >= 4 });
    assert.equal(cancelled.stopped, 'cancelled');
    assert.equal(cancelled.scanned, 4);
    const skipped = await findConceptUses({ ...base, maxFiles: 100, read: async () => ({ skipped: 'larger than 2 MiB; not read' }) });
    assert.equal(skipped.problems.length, 10);
    assert.equal(skipped.files.length, 0);
  });
});
