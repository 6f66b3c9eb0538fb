import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { createNoteCache, type NoteCache } from '../core';

/** A cache file larger than this is not read (it would cost more than parsing the notes again). */
const MAX_CACHE_BYTES = 512 * 1024 * 1024;
/** Written this long after the last load, so a burst of edits writes once. */
const SAVE_DELAY_MS = 3000;

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
      else text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') log(`note cache ${file} not read: ${(e as Error).message}`);
    }
    return createNoteCache(stamp, text, (m) => log(`${file}: ${m}`));
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    cache,
    save() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        void (async () => {
          try {
            const c = await cache;
            // A reload that found every note unchanged has nothing to write (10,000 notes are ~50 MB of JSON).
            if (!c.changed) return;
            const text = c.serialise();
            await fs.mkdir(path.dirname(file), { recursive: true });
            const tmp = `${file}.${process.pid}.tmp`;
            await fs.writeFile(tmp, text);
            await fs.rename(tmp, file);
          } catch (e) {
            log(`note cache ${file} not written: ${(e as Error).message}`);
          }
        })();
      }, SAVE_DELAY_MS);
      timer.unref?.();
    },
  };
}
