import * as vscode from 'vscode';
import { delayedCacheSave, loadNoteCache, type NoteCache } from '../core';
import type { NoteCacheStore } from '../features/platform';

/** A cache file larger than this is not read (in a browser it lives in IndexedDB, and parsing again is cheaper). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * The note cache in the browser host: a JSON file in the extension's global storage through `vscode.workspace.fs`
 * (IndexedDB on vscode.dev, the server's disk in code-server). `build` is a file whose modification time names the
 * code that parsed, so a new build never trusts old results.
 */
export function webNoteCacheStore(file: vscode.Uri, version: string, build: vscode.Uri, log: (m: string) => void): NoteCacheStore {
  const fs = vscode.workspace.fs;
  const cache: Promise<NoteCache> = (async () => {
    let stamp = version;
    try {
      stamp = `${version}+${(await fs.stat(build)).mtime}`;
    } catch {
      /* no build file: the version alone */
    }
    let text: string | undefined;
    try {
      const size = (await fs.stat(file)).size;
      if (size > MAX_CACHE_BYTES) log(`note cache ${file}: ${size} bytes, too large; not read`);
      else text = new TextDecoder().decode(await fs.readFile(file));
    } catch (e) {
      if (!(e instanceof vscode.FileSystemError && e.code === 'FileNotFound')) log(`note cache ${file} not read: ${(e as Error).message}`);
    }
    return loadNoteCache(stamp, text, (m) => log(`${file}: ${m}`));
  })();
  return {
    cache,
    location: file.toString(),
    save: delayedCacheSave(
      cache,
      async (text) => {
        await fs.createDirectory(vscode.Uri.joinPath(file, '..'));
        await fs.writeFile(file, new TextEncoder().encode(text));
      },
      (m) => log(`note cache ${file} not written: ${m}`),
    ),
  };
}
