import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');
const cli = path.join(repo, 'dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: repo });

describe('CLI arguments (node:util parseArgs, strict)', function () {
  this.timeout(20000); // each case starts the CLI, which loads the bundled notes
  it('rejects an unknown flag with the usage line and exit 2 instead of searching for it', () => {
    const r = run('search', 'cross entropy', '--limti', '3');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /Unknown option '--limti'/);
    assert.match(r.stderr, /usage: ai-notes search <query>/);
    assert.equal(r.stdout, '');
  });

  it('keeps --limit=3=4 whole, so the limit check refuses it', () => {
    const r = run('search', 'cross entropy', '--limit=3=4');
    assert.equal(r.status, 2);
  });

  it('accepts the declared flags, with = or a separate value', () => {
    const a = run('search', 'cross entropy', '--limit', '1', '--json');
    const b = run('search', 'cross entropy', '--limit=1', '--json');
    assert.equal(a.status, 0, a.stderr);
    assert.deepEqual(JSON.parse(a.stdout), JSON.parse(b.stdout));
    assert.equal((JSON.parse(a.stdout) as unknown[]).length, 1);
  });

  it('rejects a flag another command has', () => {
    const r = run('lint', '--limit', '3');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /usage: ai-notes lint/);
  });
});
