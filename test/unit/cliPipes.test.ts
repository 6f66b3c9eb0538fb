import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs the CLI with stdout through a pipe. `holdMs` keeps the reader paused at first, so the pipe's buffer
 * (64 KiB) fills before anything is read, as with a slow `| jq`; `closeAfter` closes the reader after that many
 * bytes, as `| head -1` does.
 */
export function runCli(args: string[], opts: { holdMs?: number; closeAfter?: number; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: opts.cwd ?? repo, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let bytes = 0;
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
    child.stdout.on('data', (d: Buffer) => {
      out.push(d);
      bytes += d.length;
      if (opts.closeAfter !== undefined && bytes >= opts.closeAfter) child.stdout.destroy();
    });
    if (opts.holdMs) {
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), opts.holdMs);
    }
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out), stderr: err }));
  });
}

describe('cli output through pipes', function () {
  // Every scan loads the bundled notes first (~1.5 s of this machine's 2 cores); the cases themselves are quick.
  this.timeout(20_000);
  let dir: string;
  let bigPy: string;
  const blocks = 1500;

  before(() => {
    assert.ok(fs.existsSync(cli), 'dist/cli.js is built (npm run build)');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-pipes-'));
    bigPy = path.join(dir, 'big.py');
    fs.writeFileSync(bigPy, 'for epoch in range(num_epochs):\n    loss = F.kl_div(p, q)\n'.repeat(blocks));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the whole of `scan --json` (megabytes) to a slow pipe, and it parses', async () => {
    const r = await runCli(['scan', bigPy, '--json'], { holdMs: 300 });
    assert.equal(r.code, 0, r.stderr);
    const text = r.stdout.toString('utf8');
    assert.ok(r.stdout.length > 16 * 65536, `only ${r.stdout.length} bytes: the output is meant to be far over 64 KiB`);
    const hits = JSON.parse(text) as unknown[];
    assert.equal(hits.length, blocks * 3);
    // The CLI prints JSON.stringify(hits, null, 2) and a newline: the bytes read are all of it.
    assert.equal(r.stdout.length, Buffer.byteLength(`${JSON.stringify(hits, null, 2)}\n`));
  });

  it('ends quietly, with the command\'s own exit code, when the reader closes early (| head -1)', async () => {
    // One big process.stdout.write (the JSON) is what raised an unhandled EPIPE; console.log lines swallow it.
    const r = await runCli(['scan', bigPy, '--json'], { closeAfter: 1 });
    assert.equal(r.signal, null);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.ok(r.stdout.length < 8 * 65536, `${r.stdout.length} bytes read after closing`);
  });
});

describe('cli exit codes with bad notes', function () {
  this.timeout(20_000);
  let dir: string;
  const good = '---\ntitle: 甲\ntitle_en: A\naliases: []\nsummary: s\nsummary_en: s\n---\n# A\n';

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-exit-'));
    fs.mkdirSync(path.join(dir, 't'));
    fs.writeFileSync(path.join(dir, 't/good.md'), good);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lint: exit 0 on a clean folder', async () => {
    const r = await runCli(['lint', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr.trim(), '1 notes checked, 0 error(s), 0 warning(s)');
  });

  it('lint: a note whose YAML throws (`title: *a`) is exit 1 with its file and line, and the other notes are checked', async () => {
    fs.writeFileSync(path.join(dir, 't/bad.md'), '---\ntitle: *a\n---\nbody\n');
    const r = await runCli(['lint', dir], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout.toString().trim(), 't/bad.md:2: front matter is not valid YAML: Unresolved alias (the anchor must be set before the alias): a');
    assert.equal(r.stderr.trim(), '2 notes checked, 1 error(s), 0 warning(s)');
  });

  it('lint: a link with a malformed %-escape is exit 1 with the line, and the other notes are checked', async () => {
    fs.writeFileSync(path.join(dir, 't/link.md'), good.replace('# A', '# L').replace('title_en: A', 'title_en: L').replace('title: 甲', 'title: 乙') + '\n[x](%FF.md)\n');
    fs.writeFileSync(path.join(dir, 't/dead.md'), good.replace('title_en: A', 'title_en: D').replace('title: 甲', 'title: 丁') + '\n[y](missing.md)\n');
    const r = await runCli(['lint', dir], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.toString().trim().split('\n');
    assert.deepEqual(lines.map((l) => l.replace(/ \(.*/, '')), ['t/dead.md:10: link target "missing.md" does not exist', 't/link.md:10: link target "%FF.md" has a malformed %-escape']);
    assert.equal(r.stderr.trim(), '3 notes checked, 2 error(s), 0 warning(s)');
  });

  it('lint: keeps its exit code 1 when the reader closes early', async () => {
    for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `t/bad${i}.md`), '---\ntitle: *a\n---\n');
    const r = await runCli(['lint', dir], { closeAfter: 1 });
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), '301 notes checked, 300 error(s), 0 warning(s)');
  });
});
