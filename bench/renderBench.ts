// Render bench: growth checks for the hostile shapes of issue 9. Each shape is rendered at n and 4n (lines, or
// repetitions on one line) and the ratio of the times printed: linear ≈ 4, quadratic ≈ 16. Each time is the best
// of a few runs (other work on the machine only adds). Cases over 1 s, or growing faster than 4n log n would
// (ratio over 8), are flagged with `!!`. Then lint on the long-line shapes (it shares the math parser), and the
// hostile 2 MB note of the preview tests.
//
// RENDER_BENCH_SCALE=0.25 scales every n and RENDER_BENCH_RUNS=1 takes one run (to compare with a slower build
// without waiting minutes); RENDER_BENCH_ONLY=text runs only the shapes whose name holds it.
import { performance } from 'node:perf_hooks';
import { createKnowledgeBase, lintKnowledgeBase, renderNote } from '../src/core';
import { bigNote } from '../test/fixtures/hostileNotes';
import { inMemoryFiles, noteText } from '../test/support/inMemoryFiles';

const SCALE = Number(process.env.RENDER_BENCH_SCALE || 1);
const ONLY = process.env.RENDER_BENCH_ONLY;
const RUNS = Number(process.env.RENDER_BENCH_RUNS || 3);

interface Shape {
  /** Issue 9 item(s) the shape is from. */
  item: string;
  name: string;
  /** n at scale 1. */
  n: number;
  body(n: number): string;
  /** Render with the preview's output budget (else in full, so the growth is the parser's and KaTeX's). */
  bounded?: boolean;
}

const SHAPES: Shape[] = [
  { item: '3', name: '$\\hphantom + n spaces + x$', n: 3000, body: (n) => `$\\hphantom${' '.repeat(n)}x$` },
  { item: '5', name: 'one line of n × `$a `', n: 32_000, body: (n) => '$a '.repeat(n) },
  { item: '5', name: 'one line `](` + n spaces + `x`', n: 32_000, body: (n) => `](${' '.repeat(n)}x` },
  { item: '5', name: 'one line of n × `\\( `', n: 32_000, body: (n) => '\\( '.repeat(n) },
  { item: '5', name: 'one line of n × `[[a `', n: 32_000, body: (n) => '[[a '.repeat(n) },
  { item: '6', name: 'n unclosed `$$ x` paragraphs', n: 5_000, body: (n) => '$$ x\n\n'.repeat(n) },
  { item: '6', name: 'n unclosed `\\[ x` paragraphs', n: 5_000, body: (n) => '\\[ x\n\n'.repeat(n) },
  { item: '6, 7', name: 'n `$$x$$ text` paragraphs', n: 5_000, body: (n) => '$$x$$ text\n\n'.repeat(n) },
  { item: '13', name: 'n lines of quotes 0–199 deep, ramping', n: 5_000, body: (n) => Array.from({ length: n }, (_, i) => `${'>'.repeat(i % 200)} q`).join('\n') },
  { item: '11', name: 'n × `$x$ ` (170,000: 0.65 MiB), bounded', n: 42_500, body: (n) => '$x$ '.repeat(n), bounded: true },
];

function best(f: () => void): number {
  let min = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

const render = (body: string, bounded = true) =>
  renderNote({ id: 'bench/a', path: '/bench/a.md', root: '/', body, bodyLine: 0 }, bounded ? {} : { maxHtmlChars: Infinity });

async function lintTime(body: string): Promise<number> {
  const fields = { title: 'a', title_en: 'a', aliases: [], summary: 's', summary_en: 's' };
  const snapshot = await createKnowledgeBase({ files: inMemoryFiles({ '/n/t/a.md': noteText(fields, body) }), roots: ['/n'] }).load();
  return best(() => lintKnowledgeBase(snapshot));
}

const kb = (chars: number) => `${(chars / 1024).toFixed(0)} KB`;
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`;

function verdict(t4: number, ratio: number): string {
  const flags = [ratio > 8 ? '!! super-linear' : '', t4 > 1000 ? '!! over 1 s' : ''].filter(Boolean);
  return flags.length ? `  ${flags.join(', ')}` : '';
}

export async function run(): Promise<void> {
  console.log(`\n== render: growth from n to 4n (best of ${RUNS}; linear ≈ 4, quadratic ≈ 16${SCALE !== 1 ? `; scale ${SCALE}` : ''}) ==`);
  for (const shape of SHAPES.filter((s) => !ONLY || s.name.includes(ONLY))) {
    const n = Math.max(1, Math.round(shape.n * SCALE));
    const small = shape.body(n);
    const large = shape.body(4 * n);
    const bounded = shape.bounded ?? false;
    const t1 = best(() => render(small, bounded));
    const t4 = best(() => render(large, bounded));
    const ratio = t4 / Math.max(t1, 0.05);
    const html = render(large, bounded).html.length;
    console.log(
      `item ${shape.item.padEnd(5)} ${shape.name.padEnd(46)} n=${String(n).padStart(6)} ${ms(t1)}   4n (${kb(large.length).padStart(7)}) ${ms(t4)}   ×${ratio.toFixed(1).padStart(5)}   html ${kb(html)}${verdict(t4, ratio)}`,
    );
  }

  console.log('\n== lint: the long-line shapes (lint parses math as the preview does) ==');
  for (const shape of SHAPES.filter((s) => s.item === '5' && (!ONLY || s.name.includes(ONLY)))) {
    const n = Math.max(1, Math.round(shape.n * SCALE));
    const t1 = await lintTime(shape.body(n));
    const t4 = await lintTime(shape.body(4 * n));
    const ratio = t4 / Math.max(t1, 0.05);
    console.log(`item 5     ${shape.name.padEnd(46)} n=${String(n).padStart(6)} ${ms(t1)}   4n ${ms(t4)}   ×${ratio.toFixed(1).padStart(5)}${verdict(t4, ratio)}`);
  }

  if (ONLY) return;
  // First render cold (KaTeX's cache empty for its formulas), then the best of a few warm ones (a re-render).
  const big = bigNote();
  const t0 = performance.now();
  const html = render(big).html.length;
  const cold = performance.now() - t0;
  const warm = best(() => render(big));
  console.log(`\n== the preview tests' 2 MB note ==\n${kb(Buffer.byteLength(big))} of Markdown: ${ms(cold).trim()} (re-rendered: ${ms(warm).trim()}), ${(html / 1048576).toFixed(1)} Mi characters of HTML`);
}
