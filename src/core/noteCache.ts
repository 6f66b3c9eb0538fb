import type { Note, Problem } from './types';

/**
 * Parsed notes remembered between loads, keyed by path, size and modification time: a warm start reads and parses
 * only the files that changed. A cache written by another schema or build (`version`), or one that is not what it
 * should be, is discarded, never trusted.
 *
 * The serialised form is built to be read fast and in slices (a large one must not block the extension host): a
 * header line, one JSON line per entry without its note's body, then every body, one after another. Bodies are most
 * of a cache (about three quarters) and are taken out of the file's text as they are, without JSON parsing.
 */
export const NOTE_CACHE_SCHEMA = 2;

export interface CachedNote {
  size: number;
  mtimeMs: number;
  note: Note;
  problems: Problem[];
}

export interface NoteCache {
  /** The parsed note when the file still has this size and modification time. */
  get(path: string, size: number, mtimeMs: number): CachedNote | undefined;
  set(path: string, entry: CachedNote): void;
  /** Starts a load: entries not asked for or set until `serialise` are dropped (deleted notes). */
  beginLoad(): void;
  /** The entries of the last load, serialised. */
  serialise(): string;
  /** The same, giving the event loop a turn every `sliceMs`. */
  serialiseInSlices(sliceMs?: number): Promise<string>;
  /** Whether a load since the last `serialise` parsed a file, or the last load dropped a deleted one: only then is there anything new to save. */
  readonly changed: boolean;
  readonly stats: { hits: number; misses: number };
  /** How many notes it holds. */
  readonly size: number;
}

interface Header {
  schema: number;
  version: string;
  count: number;
}

/** An entry as one line: the note without its body, which follows all lines. */
interface EntryLine {
  key: string;
  size: number;
  mtimeMs: number;
  note: Omit<Note, 'body'>;
  bodyLength: number;
  problems: Problem[];
}

/** A header line longer than this is not this schema's (a schema 1 cache is one line of JSON). */
const MAX_HEADER = 4096;
const DEFAULT_SLICE_MS = 15;

function isEntryLine(x: unknown): x is EntryLine {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  const n = e.note as Record<string, unknown> | undefined;
  return (
    typeof e.key === 'string' &&
    typeof e.size === 'number' &&
    typeof e.mtimeMs === 'number' &&
    typeof e.bodyLength === 'number' && e.bodyLength >= 0 &&
    Array.isArray(e.problems) &&
    !!n &&
    typeof n.id === 'string' &&
    typeof n.path === 'string' &&
    !('body' in n) &&
    Array.isArray(n.headings) &&
    Array.isArray(n.code)
  );
}

class Discard extends Error {}

/**
 * Reads a serialised cache, entry by entry: yields after each, so a caller can stop for other work. Throws
 * `Discard` with the reason when the cache is not to be trusted.
 */
function* readEntries(text: string, version: string, out: Map<string, CachedNote>): Generator<void, void, void> {
  const headerEnd = text.indexOf('\n');
  if (headerEnd < 0 || headerEnd > MAX_HEADER) throw new Discard('written by another version (no header line)');
  let header: Partial<Header>;
  try {
    header = JSON.parse(text.slice(0, headerEnd)) as Partial<Header>;
  } catch (e) {
    throw new Discard(`not valid JSON (${(e as Error).message})`);
  }
  if (header.schema !== NOTE_CACHE_SCHEMA || header.version !== version) throw new Discard(`written by another version (${header.schema}/${header.version})`);
  if (typeof header.count !== 'number' || header.count < 0) throw new Discard('it has no entry count');
  const lines: EntryLine[] = [];
  let at = headerEnd + 1;
  let malformed = 0;
  for (let i = 0; i < header.count; i++) {
    const end = text.indexOf('\n', at);
    if (end < 0) throw new Discard('it is cut short');
    let line: unknown;
    try {
      line = JSON.parse(text.slice(at, end));
    } catch (e) {
      throw new Discard(`not valid JSON (${(e as Error).message})`);
    }
    if (isEntryLine(line)) lines.push(line);
    else malformed++;
    at = end + 1;
    yield;
  }
  if (malformed) throw new Discard(`${malformed} malformed entries`);
  const total = lines.reduce((sum, l) => sum + l.bodyLength, 0);
  if (text.length - at !== total) throw new Discard(`its bodies are ${text.length - at} characters, not ${total}`);
  for (const l of lines) {
    const body = text.slice(at, at + l.bodyLength);
    at += l.bodyLength;
    out.set(l.key, { size: l.size, mtimeMs: l.mtimeMs, problems: l.problems, note: { ...l.note, body } as Note });
  }
}

