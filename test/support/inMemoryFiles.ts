import type { NoteFiles } from '../../src/core';

/** NoteFiles over a plain object: `{ '/notes/a/b.md': 'text' }`. Roots that hold no file are "missing". */
export function inMemoryFiles(files: Record<string, string | Uint8Array>): NoteFiles & { reads: string[] } {
  const enc = new TextEncoder();
  const bytes = (p: string) => {
    const v = files[p];
    if (v === undefined) throw new Error(`ENOENT: ${p}`);
    return typeof v === 'string' ? enc.encode(v) : v;
  };
  const reads: string[] = [];
  return {
    reads,
    async listMarkdown(root) {
      const prefix = root.endsWith('/') ? root : `${root}/`;
      const rels = Object.keys(files).filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
      if (rels.length === 0) throw new Error(`ENOENT: no such directory ${root}`);
      return rels.filter((r) => r.toLowerCase().endsWith('.md'));
    },
    async size(p) {
      return bytes(p).length;
    },
    async read(p) {
      reads.push(p);
      return bytes(p);
    },
  };
}

/** A note file's text from front-matter fields and a body. */
export function noteText(fields: Record<string, unknown>, body = ''): string {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}
