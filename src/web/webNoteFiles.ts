import type * as vscode from 'vscode';
import type { NoteFiles, SkippedPath } from '../core';
import { join, relative } from '../shared/posixPath';

/** Folders nested deeper than this below a notes root are not read (each one is reported), as in nodeNoteFiles. */
export const MAX_FOLDER_DEPTH = 32;

/** vscode.FileType's values (a const here so this file runs, and is tested, without the vscode module). */
const FILE = 1;
const DIRECTORY = 2;
const SYMBOLIC_LINK = 64;

/** The parts of `vscode.workspace.fs` the listing uses; unit tests pass an in-memory one. */
export type WorkspaceFsApi = Pick<vscode.FileSystem, 'readDirectory' | 'stat' | 'readFile'>;

/**
 * NoteFiles over `vscode.workspace.fs` (the browser host, where there is no `node:fs`): every path is a URI string
 * that `uriOf` turns into a Uri. The same entries are left out as by nodeNoteFiles, each with a message naming it:
 * a sub-folder that cannot be read (an error), symbolic links to folders or `.md` files (not followed, a warning),
 * folders deeper than MAX_FOLDER_DEPTH (a warning), hidden entries and node_modules (info). Files too large,
 * binary or unreadable are reported by the core's loader, which names the file.
 */
export function webNoteFiles(fs: WorkspaceFsApi, uriOf: (path: string) => vscode.Uri): NoteFiles {
  const stat = async (p: string) => {
    const s = await fs.stat(uriOf(p));
    return { size: s.size, mtimeMs: s.mtime, type: s.type };
  };
  return {
    async listMarkdown(root, skipped = () => {}) {
      const out: string[] = [];
      const s = await stat(root);
      if (!(s.type & DIRECTORY)) throw new Error(`${root} is not a folder`);
      const skip = (p: string, message: string, severity: SkippedPath['severity']) => skipped({ path: p, message, severity });

      async function walk(dir: string, depth: number): Promise<void> {
        let entries: [string, vscode.FileType][];
        try {
          entries = await fs.readDirectory(uriOf(dir));
        } catch (e) {
          if (dir === root) throw e;
          skip(dir, `folder cannot be read, its notes are not loaded: ${(e as Error).message}`, 'error');
          return;
        }
        for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          const full = join(dir, name);
          const isDir = (type & DIRECTORY) !== 0;
          const isMd = name.toLowerCase().endsWith('.md');
          if (name.startsWith('.') || name === 'node_modules') {
            if (isDir || isMd) skip(full, `${isDir ? 'folder' : 'file'} ignored: hidden entries and node_modules hold no notes`, 'info');
            continue;
          }
          if (type & SYMBOLIC_LINK) {
            if (isDir || isMd) skip(full, `symbolic link to a ${isDir ? 'folder' : 'note'} is not followed (notes are read from real files and folders only)`, 'warning');
            continue;
          }
          if (isDir) {
            if (depth + 1 > MAX_FOLDER_DEPTH) {
              skip(full, `folder is nested more than ${MAX_FOLDER_DEPTH} levels deep, its notes are not loaded: move it up`, 'warning');
              continue;
            }
            await walk(full, depth + 1);
          } else if (isMd) {
            if (type & FILE) out.push(relative(root, full));
            else skip(full, 'not a regular file (a device, socket or pipe), so it is not read', 'warning');
          }
        }
      }

      await walk(root, 0);
      return out;
    },
    async size(p) {
      return (await stat(p)).size;
    },
    async read(p) {
      return fs.readFile(uriOf(p));
    },
    async stat(p) {
      const s = await stat(p);
      return { size: s.size, mtimeMs: s.mtimeMs };
    },
  };
}
