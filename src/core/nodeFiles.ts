import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { NoteFiles } from './types';

/** NoteFiles over Node's file system (used by the CLI and the extension host). */
export const nodeNoteFiles: NoteFiles = {
  async listMarkdown(root) {
    const out: string[] = [];
    const stat = await fs.stat(root);
    if (!stat.isDirectory()) throw new Error(`${root} is not a folder`);
    async function walk(dir: string, depth: number): Promise<void> {
      if (depth > 12) return;
      const entries = await fs.readdir(dir, { withFileTypes: true });
      for (const e of entries) {
        if (e.name.startsWith('.') || e.name === 'node_modules') continue;
        const full = path.join(dir, e.name);
        if (e.isDirectory()) await walk(full, depth + 1);
        else if (e.isFile() && e.name.toLowerCase().endsWith('.md')) out.push(path.relative(root, full).split(path.sep).join('/'));
      }
    }
    await walk(root, 0);
    return out;
  },
  async size(p) {
    return (await fs.stat(p)).size;
  },
  async read(p) {
    return fs.readFile(p);
  },
};
