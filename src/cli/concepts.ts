import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import {
  analyseCodeAnySize,
  buildConceptIndex,
  createIdentifierMatcher,
  notebookCode,
  notebookPlacer,
  summariseFileConcepts,
  type FileConceptSummary,
  type IdentifierMatcher,
  type KnowledgeBaseSnapshot,
  type PlacedHit,
} from '../core';
import { jsonOption, loadNotes, notesOption, type CliCommand } from './shared';

/** A folder is read up to this many files; the output says when it stopped early. */
export const MAX_FILES = 2000;
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Folders that hold other people's code or none: environments, caches, VCS data. */
const SKIPPED_DIRS = new Set(['node_modules', '__pycache__', 'venv', 'env', 'site-packages', 'build', 'dist']);

export const conceptsCommand: CliCommand = {
  usage:
    'concepts <file|folder> [--json]\n' +
    '                             the ML concepts a Python file or notebook uses, grouped by topic, with counts and lines\n' +
    '                             (what the "Concepts in this File" view shows); a folder: every .py and .ipynb under it\n' +
    `                             (hidden folders, node_modules and venvs skipped; at most ${MAX_FILES} files);\n` +
    '                             --json prints { files: [{ file, topics: [{ topicId, title, title_en, count, concepts:\n' +
    '                             [{ noteId, title, title_en, count, occurrences: [{ line, col, identifier, cell? }] }] }],\n' +
    '                             conceptCount, occurrenceCount } | { file, error }], truncated } (lines and columns 1-based;\n' +
    '                             in a notebook, line counts inside the 1-based cell)',
  options: { ...jsonOption, ...notesOption },
  async run(args) {
    const target = args.positional[0];
    if (!target) {
      console.error('concepts: give a Python file, a notebook or a folder');
      return 2;
    }
    let stat;
    try {
      stat = await fs.stat(target);
    } catch (e) {
      console.error(`concepts: ${target}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`);
      return 2;
    }
    const listed = stat.isDirectory() ? await codeFilesUnder(target) : { files: [target], truncated: false };
    const snapshot = await loadNotes(args);
    const matcher = createIdentifierMatcher(buildConceptIndex(snapshot));
    const results: FileResult[] = [];
    for (const file of listed.files) results.push(await conceptsOfFile(file, matcher, snapshot));
    if (args.flags.json) {
      process.stdout.write(`${JSON.stringify({ files: results.map(toJson), truncated: listed.truncated }, null, 2)}\n`);
    } else {
      for (const r of results) process.stdout.write(outline(r));
      if (listed.truncated) console.error(`concepts: stopped after ${MAX_FILES} files`);
    }
    return results.some((r) => 'error' in r) && !stat.isDirectory() ? 2 : 0;
  },
};

type FileResult = { file: string; summary: FileConceptSummary } | { file: string; error: string };

/** The summary of one file: a notebook's code cells as one text, lines placed back in their cells. */
export async function conceptsOfFile(file: string, matcher: IdentifierMatcher, snapshot: KnowledgeBaseSnapshot): Promise<FileResult> {
  try {
    const size = (await fs.stat(file)).size;
    if (size > MAX_FILE_BYTES) return { file, error: `larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB; not read` };
    const raw = await fs.readFile(file, 'utf8');
    if (!/\.ipynb$/i.test(file)) return { file, summary: summariseFileConcepts(analyseCodeAnySize(raw, matcher).hits(), snapshot) };
    const nb = notebookCode(raw);
    const place = notebookPlacer(nb);
    const hits: PlacedHit[] = analyseCodeAnySize(nb.text, matcher)
      .hits()
      .map((h) => ({ ...h, ...place(h.line) }));
    return { file, summary: summariseFileConcepts(hits, snapshot) };
  } catch (e) {
    return { file, error: (e as Error).message };
  }
}

/** Every .py and .ipynb under a folder, sorted, at most MAX_FILES. */
async function codeFilesUnder(root: string): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  let truncated = false;
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (files.length >= MAX_FILES) {
        truncated = true;
        return;
      }
      if (e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name)) await walk(p);
      else if (e.isFile() && /\.(py|ipynb)$/i.test(e.name)) files.push(p);
    }
  };
  await walk(root);
  return { files, truncated };
}

function toJson(r: FileResult) {
  if ('error' in r) return r;
  const s = r.summary;
  return {
    file: r.file,
    topics: s.topics.map((t) => ({
      topicId: t.topicId,
      title: t.title,
      title_en: t.titleEn,
      count: t.count,
      concepts: t.concepts.map((c) => ({
        noteId: c.noteId,
        title: c.title,
        title_en: c.titleEn,
        count: c.count,
        occurrences: c.occurrences.map((o) => ({ ...(o.cell !== undefined ? { cell: o.cell + 1 } : {}), line: o.line + 1, col: o.column + 1, identifier: o.identifier })),
      })),
    })),
    conceptCount: s.conceptCount,
    occurrenceCount: s.occurrenceCount,
  };
}

/** The text form: the file, then per topic its concepts with counts and lines. */
function outline(r: FileResult): string {
  if ('error' in r) return `${r.file}: ${r.error}\n`;
  const s = r.summary;
  const out = [`${r.file}: ${s.conceptCount} concept(s), ${s.occurrenceCount} occurrence(s)`];
  for (const t of s.topics) {
    out.push(`  ${t.titleEn || t.title} (${t.count})`);
    for (const c of t.concepts) {
      const lines = [...new Set(c.occurrences.map((o) => (o.cell !== undefined ? `${o.cell + 1}:${o.line + 1}` : `${o.line + 1}`)))];
      out.push(`    ${c.titleEn || c.title} ×${c.count}  ${c.occurrences[0]?.cell !== undefined ? 'cell:line' : 'lines'} ${lines.join(', ')}  [${c.noteId}]`);
    }
  }
  return `${out.join('\n')}\n`;
}
