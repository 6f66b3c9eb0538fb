import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { applySnapshotChanges, buildConceptIndex, createIdentifierMatcher, createKnowledgeBase, createNoteCache, layeredLookup, loadNoteCache, searchLookup, warmMeaningIndex, type NoteCache } from '../src/core';
import { nodeNoteFiles } from '../src/node/nodeNoteFiles';
import { readTextInSlices } from '../src/node/noteCacheStore';
import { createParsePool, defaultParseWorkers } from '../src/node/parsePool';
import { heapMb, syntheticKnowledgeBase } from './lookupBench';

/**
 * Loading from disk (issue 14): synthetic notes written to a temp folder, loaded cold (every file read and parsed)
 * and warm (the note cache read from its JSON file, only changed files read), as the extension host does.
 * 1,000 and 10,000 notes by default; AI_NOTES_BENCH_50K=1 adds 50,000.
 */
/** Runs `work` and reports how long it took and the longest stretch the event loop was blocked meanwhile. */
async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; blockMs: number }> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  // The monitor's first tick is not a sample: a block right after enable() would go unseen.
  await new Promise((r) => setTimeout(r, 20));
  const s = performance.now();
  const value = await work();
  const ms = performance.now() - s;
  h.disable();
  return { value, ms, blockMs: h.max / 1e6 };
}

const fmt = (r: { ms: number; blockMs: number }) => `${(r.ms / 1000).toFixed(2)} s (longest block ${r.blockMs.toFixed(0)} ms)`;

async function measure(count: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-load-'));
  const workerScript = path.join(__dirname, '..', 'src', 'node', 'parseWorker.js');
  try {
    // Written, then let go: at 50,000 notes the generated texts alone are 200 MB.
    let first = '';
    {
      const { files } = syntheticKnowledgeBase(count);
      for (const [p, text] of Object.entries(files)) {
        const full = path.join(dir, p.replace(/^\/kb\//, ''));
        first ||= full;
        fs.mkdirSync(path.dirname(full), { recursive: true });
        fs.writeFileSync(full, text);
      }
    }
    // Cold: every file read and parsed, on this thread (as before issue 14.2) and in worker threads. Only the counts
    // of each load are kept, so no two loads are held at once.
    const sizeOf = async <T extends { notes: { size: number } }>(r: Promise<{ value: T; ms: number; blockMs: number }>) => {
      const { value, ms, blockMs } = await r;
      return { notes: value.notes.size, ms, blockMs };
    };
    const here = await sizeOf(timed(() => createKnowledgeBase({ files: nodeNoteFiles, roots: [dir] }).load()));
    const workers: string[] = [];
    let cold: ReturnType<typeof createNoteCache> | undefined;
    for (const size of [...new Set([1, defaultParseWorkers(), 2])]) {
      const pool = createParsePool(workerScript, size);
      const c = size === defaultParseWorkers() ? createNoteCache('bench') : undefined;
      const r = await sizeOf(timed(() => createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], cache: c, parser: pool }).load()));
      pool.dispose();
      if (r.notes !== here.notes) throw new Error(`worker load has ${r.notes} notes, here ${here.notes}`);
      workers.push(`${size} worker${size > 1 ? 's' : ''} ${fmt(r)}`);
      cold ??= c;
    }
    let s = performance.now();
    const text = await cold!.serialiseInSlices();
    const cacheFile = path.join(dir, '..', `${path.basename(dir)}-cache.json`);
    fs.writeFileSync(cacheFile, text);
    const saveMs = performance.now() - s;
    // One note edited since the cache was written.
    const edited = first;
    fs.appendFileSync(edited, '\nedited\n');
    let readMs = 0;
    let jsonMs = 0;
    let warmCache: NoteCache | undefined;
    const warm = await sizeOf(timed(async () => {
      // As the extension's cache store does it: the file read off the thread, its entries read in slices.
      s = performance.now();
      const serialised = await readTextInSlices(cacheFile);
      readMs = performance.now() - s;
      warmCache = await loadNoteCache('bench', serialised);
      jsonMs = performance.now() - s - readMs;
      return createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], cache: warmCache }).load();
    }));
    fs.rmSync(cacheFile, { force: true });
    if (warm.notes !== here.notes) throw new Error(`warm load has ${warm.notes} notes, cold ${here.notes}`);
    console.log(`${String(count).padStart(6)} notes  cold, parsed here ${fmt(here)} · in ${workers.join(' · ')}`);
    console.log(
      `              warm ${fmt(warm)} (cache ${(text.length / 1048576).toFixed(1)} MB: read ${readMs.toFixed(0)} ms + entries ${jsonMs.toFixed(0)} ms, ${warmCache!.stats.hits} from it, ${warmCache!.stats.misses} read) · cache serialised in ${saveMs.toFixed(0)} ms (in slices)`,
    );
    if (count >= 50000) measureCli(dir);
    if (count >= 10000) {
      await measureUpdate(dir, edited, warmCache!);
      await measureHeap(dir);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The CLI over a folder this size: `lint` and `search`, wall time and peak memory (GNU time's maximum RSS). */
function measureCli(dir: string): void {
  const cli = path.join(__dirname, '..', '..', 'dist', 'cli.js');
  const run = (args: string[]) => {
    const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const [secs, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ');
    return `${Number(secs).toFixed(1)} s, ${(Number(kb) / 1024).toFixed(0)} MB`;
  };
  if (!fs.existsSync('/usr/bin/time') || !fs.existsSync(cli)) throw new Error('the CLI figures need /usr/bin/time and dist/cli.js');
  console.log(`              CLI over these notes: lint ${run(['lint', dir])} · search ${run(['search', 'learning rate warmup', '--notes', dir])}`);
}

/**
 * What 10,000 notes hold on the heap once loaded (issue 14.5): the snapshot itself, the hover index, the lookup (names)
 * index and its meaning index, each measured after a full GC, and the four together (what the extension host holds for them).
 */
async function measureHeap(dir: string): Promise<void> {
  const start = heapMb();
  const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir] }).load();
  const loaded = heapMb();
  const matcher = createIdentifierMatcher(buildConceptIndex(snapshot));
  const concepts = heapMb();
  const lookup = layeredLookup(snapshot);
  const names = heapMb();
  while (!warmMeaningIndex(lookup.base, 1000)) {
    /* built in full */
  }
  const meaning = heapMb();
  console.log(
    `              heap at ${snapshot.notes.size} notes: notes ${(loaded - start).toFixed(0)} MB · hover index ${(concepts - loaded).toFixed(0)} MB · lookup names ${(names - concepts).toFixed(0)} MB · meaning ${(meaning - names).toFixed(0)} MB · all four ${(meaning - start).toFixed(0)} MB` +
      `   targets: indexes ≤ 40 MB, host heap ≤ 200 MB`,
  );
  if (!matcher || !lookup) throw new Error('nothing measured');
}

