import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  analyseCodeAnySize,
  buildConceptIndex,
  createConceptUseFinder,
  createIdentifierMatcher,
  createKnowledgeBase,
  findConceptUses,
  joinCodeCells,
  summariseFileConcepts,
  type IdentifierMatcher,
  type KnowledgeBaseSnapshot,
} from '../src/core';
import { nodeNoteFiles } from '../src/node/nodeNoteFiles';
import { percentile, sorted } from './support/stats';

/** Issue 16's views: the file view on 2,000 and 5,000 lines and a 300-cell notebook; Where Used over 2,000 files. */

function fixtureSources(repo: string): string[] {
  const dirs = ['code', 'code-tuned-1', 'code-tuned-2', 'code-tuned-3', 'code-heldout4'].map((d) => path.join(repo, 'test/fixtures', d));
  return dirs.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith('.py')).map((f) => fs.readFileSync(path.join(d, f), 'utf8')) : []));
}

/** `n` lines of real ML code: the fixtures one after another, names varied per copy so no memo answers everything. */
function script(sources: string[], n: number): string {
  const lines: string[] = [];
  for (let k = 0; lines.length < n; k++) {
    const src = sources[k % sources.length];
    lines.push(...(k < sources.length ? src : src.replace(/\b(x|h|z|idx|out)\b/g, `$1_${k}`)).split('\n'));
  }
  return lines.slice(0, n).join('\n');
}

function fileView(label: string, text: string, matcher: IdentifierMatcher, snapshot: KnowledgeBaseSnapshot): void {
  const analyse: number[] = [];
  const summarise: number[] = [];
  let concepts = 0;
  for (let k = 0; k < 7; k++) {
    const edited = `${text}\n# edit ${k}\n`;
    let s = performance.now();
    const hits = analyseCodeAnySize(edited, matcher).hits();
    analyse.push(performance.now() - s);
    s = performance.now();
    concepts = summariseFileConcepts(hits, snapshot).conceptCount;
    summarise.push(performance.now() - s);
  }
  const a = sorted(analyse);
  const m = sorted(summarise);
  console.log(`${label.padEnd(30)} engine (parse + hits) median ${percentile(a, 50).toFixed(1)} ms; view ready after it in ${percentile(m, 50).toFixed(2)} ms (worst ${m[m.length - 1].toFixed(2)}; target ≤ 100 ms); ${concepts} concepts`);
}

function notebookView(sources: string[], matcher: IdentifierMatcher, snapshot: KnowledgeBaseSnapshot): void {
  const all = sources.join('\n').split('\n');
  const cells = Array.from({ length: 300 }, (_, i) => all.slice((i * 9) % (all.length - 12), ((i * 9) % (all.length - 12)) + 8 + (i % 5)).join('\n'));
  const times: number[] = [];
  let hits = 0;
  for (let k = 0; k < 5; k++) {
    const s = performance.now();
    const joined = joinCodeCells(cells.map((c, i) => (i === k ? `${c}\n# edit` : c)));
    const found = analyseCodeAnySize(joined.text, matcher)
      .hits()
      .map((h) => ({ ...h, ...joined.place(h.line) }));
    summariseFileConcepts(found, snapshot);
    times.push(performance.now() - s);
    hits = found.length;
  }
  const t = sorted(times);
  const lines = cells.reduce((n, c) => n + c.split('\n').length, 0);
  console.log(`${'notebook, 300 cells'.padEnd(30)} ${lines} lines, ${hits} occurrences: join + engine + view median ${percentile(t, 50).toFixed(1)} ms`);
}

/** A workspace of `n` files: the fixtures copied under nested folders, every 50th a notebook of three cells. */
function workspace(sources: string[], n: number): { root: string; files: string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-where-used-'));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const dir = path.join(root, `pkg${i % 20}`, `sub${i % 7}`);
    fs.mkdirSync(dir, { recursive: true });
    const src = sources[i % sources.length].replace(/\b(x|h|z)\b/g, `$1_${i}`);
    let file: string;
    if (i % 50 === 49) {
      const parts = src.split('\n');
      const third = Math.ceil(parts.length / 3);
      const nb = { cells: [0, 1, 2].map((c) => ({ cell_type: 'code', source: parts.slice(c * third, (c + 1) * third).map((l) => `${l}\n`) })) };
      file = path.join(dir, `nb_${i}.ipynb`);
      fs.writeFileSync(file, JSON.stringify(nb));
    } else {
      file = path.join(dir, `mod_${i}.py`);
      fs.writeFileSync(file, src);
    }
    files.push(file);
  }
  return { root, files };
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(py|ipynb)$/.test(e.name)) out.push(p);
    }
  };
  walk(root);
  return out;
}

async function whereUsed(sources: string[], matcher: IdentifierMatcher): Promise<void> {
  const { root, files } = workspace(sources, 2000);
  const lines = files.reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').length, 0);
  console.log(`where used: ${files.length} files, ${lines} lines (fixtures copied; every 50th a notebook)`);
  try {
    for (const noteId of ['optimization/adam', 'optimization/gradient-clipping', 'fundamentals/softmax', 'optimization/lion']) {
      let progressCalls = 0;
      const s = performance.now();
      const listed = listFiles(root);
      const result = await findConceptUses({
        finder: createConceptUseFinder(matcher, noteId),
        files: listed,
        read: (f) => fs.promises.readFile(f, 'utf8'),
        maxFiles: 5000,
        maxMillis: 60_000,
        onProgress: () => progressCalls++,
        yieldNow: () => new Promise((r) => setImmediate(r)),
      });
      const ms = performance.now() - s;
      const uses = result.files.reduce((n, f) => n + f.uses.length, 0);
      console.log(
        `  ${noteId.padEnd(32)} ${(ms / 1000).toFixed(2)} s (target ≤ 10 s): ${result.parsed} of ${result.scanned} files parsed after the pre-test, ${result.files.length} files with ${uses} uses, ${progressCalls} progress reports${result.stopped ? `, stopped: ${result.stopped}` : ''}`,
      );
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const repo = path.resolve(__dirname, '../..');
  const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.join(repo, 'notes')] }).load();
  const matcher = createIdentifierMatcher(buildConceptIndex(snapshot));
  const sources = fixtureSources(repo);
  console.log('\n== concepts views (issue 16) ==');
  fileView('file view, 2,000 lines', script(sources, 2000), matcher, snapshot);
  fileView('file view, 5,000 lines', script(sources, 5000), matcher, snapshot);
  notebookView(sources, matcher, snapshot);
  await whereUsed(sources, matcher);
}
