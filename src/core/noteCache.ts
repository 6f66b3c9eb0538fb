import type { Note, Problem } from './types';

/**
 * Parsed notes remembered between loads, keyed by path, size and modification time: a warm start reads and parses
 * only the files that changed. Plain data, so it serialises to JSON for the extension's global storage. A cache
 * written by another schema or build (`version`), or one that is not what it should be, is discarded, never trusted.
 */
export const NOTE_CACHE_SCHEMA = 1;

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
  /** The entries of the last load as JSON. */
  serialise(): string;
  /** Whether a load since the last `serialise` parsed a file, or the last load dropped a deleted one: only then is there anything new to save. */
  readonly changed: boolean;
  readonly stats: { hits: number; misses: number };
  /** How many notes it holds. */
  readonly size: number;
}

interface CacheFile {
  schema: number;
  version: string;
  entries: Record<string, CachedNote>;
}

function isEntry(x: unknown): x is CachedNote {
  if (!x || typeof x !== 'object') return false;
  const e = x as Record<string, unknown>;
  const n = e.note as Record<string, unknown> | undefined;
  return (
    typeof e.size === 'number' &&
    typeof e.mtimeMs === 'number' &&
    Array.isArray(e.problems) &&
    !!n &&
    typeof n.id === 'string' &&
    typeof n.path === 'string' &&
    typeof n.body === 'string' &&
    Array.isArray(n.headings) &&
    Array.isArray(n.code)
  );
}

/**
 * A cache from a serialised one (or empty): `version` names the build that parses (a cache from another build is
 * dropped, since the parser may read notes differently); `log` hears why a cache was discarded.
 */
export function createNoteCache(version: string, serialised?: string, log: (message: string) => void = () => {}): NoteCache {
  let entries = new Map<string, CachedNote>();
  if (serialised !== undefined) {
    try {
      const file = JSON.parse(serialised) as Partial<CacheFile>;
      if (file.schema !== NOTE_CACHE_SCHEMA || file.version !== version) log(`note cache discarded: written by another version (${file.schema}/${file.version})`);
      else if (!file.entries || typeof file.entries !== 'object') log('note cache discarded: it has no entries');
      else {
        const all = Object.entries(file.entries);
        const good = all.filter(([, e]) => isEntry(e));
        if (good.length !== all.length) log(`note cache discarded: ${all.length - good.length} malformed entries`);
        else entries = new Map(good);
      }
    } catch (e) {
      log(`note cache discarded: not valid JSON (${(e as Error).message})`);
    }
  }
  let used = new Map<string, CachedNote>();
  let wrote = false;
  const stats = { hits: 0, misses: 0 };
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
      entries = used;
      wrote = false;
      const file: CacheFile = { schema: NOTE_CACHE_SCHEMA, version, entries: Object.fromEntries(used) };
      return JSON.stringify(file);
    },
  };
}
