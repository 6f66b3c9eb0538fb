import type { CodeHit } from './codeEngine';
import type { IdentifierMatcher } from './identifierMatcher';
import { notebookCode, notebookPlacer } from './notebookCode';
import { analyseCodeAnySize } from './windowedAnalysis';

/** One use of a concept in a file: 0-based line and columns, the identifier, and the line's text for a preview. */
export interface ConceptUse {
  line: number;
  column: number;
  endColumn: number;
  identifier: string;
  /** In a notebook: the 0-based cell index, and `line` counts inside that cell. */
  cell?: number;
  /** The line as written, without its indent, at most 200 characters; a long line starts a little before the use, after '…'. */
  preview: string;
  /** Where the identifier starts in `preview`. */
  previewColumn: number;
}

/** Which kind of file a text is: a Python source, or a Jupyter notebook's JSON. */
export type CodeFileKind = 'python' | 'notebook';

export function codeFileKind(path: string): CodeFileKind | undefined {
  if (/\.ipynb$/i.test(path)) return 'notebook';
  if (/\.(py|pyi)$/i.test(path)) return 'python';
  return undefined;
}

/**
 * Finds the uses of one concept in code. The full engine decides every use, as the hover and the file view do; a
 * cheap test first skips the files that cannot use the concept (no identifier of the file names it or is the last part
 * of one of its code names), so a search over a workspace parses only the files worth parsing.
 */
