import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

describe('src/core', () => {
  it('never imports vscode', () => {
    const dir = path.resolve(__dirname, '../../../src/core');
    const files = fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts'));
    assert.ok(files.length > 5, `expected core sources in ${dir}`);
    const offenders = files.filter((f) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(fs.readFileSync(path.join(dir, f), 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
