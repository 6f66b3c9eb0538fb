import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { notebookCode } from '../../src/core';

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

  it('says what is wrong with a broken notebook instead of throwing a TypeError', () => {
    const broken: Array<[unknown, RegExp]> = [
      ['{bad', /^not a valid notebook \(JSON\)/],
      ['null', /^not a notebook: the JSON is not an object$/],
      ['[1]', /^not a notebook: the JSON is not an object$/],
      ['{}', /^not a notebook: it has no "cells" list$/],
      ['{"worksheets": []}', /nbformat 3/],
      ['{"cells": {"a": 1}}', /^not a notebook: its "cells" is not a list$/],
      ['{"cells": [{"cell_type": "markdown"}, null]}', /^cell 2 is not an object$/],
      ['{"cells": [{"cell_type": "code", "source": 5}]}', /^cell 1: "source" is neither text nor a list of lines$/],
      ['{"cells": [{"cell_type": "code", "source": ["a", 3]}]}', /^cell 1: "source" is neither/],
    ];
    for (const [json, message] of broken) {
      assert.throws(() => notebookCode(json as string), (e: Error) => !(e instanceof TypeError) && message.test(e.message), String(json));
    }
    assert.deepEqual(notebookCode('{"cells": [{"cell_type": "code"}]}').text, '\n');
  });

  it('names the notebook in the message and exits 2', function () {
    this.timeout(20_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-scan-'));
    const file = path.join(dir, 'broken.ipynb');
    fs.writeFileSync(file, '{"cells": [null]}');
    const r = spawnSync(process.execPath, [cli, 'scan', file, '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `scan: ${file}: cell 1 is not an object\n`);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('--concepts: each concept\'s names once in a table, the same hits keeping id and titles', function () {
    this.timeout(20_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-scan-'));
    const file = path.join(dir, 'train.py');
    fs.writeFileSync(file, 'for epoch in range(num_epochs):\n    loss = F.kl_div(p, q)\n'.repeat(3));
    const plain = JSON.parse(execFileSync(process.execPath, [cli, 'scan', file, '--json'], { encoding: 'utf8' })) as Array<Record<string, unknown>>;
    const grouped = JSON.parse(execFileSync(process.execPath, [cli, 'scan', file, '--json', '--concepts'], { encoding: 'utf8' })) as {
      concepts: Record<string, { title: string; title_en: string; names: string[] }>;
      hits: Array<Record<string, unknown> & { concept: Record<string, unknown> }>;
    };
    assert.deepEqual(Object.keys(grouped.concepts).sort(), ['fundamentals/epoch', 'losses/kl-divergence']);
    assert.equal(grouped.hits.length, 9);
    // Joining the table back gives exactly the plain --json output.
    const joined = grouped.hits.map((h) => ({ ...h, concept: { ...h.concept, names: grouped.concepts[h.concept.id as string].names } }));
    assert.deepEqual(joined, plain);
    assert.deepEqual(Object.keys(grouped.hits[0].concept), ['id', 'title', 'title_en']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