export interface ConceptUseFinder {
  readonly noteId: string;
  /** False only when the text cannot contain a use: then `uses` would find none. */
  mayUse(text: string): boolean;
  /** The uses in a Python text or a notebook's JSON (cells placed back); throws on a broken notebook. */
  uses(text: string, kind: CodeFileKind): ConceptUse[];
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;
const PREVIEW_CHARS = 200;
const PREVIEW_LEAD = 24;

export function createConceptUseFinder(matcher: IdentifierMatcher, noteId: string): ConceptUseFinder {
  const index = matcher.index;
  // Last parts of the concept's code names (and the callees of its `Callee(kw)` forms), lower case, without edge
  // underscores: an import or assignment can make an identifier mean the concept only through one of these words.
  const parts = new Set<string>();
  const addPart = (code: string) => {
    const p = code.slice(code.lastIndexOf('.') + 1).replace(/^_+|_+$/g, '').toLowerCase();
    if (p) parts.add(p);
  };
  for (const [key, id] of index.exactCode) if (id === noteId) addPart(key);
  for (const [key, ref] of index.keywordCode) if (ref.noteId === noteId) addPart(key.slice(0, key.indexOf('(')));
  for (const [key, ref] of index.facetCode) if (ref.noteId === noteId) addPart(key);
  const wordNames = new Map<string, boolean>();
  const names = (word: string): boolean => {
    let v = wordNames.get(word);
    if (v === undefined) {
      v = matcher.match(word)?.concept.id === noteId;
      wordNames.set(word, v);
    }
    return v;
  };

  const toUse = (h: CodeHit, lines: readonly string[], cell?: number, line = h.line): ConceptUse => {
    const text = lines[h.line] ?? '';
    const indent = text.length - text.trimStart().length;
    // A use far into a long line: start the preview shortly before it, so a narrow view still shows it.
    const from = h.start - indent > PREVIEW_LEAD * 2 ? h.start - PREVIEW_LEAD : indent;
    const ellipsis = from > indent ? '…' : '';
    return {
      line,
      column: h.start,
      endColumn: h.end,
      identifier: h.chain,
      ...(cell !== undefined ? { cell } : {}),
      preview: ellipsis + text.slice(from, from + PREVIEW_CHARS).trimEnd(),
      previewColumn: ellipsis.length + h.start - from,
    };
  };

  return {
    noteId,
    mayUse(text) {
      const seen = new Set<string>();
      for (const m of text.matchAll(IDENTIFIER)) {
        const word = m[0];
        if (seen.has(word)) continue;
        seen.add(word);
        if (parts.has(word.replace(/^_+|_+$/g, '').toLowerCase()) || names(word)) return true;
      }
      return false;
    },
    uses(text, kind) {
      if (kind === 'python') {
        const lines = text.split('\n');
        return analyseCodeAnySize(text, matcher)
          .hits()
          .filter((h) => h.match.concept.id === noteId)
          .map((h) => toUse(h, lines));
      }
      const nb = notebookCode(text);
      const lines = nb.text.split('\n');
      const place = notebookPlacer(nb);
      return analyseCodeAnySize(nb.text, matcher)
        .hits()
        .filter((h) => h.match.concept.id === noteId)
        .map((h) => {
          const at = place(h.line);
          return toUse(h, lines, at.cell, at.line);
        });
    },
  };
}

/** Uses found in one file. */
export interface FileUses {
  file: string;
  uses: ConceptUse[];
}

/** Why a search stopped before reading every file. */
export type StopReason = 'files' | 'time' | 'cancelled';

export interface ConceptUsesResult {
  files: FileUses[];
  /** Files read (including those the cheap test skipped). */
  scanned: number;
  /** Files the cheap test let through to the engine. */
  parsed: number;
  /** Files listed. */
  total: number;
  /** Files that could not be read or parsed, with the reason (a broken notebook, too large, unreadable). */
  problems: { file: string; message: string }[];
  stopped?: StopReason;
}

export interface ConceptUsesOptions {
  finder: ConceptUseFinder;
  /** The files to read, in order (already filtered for excluded and ignored paths). */
  files: readonly string[];
  /** The file's text, or a message when it is not read (too large, binary). */
  read(file: string): Promise<string | { skipped: string }>;
  /** Read at most this many files; the result says `stopped: 'files'` when there were more. */
  maxFiles: number;
  /** Stop after this many milliseconds of searching (`stopped: 'time'`). */
  maxMillis: number;
  isCancelled?(): boolean;
  /** Called after each file: files read so far, files in all, uses so far. */
  onProgress?(scanned: number, total: number, uses: number): void;
  /** Give the event loop a turn (the extension host keeps answering hovers); called every ~`yieldMillis`. */
  yieldNow?(): Promise<void>;
  yieldMillis?: number;
  now?(): number;
}

/**
 * Reads the files one after another and collects the concept's uses, bounded in files and time, cancellable, with
 * progress; a file that cannot be read or parsed is reported and the search goes on.
 */
export async function findConceptUses(options: ConceptUsesOptions): Promise<ConceptUsesResult> {
  const now = options.now ?? (() => Date.now());
  const start = now();
  const yieldMillis = options.yieldMillis ?? 15;
  let lastYield = start;
  const result: ConceptUsesResult = { files: [], scanned: 0, parsed: 0, total: options.files.length, problems: [] };
  let useCount = 0;
  for (const file of options.files) {
    if (options.isCancelled?.()) {
      result.stopped = 'cancelled';
      break;
    }
    if (result.scanned >= options.maxFiles) {
      result.stopped = 'files';
      break;
    }
    if (now() - start > options.maxMillis) {
      result.stopped = 'time';
      break;
    }
    const kind = codeFileKind(file);
    result.scanned++;
    if (kind) {
      try {
        const text = await options.read(file);
        if (typeof text !== 'string') result.problems.push({ file, message: text.skipped });
        else if (options.finder.mayUse(text)) {
          result.parsed++;
          const uses = options.finder.uses(text, kind);
          if (uses.length) {
            result.files.push({ file, uses });
            useCount += uses.length;
          }
        }
      } catch (e) {
        result.problems.push({ file, message: (e as Error).message });
      }
    }
    options.onProgress?.(result.scanned, result.total, useCount);
    if (options.yieldNow && now() - lastYield >= yieldMillis) {
      await options.yieldNow();
      lastYield = now();
    }
  }
  return result;
}
