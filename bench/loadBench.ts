import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createKnowledgeBase, createNoteCache } from '../src/core';
import { nodeNoteFiles } from '../src/node/nodeNoteFiles';
import { syntheticKnowledgeBase } from './lookupBench';

/**
 * Loading from disk (issue 14): synthetic notes written to a temp folder, loaded cold (every file read and parsed)
 * and warm (the note cache read from its JSON file, only changed files read), as the extension host does.
 * 1,000 and 10,000 notes by default; AI_NOTES_BENCH_50K=1 adds 50,000.
 */
async function measure(count: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-load-'));
  try {
    const { files } = syntheticKnowledgeBase(count);
    for (const [p, text] of Object.entries(files)) {
      const full = path.join(dir, p.replace(/^\/kb\//, ''));
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, text);
    }
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    let s = performance.now();
    const cold = createNoteCache('bench');
    const a = await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], cache: cold }).load();
    const coldMs = performance.now() - s;
    s = performance.now();
    const text = cold.serialise();
    const cacheFile = path.join(dir, '..', `${path.basename(dir)}-cache.json`);
    fs.writeFileSync(cacheFile, text);
    const saveMs = performance.now() - s;
    // One note edited since the cache was written.
    const edited = path.join(dir, Object.keys(files)[0].replace(/^\/kb\//, ''));
    fs.appendFileSync(edited, '\nedited\n');
    s = performance.now();
    const warm = createNoteCache('bench', fs.readFileSync(cacheFile, 'utf8'));
    const readMs = performance.now() - s;
    const b = await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir], cache: warm }).load();
    const warmMs = performance.now() - s;
    fs.rmSync(cacheFile, { force: true });
    if (b.notes.size !== a.notes.size) throw new Error(`warm load has ${b.notes.size} notes, cold ${a.notes.size}`);
    console.log(
      `${String(count).padStart(6)} notes  cold ${(coldMs / 1000).toFixed(2)} s · warm ${(warmMs / 1000).toFixed(2)} s (cache ${(text.length / 1048576).toFixed(1)} MB: read + JSON ${readMs.toFixed(0)} ms, ${warm.stats.hits} from it, ${warm.stats.misses} read) · cache written in ${saveMs.toFixed(0)} ms`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  console.log('\n== loading notes from disk: cold and warm (note cache) ==');
  console.log('targets at 10,000: cold ≤ 2 s, warm ≤ 0.5 s');
  for (const n of [1000, 10000, ...(process.env.AI_NOTES_BENCH_50K === '1' ? [50000] : [])]) await measure(n);
}