/** One note edited in a loaded knowledge base: re-read, the lookup layered, the hover index rebuilt (issue 14.4). */
async function measureUpdate(dir: string, edited: string, cache: NoteCache): Promise<void> {
  const kb = createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], cache });
  const loaded = await kb.load();
  let s = performance.now();
  const lookup = layeredLookup(loaded);
  const lookupMs = performance.now() - s;
  s = performance.now();
  buildConceptIndex(loaded);
  const conceptMs = performance.now() - s;
  const times: { update: number; layer: number; concepts: number; query: number }[] = [];
  let current = lookup;
  for (let i = 0; i < 5; i++) {
    fs.appendFileSync(edited, `\nedit ${i}: zorblax${i}\n`);
    s = performance.now();
    const snapshot = await kb.update([edited]);
    const update = performance.now() - s;
    s = performance.now();
    const next = applySnapshotChanges(current, snapshot);
    if (!next) throw new Error('the update was not layered');
    current = next;
    const layer = performance.now() - s;
    s = performance.now();
    createIdentifierMatcher(buildConceptIndex(snapshot));
    const concepts = performance.now() - s;
    s = performance.now();
    searchLookup(current, 'learning rate warmup', { limit: 20 });
    const query = performance.now() - s;
    times.push({ update, layer, concepts, query });
  }
  const med = (k: keyof (typeof times)[0]) => [...times.map((t) => t[k])].sort((x, y) => x - y)[2].toFixed(1);
  console.log(
    `              one note edited (median of 5): re-read ${med('update')} ms + lookup layered ${med('layer')} ms + hover index rebuilt ${med('concepts')} ms; a query after it ${med('query')} ms` +
      ` (a full lookup index ${lookupMs.toFixed(0)} ms, hover index ${conceptMs.toFixed(0)} ms)   target ≤ 50 ms`,
  );
}

export async function run(): Promise<void> {
  console.log('\n== loading notes from disk: cold and warm (note cache) ==');
  console.log(`targets at 10,000: cold ≤ 2 s, warm ≤ 0.5 s, longest main-thread block ≤ 100 ms (this machine: ${os.cpus().length} cores, ${defaultParseWorkers()} parse worker(s) by default)`);
  for (const n of [1000, 10000, ...(process.env.AI_NOTES_BENCH_50K === '1' ? [50000] : [])]) await measure(n);
}
