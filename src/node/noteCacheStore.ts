import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { delayedCacheSave, loadNoteCache, type NoteCache } from '../core';

/** A cache file larger than this is not read (it would cost more than parsing the notes again). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;

/** Bytes decoded per turn of the event loop: decoding 50 MB of UTF-8 at once holds the thread for about 100 ms. */
const DECODE_SLICE = 4 * 1024 * 1024;

/** A UTF-8 file's text, read off the thread and decoded a slice per turn of the event loop. */
export async function readTextInSlices(file: string): Promise<string> {
  const bytes = await fs.readFile(file);
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  for (let at = 0; at < bytes.length; at += DECODE_SLICE) {
    parts.push(decoder.decode(bytes.subarray(at, at + DECODE_SLICE), { stream: true }));
    await new Promise((resolve) => setImmediate(resolve));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * The note cache on disk (the extension's global storage): read once, on the first load; written a moment after
 * each load, through a temporary file and a rename so a crash never leaves half a cache. `build` names the code
 * that parsed (a file whose modification time changes with every build), so a new build never trusts old results.
 */
export function createNoteCacheStore(file: string, version: string, build: string | undefined, log: (m: string) => void): { cache: Promise<NoteCache>; save(): void } {
  const cache = (async () => {
    let stamp = version;
    try {
      if (build) stamp = `${version}+${(await fs.stat(build)).mtimeMs}`;
    } catch {
      /* no build file: the version alone */
    }
    let text: string | undefined;
    try {
      const size = (await fs.stat(file)).size;
      if (size > MAX_CACHE_BYTES) log(`note cache ${file}: ${size} bytes, too large; not read`);
      else text = await readTextInSlices(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`note cache ${file} not read: ${(e as Error).message}`);
    }
    // Read in slices: 10,000 notes are about 50 MB, which must not hold up hovers and the tree.
    return loadNoteCache(stamp, text, (m) => log(`${file}: ${m}`));
  })();
  return {
    cache,
    save: delayedCacheSave(
      cache,
      async (text) => {
        await fs.mkdir(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        await fs.writeFile(tmp, text);
        await fs.rename(tmp, file);
      },
      (m) => log(`note cache ${file} not written: ${m}`),
    ),
  };
}
