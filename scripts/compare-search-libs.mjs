// MiniSearch (chosen) against Orama as the engine of retrieval by meaning (issue 13), outside `npm test`:
//   node scripts/build.mjs --tests && node --expose-gc scripts/compare-search-libs.mjs [--notes 10000]
// Both get the same documents (one per note, the seven fields of src/core/lookup/meaningIndex.ts), the same terms
// (textTerms: Han bigrams, stemmed English, each term once per field), the same field boosts, and BM25 in each
// library's own form. Reported: build time, heap held, per-query p50/p95, and hit@1/hit@3 of the raw ranking on the
// blind query set A (bundled notes only; no name tiers, so the figures compare the engines, not the product).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import MiniSearch from 'minisearch';
import { create, insertMultiple, search } from '@orama/orama';

const require = createRequire(import.meta.url);
const out = path.resolve('out');
const core = require(path.join(out, 'src/core/index.js'));
const { nodeNoteFiles } = require(path.join(out, 'src/node/nodeNoteFiles.js'));
const { textTerms } = require(path.join(out, 'src/core/lookup/textTerms.js'));
const { MEANING_FIELDS, MEANING_BOOST, docOf, queryTerms } = require(path.join(out, 'src/core/lookup/meaningIndex.js'));
const { syntheticKnowledgeBase } = require(path.join(out, 'bench/lookupBench.js'));
const { inMemoryFiles } = require(path.join(out, 'test/support/inMemoryFiles.js'));

const argv = process.argv.slice(2);
const synthetic = argv.includes('--notes') ? Number(argv[argv.indexOf('--notes') + 1]) : 0;
const gc = globalThis.gc ?? (() => {});
const heap = () => { gc(); gc(); return process.memoryUsage().heapUsed / 1048576; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };

const snapshot = synthetic
  ? await core.createKnowledgeBase({ files: inMemoryFiles(syntheticKnowledgeBase(synthetic).files), roots: ['/kb'] }).load()
  : await core.createKnowledgeBase({ files: nodeNoteFiles, roots: [path.resolve('notes')] }).load();
const notes = [...snapshot.notes.values()].filter((n) => !n.error).sort((a, b) => (a.id < b.id ? -1 : 1));
const docs = notes.map((note, id) => ({ ...docOf(note, id), id: String(id) }));
let querying = false;
const terms = (text) => [...new Set(textTerms(text))];
const queries = synthetic
  ? notes.slice(0, 200).map((n) => ({ query: `${n.summaryEn} ${n.summary}`.slice(0, 60), expected: n.id }))
  : JSON.parse(fs.readFileSync('test/fixtures/queries-desc/set-a.json', 'utf8'));
const queryText = (q) => queryTerms(q).map((t) => t.term);

async function measure(name, build, run) {
  const h0 = heap();
  const t0 = performance.now();
  const engine = await build();
  const buildMs = performance.now() - t0;
  const held = heap() - h0;
  const times = [];
  let h1 = 0;
  let h3 = 0;
  for (const q of queries) {
    const s = performance.now();
    const ids = await run(engine, queryText(q.query));
    times.push(performance.now() - s);
    const want = new Set([q.expected, ...(q.also ?? [])]);
    const rank = ids.map((i) => notes[Number(i)].id).findIndex((id) => want.has(id));
    if (rank === 0) h1++;
    if (rank >= 0 && rank < 3) h3++;
  }
  const pctOf = (n) => ((100 * n) / queries.length).toFixed(1);
  console.log(
    `${name.padEnd(10)} build ${buildMs.toFixed(0).padStart(6)} ms   heap +${held.toFixed(0).padStart(4)} MB   query p50 ${pct(times, 0.5).toFixed(2)} ms, p95 ${pct(times, 0.95).toFixed(2)} ms` +
      (synthetic ? '' : `   set A raw ranking hit@1 ${pctOf(h1)}%, hit@3 ${pctOf(h3)}%`),
  );
  return engine;
}

console.log(`${notes.length} notes${synthetic ? ' (synthetic)' : ' (bundled)'}, ${queries.length} queries${synthetic ? ' (summaries of the first 200 notes)' : ' (set A)'}`);
await measure(
  'MiniSearch',
  () => {
    const mini = new MiniSearch({ fields: [...MEANING_FIELDS], idField: 'id', tokenize: terms, processTerm: (t) => t });
    mini.addAll(docs);
    return mini;
  },
  (mini, qs) => (qs.length ? mini.search(qs.join(' '), { tokenize: (t) => t.split(' '), processTerm: (t) => t, boost: MEANING_BOOST, combineWith: 'OR' }).slice(0, 10).map((r) => r.id) : []),
);
await measure(
  'Orama',
  async () => {
    const db = create({
      schema: Object.fromEntries(MEANING_FIELDS.map((f) => [f, 'string'])),
      // While searching, the query is already terms (joined by spaces): they must not be tokenized again.
      components: { tokenizer: { language: 'english', normalizationCache: new Map(), tokenize: (raw) => (querying ? raw.split(' ') : terms(raw)) } },
    });
    await insertMultiple(db, docs, 500);
    return db;
  },
  async (db, qs) => {
    if (!qs.length) return [];
    querying = true;
    const r = await search(db, { term: qs.join(' '), properties: [...MEANING_FIELDS], boost: MEANING_BOOST, limit: 10, threshold: 1 });
    querying = false;
    return r.hits.map((h) => h.id);
  },
);