/** Serialises entries, yielding after each. */
function* writeEntries(version: string, entries: Map<string, CachedNote>, out: string[]): Generator<void, void, void> {
  const header: Header = { schema: NOTE_CACHE_SCHEMA, version, count: entries.size };
  out.push(JSON.stringify(header), '\n');
  const bodies: string[] = [];
  for (const [key, e] of entries) {
    const { body, ...note } = e.note;
    const line: EntryLine = { key, size: e.size, mtimeMs: e.mtimeMs, note, bodyLength: body.length, problems: e.problems };
    out.push(JSON.stringify(line), '\n');
    bodies.push(body);
    yield;
  }
  out.push(...bodies);
}

function runAll(steps: Generator<void, void, void>): void {
  while (!steps.next().done) {
    /* no pause */
  }
}

/** Runs steps, giving the event loop a turn (a timer, which browsers and Node both have) every `sliceMs`. */
async function runInSlices(steps: Generator<void, void, void>, sliceMs: number): Promise<void> {
  for (;;) {
    const until = Date.now() + sliceMs;
    for (let i = 0; ; i++) {
      if (steps.next().done) return;
      if ((i & 31) === 31 && Date.now() >= until) break;
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

function makeCache(version: string, loaded: Map<string, CachedNote>): NoteCache {
  let entries = loaded;
  let used = new Map<string, CachedNote>();
  let wrote = false;
  const stats = { hits: 0, misses: 0 };
  const take = () => {
    entries = used;
    wrote = false;
    return entries;
  };
  return {
    stats,
    get size() {
      return entries.size;
    },
    get changed() {
      return wrote || used.size !== entries.size;
    },
    get(path, size, mtimeMs) {
      const e = entries.get(path);
      if (e && e.size === size && e.mtimeMs === mtimeMs) {
        stats.hits++;
        used.set(path, e);
        return e;
      }
      stats.misses++;
      return undefined;
    },
    set(path, entry) {
      entries.set(path, entry);
      used.set(path, entry);
      wrote = true;
    },
    beginLoad() {
      used = new Map();
      stats.hits = 0;
      stats.misses = 0;
    },
    serialise() {
      const out: string[] = [];
      runAll(writeEntries(version, take(), out));
      return out.join('');
    },
    async serialiseInSlices(sliceMs = DEFAULT_SLICE_MS) {
      const out: string[] = [];
      await runInSlices(writeEntries(version, take(), out), sliceMs);
      return out.join('');
    },
  };
}

/**
 * A cache from a serialised one (or empty): `version` names the build that parses (a cache from another build is
 * dropped, since the parser may read notes differently); `log` hears why a cache was discarded.
 */
export function createNoteCache(version: string, serialised?: string, log: (message: string) => void = () => {}): NoteCache {
  const entries = new Map<string, CachedNote>();
  if (serialised !== undefined) {
    try {
      runAll(readEntries(serialised, version, entries));
    } catch (e) {
      if (!(e instanceof Discard)) throw e;
      log(`note cache discarded: ${e.message}`);
      entries.clear();
    }
  }
  return makeCache(version, entries);
}

/** The same as `createNoteCache`, read in slices of `sliceMs` so a large cache never blocks the event loop for long. */
export async function loadNoteCache(version: string, serialised: string | undefined, log: (message: string) => void = () => {}, sliceMs = DEFAULT_SLICE_MS): Promise<NoteCache> {
  const entries = new Map<string, CachedNote>();
  if (serialised !== undefined) {
    try {
      await runInSlices(readEntries(serialised, version, entries), sliceMs);
    } catch (e) {
      if (!(e instanceof Discard)) throw e;
      log(`note cache discarded: ${e.message}`);
      entries.clear();
    }
  }
  return makeCache(version, entries);
}

/** How long after a load a cache is written, so a burst of loads (edits, a checkout) writes once. */
export const CACHE_SAVE_DELAY_MS = 3000;

/**
 * The `save` of a cache store: `CACHE_SAVE_DELAY_MS` after the last call, the cache (if a load changed it) is
 * serialised in slices and handed to `write`; a failure goes to `log`. Shared by the Node and browser stores.
 */
export function delayedCacheSave(cache: Promise<NoteCache>, write: (text: string) => Promise<void>, log: (message: string) => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      void (async () => {
        try {
          const c = await cache;
          // A reload that found every note unchanged has nothing to write (10,000 notes are ~50 MB).
          if (!c.changed) return;
          await write(await c.serialiseInSlices());
        } catch (e) {
          log((e as Error).message);
        }
      })();
    }, CACHE_SAVE_DELAY_MS);
    // A pending save never keeps a process (the CLI, a test run) alive.
    (timer as { unref?: () => void }).unref?.();
  };
}
