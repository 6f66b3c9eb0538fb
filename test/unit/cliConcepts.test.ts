import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');

interface JsonOut {
  files: Array<{
    file: string;
    error?: string;
    topics: Array<{ topicId: string; count: number; concepts: Array<{ noteId: string; title_en: string; count: number; occurrences: Array<{ cell?: number; line: number; col: number; identifier: string }> }> }>;
    conceptCount: number;
    occurrenceCount: number;
  }>;
  truncated: boolean;
}

describe('cli concepts', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is built (npm run build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-concepts-'));
    fs.writeFileSync(path.join(dir, 'train.py'), 'import torch.nn.functional as F\nfor epoch in range(num_epochs):\n    loss = F.kl_div(p, q)\n    helper = make_thing()\n');
    fs.mkdirSync(path.join(dir, 'nb'));
    fs.writeFileSync(
      path.join(dir, 'nb', 'explore.ipynb'),
      JSON.stringify({ cells: [{ cell_type: 'code', source: ['import torch.nn.functional as F\n'] }, { cell_type: 'markdown', source: 'F.kl_div' }, { cell_type: 'code', source: ['x = 1\n', 'y = F.kl_div(a, b)'] }] }),
    );
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'skip.py'), 'num_epochs = 3\n');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'num_epochs\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--json on a file: concepts grouped by topic with counts and 1-based occurrences, no non-concepts', () => {
    const out = JSON.parse(execFileSync(process.execPath, [cli, 'concepts', path.join(dir, 'train.py'), '--json'], { encoding: 'utf8' })) as JsonOut;
    assert.equal(out.files.length, 1);
    const f = out.files[0];
    const topics = Object.fromEntries(f.topics.map((t) => [t.topicId, t.concepts.map((c) => [c.noteId, c.count])]));
    assert.deepEqual(topics, { fundamentals: [['fundamentals/epoch', 2]], losses: [['losses/kl-divergence', 1]] });
    const epoch = f.topics[0].concepts[0];
    assert.deepEqual(epoch.occurrences, [
      { line: 2, col: 5, identifier: 'epoch' },
      { line: 2, col: 20, identifier: 'num_epochs' },
    ]);
    assert.equal(f.occurrenceCount, 3);
    assert.equal(f.conceptCount, 2);
    assert.ok(!JSON.stringify(out).includes('helper'));
  });

  it('a folder: every .py and notebook under it (node_modules skipped), notebook lines inside their cells', () => {
    const out = JSON.parse(execFileSync(process.execPath, [cli, 'concepts', dir, '--json'], { encoding: 'utf8' })) as JsonOut;
    assert.deepEqual(out.files.map((f) => path.relative(dir, f.file)), [path.join('nb', 'explore.ipynb'), 'train.py']);
    assert.equal(out.truncated, false);
    const kl = out.files[0].topics.flatMap((t) => t.concepts).find((c) => c.noteId === 'losses/kl-divergence');
    assert.deepEqual(kl?.occurrences, [{ cell: 3, line: 2, col: 7, identifier: 'F.kl_div' }], 'the import in cell 1 reaches cell 3; the markdown cell is not code');
  });

  it('text: an outline per topic with counts and lines', () => {
    const out = execFileSync(process.execPath, [cli, 'concepts', path.join(dir, 'train.py')], { encoding: 'utf8' });
    const lines = out.trimEnd().split('\n');
    assert.match(lines[0], /train\.py: 2 concept\(s\), 3 occurrence\(s\)$/);
    assert.match(out, /^ {2}Fundamentals.* \(2\)$/m);
    assert.match(out, /^ {4}Epoch ×2 {2}lines 2 {2}\[fundamentals\/epoch\]$/m);
    assert.match(out, /^ {4}KL Divergence ×1 {2}lines 3 {2}\[losses\/kl-divergence\]$/m);
  });

  it('exits 2 with a message for a missing path or no argument', () => {
    const missing = spawnSync(process.execPath, [cli, 'concepts', path.join(dir, 'nope.py')], { encoding: 'utf8' });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no such file or folder/);
    const none = spawnSync(process.execPath, [cli, 'concepts'], { encoding: 'utf8' });
    assert.equal(none.status, 2);
  });
});
