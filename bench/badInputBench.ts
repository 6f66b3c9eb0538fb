// Bad-input bench (issue 9): what a hostile size costs, and how it grows. Lookup queries of 50 to 10,000 characters
// (cut at MAX_QUERY_LENGTH, so the 10,000-character ones cost what the 200-character ones do) on the bundled notes
// and on the synthetic 10,000-note knowledge base; front matter of 5,000 and 20,000 keys (the unique-key check is one
// pass: 4× the keys, about 4× the time). Prints figures and ratios; asserts nothing.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildLookupIndex, createKnowledgeBase, MAX_QUERY_LENGTH, parseFrontMatter, searchConcepts, type LookupIndex } from '../src/core';
import { meaningIndexOf } from '../src/core/lookup/searchConcepts';
import { inMemoryFiles } from '../test/support/inMemoryFiles';
import { syntheticKnowledgeBase } from './lookupBench';
import { nodeNoteFiles } from '../src/node/nodeNoteFiles';

const SHAPES: Record<string, (n: number) => string> = {
  'one word repeated': (n) => 'attention '.repeat(Math.ceil(n / 10)).slice(0, n),
  'letters and spaces': (n) => Array.from({ length: n }, (_, i) => 'abcdefghijklmnopqrstuvwxyz '[(i * 7919) % 27]).join(''),
  'distinct short words': (n) => Array.from({ length: Math.ceil(n / 5) }, (_, i) => ((i * 2654435761) >>> 0).toString(36).slice(0, 4)).join(' ').slice(0, n),
  'Chinese': (n) => '注意力机制交叉熵梯度裁剪'.repeat(Math.ceil(n / 10)).slice(0, n),
};

function worstOf(times: number, f: () => void): number {
  let worst = 0;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    f();
    worst = Math.max(worst, performance.now() - t);
  }
  return worst;
}

function queries(label: string, index: LookupIndex): void {
  // The meaning index is built first (the extension builds it ahead of use): the figures are the queries' own cost.
  const m0 = performance.now();
  meaningIndexOf(index);
  console.log(`lookup, ${label} (worst of 3, ms; queries are cut at ${MAX_QUERY_LENGTH} characters; meaning index built first in ${(performance.now() - m0).toFixed(0)} ms)`);
  const lengths = [50, 200, 800, 10_000];
  console.log(`  ${'shape'.padEnd(22)}${lengths.map((n) => `${n} ch`.padStart(10)).join('')}   10,000 / 200`);
  for (const [shape, make] of Object.entries(SHAPES)) {
    const ms = lengths.map((n) => worstOf(3, () => searchConcepts(index, make(n), { limit: 50 })));
    const ratio = ms[3] / Math.max(0.01, ms[1]);
    console.log(`  ${shape.padEnd(22)}${ms.map((m) => m.toFixed(1).padStart(10)).join('')}   ${ratio.toFixed(2)}`);
  }
}

function frontMatterKeys(): void {
  console.log('front matter with n keys (parseFrontMatter, worst of 3, ms)');
  const text = (n: number) => `---\ntitle: T\n${Array.from({ length: n }, (_, i) => `k${i}: v${i}`).join('\n')}\n---\nbody\n`;
  parseFrontMatter(text(1000));
  const a = worstOf(3, () => parseFrontMatter(text(5000)));
  const b = worstOf(3, () => parseFrontMatter(text(20_000)));
  console.log(`  5,000 keys ${a.toFixed(0)} ms, 20,000 keys ${b.toFixed(0)} ms, ratio ${(b / a).toFixed(2)} (linear: ~4; all pairs: ~16)`);
}

export async function run(): Promise<void> {
  const repo = path.resolve(__dirname, '../..');
  const bundled = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repo, 'notes')] }).load();
  queries(`bundled notes (${bundled.notes.size})`, buildLookupIndex(bundled));
  const count = Number(process.env.LOOKUP_BENCH_NOTES || 10_000);
  const { files } = syntheticKnowledgeBase(count);
  const synthetic = await createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/kb'] }).load();
  queries(`synthetic knowledge base (${synthetic.notes.size} notes)`, buildLookupIndex(synthetic));
  frontMatterKeys();
}
