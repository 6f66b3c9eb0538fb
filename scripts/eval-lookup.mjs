// Look Up quality on the blind description/question query sets (issue 13), outside `npm test`:
//   node scripts/build.mjs --tests && node scripts/eval-lookup.mjs [set-a set-b …] [--misses] [--json]
// A query hits@k when its `expected` note, or one of its `also` notes, is among the first k distinct notes.
// The name-query set (test/fixtures/lookup-heldout.json) is scored too, for the "names stay on top" check.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = path.resolve('out/src');
if (!fs.existsSync(path.join(out, 'core/index.js'))) {
  console.error('eval:lookup: out/src is missing: run `node scripts/build.mjs --tests` first (npm run eval:lookup does).');
  process.exit(2);
}
const core = require(path.join(out, 'core/index.js'));
const lookup = require(path.join(out, 'core/lookup/index.js'));
const { nodeNoteFiles } = require(path.join(out, 'node/nodeNoteFiles.js'));

const argv = process.argv.slice(2);
const names = argv.filter((a) => !a.startsWith('--'));
const dir = 'test/fixtures/queries-desc';
const sets = names.length ? names : fs.readdirSync(dir).filter((f) => /^set-.*\.json$/.test(f)).map((f) => f.replace(/\.json$/, '')).sort();

const snapshot = await core.createKnowledgeBase({ files: nodeNoteFiles, roots: [path.resolve('notes')] }).load();
const index = lookup.buildLookupIndex(snapshot);
const search = (q) => [...new Set(lookup.searchConcepts(index, q, { limit: 30 }).map((m) => m.item.note.id))];

function score(label, queries) {
  const byKind = new Map();
  const misses = [];
  let h1 = 0, h3 = 0, empty = 0;
  for (const q of queries) {
    const want = new Set([q.expected ?? q.expect, ...(q.also ?? [])]);
    const ids = search(q.query);
    const rank = ids.findIndex((id) => want.has(id));
    const k = byKind.get(q.kind) ?? { n: 0, h1: 0, h3: 0 };
    k.n++;
    if (rank === 0) { h1++; k.h1++; }
    if (rank >= 0 && rank < 3) { h3++; k.h3++; } else misses.push(`${q.kind}\t${q.query}\t→ ${ids.slice(0, 3).join(', ') || '(nothing)'}\twant ${[...want].join('|')}`);
    if (!ids.length) empty++;
    byKind.set(q.kind, k);
  }
  const pct = (a, b) => ((a / b) * 100).toFixed(1).padStart(5);
  console.log(`\n${label}: ${queries.length} queries  hit@1 ${pct(h1, queries.length)}%  hit@3 ${pct(h3, queries.length)}%  no result ${empty}`);
  for (const [kind, k] of [...byKind].sort()) console.log(`  ${kind.padEnd(12)} ${String(k.n).padStart(4)}  hit@1 ${pct(k.h1, k.n)}%  hit@3 ${pct(k.h3, k.n)}%`);
  if (argv.includes('--misses')) for (const m of misses) console.log('    ' + m);
  return { label, n: queries.length, hit1: h1 / queries.length, hit3: h3 / queries.length };
}

const results = sets.map((s) => score(s, JSON.parse(fs.readFileSync(path.join(dir, `${s}.json`), 'utf8'))));
if (!names.length) results.push(score('names (lookup-heldout.json)', JSON.parse(fs.readFileSync('test/fixtures/lookup-heldout.json', 'utf8'))));
if (argv.includes('--json')) console.log(JSON.stringify(results));
