import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repo = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));
}

describe('localisation', () => {
  it('package.nls.zh-cn.json translates every key of package.nls.json, and the manifest uses only known keys', () => {
    const en = JSON.parse(fs.readFileSync(path.join(repo, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const zh = JSON.parse(fs.readFileSync(path.join(repo, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    for (const [k, v] of Object.entries(zh)) assert.ok(v.trim() && /[\u4e00-\u9fff]|^AI Notes$/.test(v), `zh-cn "${k}" is not translated: ${v}`);
    const manifest = fs.readFileSync(path.join(repo, 'package.json'), 'utf8');
    const used = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.deepEqual(used.filter((k) => !(k in en)), []);
  });

  it('l10n/bundle.l10n.zh-cn.json translates every vscode.l10n.t string in src/', () => {
    const bundle = JSON.parse(fs.readFileSync(path.join(repo, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    const keys = new Set<string>();
    for (const f of sourceFiles(path.join(repo, 'src'))) {
      for (const m of fs.readFileSync(f, 'utf8').matchAll(/l10n\.t\(\s*(['"`])((?:\\.|(?!\1).)*)\1/g)) keys.add(m[2].replace(/\\(['"`\\])/g, '$1'));
    }
    assert.ok(keys.size > 5, 'found the l10n strings');
    assert.deepEqual([...keys].filter((k) => !(k in bundle)).sort(), []);
  });
});
