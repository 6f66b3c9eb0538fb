import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

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

  it('l10n/bundle.l10n.json is what @vscode/l10n-dev extracts from src/, and the zh-cn bundle translates every string', async () => {
    const files = sourceFiles(path.join(repo, 'src')).map((f) => ({ extension: '.ts', contents: fs.readFileSync(f, 'utf8') }));
    const extracted = await getL10nJson(files);
    const keys = Object.keys(extracted);
    assert.ok(keys.length > 5, 'found the l10n strings');
    const committed = JSON.parse(fs.readFileSync(path.join(repo, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(committed).sort(), [...keys].sort(), 'l10n/bundle.l10n.json is stale: run npm run l10n');
    const zh = JSON.parse(fs.readFileSync(path.join(repo, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
    assert.deepEqual(keys.filter((k) => !(k in zh)).sort(), [], 'untranslated in l10n/bundle.l10n.zh-cn.json');
    assert.deepEqual(Object.keys(zh).filter((k) => !(k in extracted)).sort(), [], 'zh-cn strings no longer used in src/');
  });
});
