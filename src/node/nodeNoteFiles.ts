import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import type { NoteFiles, SkippedPath } from '../core';

/** Folders nested deeper than this below a notes root are not read (each one is reported). */
export const MAX_FOLDER_DEPTH = 32;

/** The parts of `fs.promises` the listing uses; tests pass their own to make a folder fail. */
export type NodeFsApi = Pick<typeof fs, 'readdir' | 'stat' | 'lstat' | 'readlink' | 'readFile'>;

/**
 * NoteFiles over a Node file system.
 *
 * What the listing leaves out, each with a message naming the path (see SkippedPath):
 * - a sub-folder that cannot be read (permissions, a path too long): that folder only, as an error;
 * - a file or folder whose name is not valid UTF-8 (it cannot be named in a string path): an error;
 * - symbolic links to folders or `.md` files: not followed, a warning. A link to somewhere inside the root would
 *   load the same notes twice under two ids (and every name would clash); a link to somewhere outside would read
 *   files the watcher does not watch and the preview's "images inside the notes root" rule does not expect, and
 *   links can form cycles. A folder linked in from elsewhere can be added as a notes folder of its own instead.
 * - folders deeper than MAX_FOLDER_DEPTH, and `.md` entries that are not regular files (a FIFO would hang the
 *   read): warnings;
 * - hidden entries (`.git`, `.obsidian`) and `node_modules`: by convention, logged as info.
 */
export function nodeNoteFilesOver(api: NodeFsApi): NoteFiles {
  return {
    async listMarkdown(root, skipped = () => {}) {
      const out: string[] = [];
      const stat = await api.stat(root);
      if (!stat.isDirectory()) throw new Error(`${root} is not a folder`);
      const skip = (p: string, message: string, severity: SkippedPath['severity']) => skipped({ path: p, message, severity });
      const relOf = (full: string) => path.relative(root, full).split(path.sep).join('/');

      async function walk(dir: string, depth: number): Promise<void> {
        let entries: Dirent[];
        try {
          entries = await api.readdir(dir, { withFileTypes: true });
        } catch (e) {
          if (dir === root) throw e;
          skip(dir, `folder cannot be read, its notes are not loaded: ${(e as Error).message}`, 'error');
          return;
        }
        for (const e of entries) {
          const full = path.join(dir, e.name);
          const isMd = e.name.toLowerCase().endsWith('.md');
          if (e.name.startsWith('.') || e.name === 'node_modules') {
            if (e.isDirectory() || isMd) skip(full, `${e.isDirectory() ? 'folder' : 'file'} ignored: hidden entries and node_modules hold no notes`, 'info');
            continue;
          }
          // Node decodes names as UTF-8, replacing bad bytes with U+FFFD: such a path names nothing on disk.
          if (e.name.includes('\uFFFD') && !(await exists(api, full))) {
            skip(full, `${e.isDirectory() ? 'folder' : 'file'} name is not valid UTF-8, so it is not loaded: rename it`, 'error');
            continue;
          }
          if (e.isSymbolicLink()) {
            const target = await linkTarget(api, full);
            if (target.kind === 'dir' || isMd) skip(full, linkMessage(target, root), 'warning');
            continue;
          }
          if (e.isDirectory()) {
            if (depth + 1 > MAX_FOLDER_DEPTH) {
              skip(full, `folder is nested more than ${MAX_FOLDER_DEPTH} levels deep, its notes are not loaded: move it up`, 'warning');
              continue;
            }
            await walk(full, depth + 1);
          } else if (isMd) {
            if (e.isFile()) out.push(relOf(full));
            else skip(full, 'not a regular file (a device, socket or pipe), so it is not read', 'warning');
          }
        }
      }

      await walk(root, 0);
      return out;
    },
    async size(p) {
      return (await api.stat(p)).size;
    },
    async read(p) {
      return api.readFile(p);
    },
    async stat(p) {
      const s = await api.stat(p);
      return { size: s.size, mtimeMs: s.mtimeMs };
    },
  };
}

async function exists(api: NodeFsApi, p: string): Promise<boolean> {
  try {
    await api.lstat(p);
    return true;
  } catch {
    return false;
  }
}

async function linkTarget(api: NodeFsApi, p: string): Promise<{ kind: 'dir' | 'file' | 'broken'; to: string }> {
  let to = '?';
  try {
    to = path.resolve(path.dirname(p), await api.readlink(p));
    return { kind: (await api.stat(p)).isDirectory() ? 'dir' : 'file', to };
  } catch {
    return { kind: 'broken', to };
  }
}

function linkMessage(target: { kind: 'dir' | 'file' | 'broken'; to: string }, root: string): string {
  const what = target.kind === 'dir' ? 'folder' : 'note';
  const head = `symbolic link to a ${what} is not followed (notes are read from real files and folders only)`;
  if (target.kind === 'broken') return `${head}: it points to ${target.to}, which does not exist`;
  const rel = path.relative(root, target.to);
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) return `${head}: its target ${target.to} is inside the notes folder and loads from there`;
  return target.kind === 'dir'
    ? `${head}: add ${target.to} as a notes folder of its own instead`
    : `${head}: move or copy ${target.to} into the notes folder instead`;
}

/** NoteFiles over Node's file system (used by the CLI and the extension host). */
export const nodeNoteFiles: NoteFiles = nodeNoteFilesOver(fs);
