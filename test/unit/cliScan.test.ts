import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { notebookCode } from '../../src/cli/scan';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');

describe('cli scan', () => {
  it('prints one JSON entry per explained identifier with 1-based line, col and exclusive endCol', () => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is built (npm run build)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-scan-'));
    const file = path.join(dir, 'train.py');
    fs.writeFileSync(file, 'device = "cuda"\nfor epoch in range(num_epochs):\n    loss = F.kl_div(p, q)\n');
    const out = JSON.parse(execFileSync(process.execPath, [cli, 'scan', file, '--json'], { encoding: 'utf8' })) as Array<Record<string, unknown>>;
    const rows = out.map((r) => [r.line, r.col, r.endCol, r.text, (r.concept as { id: string }).id]);
    assert.deepEqual(rows, [
      [2, 5, 10, 'epoch', 'fundamentals/epoch'],
      [2, 20, 30, 'num_epochs', 'fundamentals/epoch'],
      [3, 14, 20, 'kl_div', 'losses/kl-divergence'],
    ]);
    const concept = out[2].concept as { title: string; title_en: string; names: string[] };
    assert.equal(concept.title_en, 'KL Divergence');
    assert.ok(concept.names.includes('F.kl_div') && concept.names.includes(concept.title));
  });

  it('reads the code cells of a notebook, skipping magics', () => {
    const nb = JSON.stringify({
      cells: [
        { cell_type: 'markdown', source: ['# title\n'] },
        { cell_type: 'code', source: ['%matplotlib inline\n', 'lr = 3e-4'] },
        { cell_type: 'code', source: 'for epoch in range(3): pass' },
      ],
    });
    const { text, cellOfLine } = notebookCode(nb);
    assert.deepEqual(text.split('\n'), ['', 'lr = 3e-4', '', 'for epoch in range(3): pass', '']);
    assert.deepEqual(cellOfLine, [1, 1, 1, 2, 2]);
  });
});
