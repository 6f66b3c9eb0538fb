import { parseFrontMatter } from './frontMatter';
import type { CachedNote, NoteCache } from './noteCache';
import { parseNote } from './noteParser';
import { MAX_NOTE_BYTES, noteText, tooLarge, type FileStamp, type NoteParser, type ParseOutcome, type ParseRequest } from './parseRequests';
import type { Logger, Note, NoteFiles, Problem, Topic } from './types';
import { silentLogger } from './types';

export { MAX_NOTE_BYTES };

export interface KnowledgeBaseOptions {
  files: NoteFiles;
  /** Notes roots in priority order: a later root's note replaces an earlier one with the same id. */
  roots: string[];
  logger?: Logger;
  /** Parsed notes from earlier loads: an unchanged file (same size and modification time) is not read again. */
  cache?: NoteCache | Promise<NoteCache>;
  /**
   * Parses notes somewhere else (worker threads), and reads their files there when it can. When it fails, the
   * batch is read and parsed here instead, so a broken worker costs time, never notes.
   */
  parser?: NoteParser;
}

export interface KnowledgeBaseSnapshot {
  readonly notes: ReadonlyMap<string, Note>;
  readonly root: Topic;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly problems: readonly Problem[];
  /** The roots the snapshot was loaded from, in priority order (a later root wins). */
  readonly roots?: readonly string[];
  /** Numbers snapshots in the order they were made (across knowledge bases): higher is newer. */
  readonly generation?: number;
  /** Set on a snapshot made by `update`: the ids it changed from the snapshot of generation `from`. */
  readonly changes?: SnapshotChanges;
}

export interface SnapshotChanges {
  readonly from: number;
  /** Notes added or changed. */
  readonly changed: readonly string[];
  /** Notes no longer there. */
  readonly removed: readonly string[];
}

export interface KnowledgeBase {
  /** Loads (or reloads) every root. Concurrent calls share one load. */
  load(): Promise<KnowledgeBaseSnapshot>;
  /**
   * Re-reads only these files (absolute paths; created, changed or deleted) into a new snapshot that shares every
   * other note with the current one. Falls back to a full load when there is no snapshot yet, when a path is a topic's
   * `_index.md` or no note file, or when a deleted note may uncover another root's note with the same id.
   */
  update(paths: readonly string[]): Promise<KnowledgeBaseSnapshot>;
  /** The last loaded snapshot, or undefined before the first load. */
  readonly current: KnowledgeBaseSnapshot | undefined;
  getNote(id: string): Note | undefined;
  /** Calls back after every completed load. */
  onDidLoad(listener: (snapshot: KnowledgeBaseSnapshot) => void): { dispose(): void };
  /** Finds the note stored at an absolute file path. */
  noteAtPath(path: string): Note | undefined;
}

function join(root: string, rel: string): string {
  return root.endsWith('/') || root.endsWith('\\') ? root + rel : `${root}/${rel}`;
}

/** The topic with this id in `topics`, made (empty) when there is none. */
function topicIn(topics: Map<string, Topic>, id: string): Topic {
  let t = topics.get(id);
  if (!t) {
    t = emptyTopic(id);
    topics.set(id, t);
  }
  return t;
}

function emptyTopic(id: string): Topic {
  const name = id.split('/').pop() ?? id;
  return { id, title: name, titleEn: name, summary: '', summaryEn: '', topics: [], notes: [] };
}

function placeholder(id: string, path: string, root: string, error: string): Note {
  const slash = id.lastIndexOf('/');
  const name = id.slice(slash + 1);
  return {
    id, topicId: slash < 0 ? '' : id.slice(0, slash), path, root, title: name, titleEn: name,
    aliases: [], summary: '', summaryEn: '', code: [], related: [], tags: [], ambiguous: [],
    facets: [], headings: [],
    body: '', bodyLine: 0, fieldLines: {}, error,
  };
}

/** Which relative paths are notes: `_index.md` files are topics, other `_x`/`.x` files and a root README are not notes. */
export function classifyPath(rel: string): 'note' | 'topic' | 'skip' {
  const parts = rel.split('/');
  if (parts.some((p) => p.startsWith('.') || p === 'node_modules')) return 'skip';
  const file = parts[parts.length - 1];
  if (!file.toLowerCase().endsWith('.md')) return 'skip';
  if (file === '_index.md') return 'topic';
  if (file.startsWith('_')) return 'skip';
  if (parts.length === 1 && file.toLowerCase() === 'readme.md') return 'skip';
  return 'note';
}

/** Why classifyPath skips a path, for the log. */
function skipReason(rel: string): string {
  const parts = rel.split('/');
  const file = parts[parts.length - 1];
  if (parts.slice(0, -1).some((p) => p.startsWith('.') || p === 'node_modules')) return 'it is inside a hidden folder or node_modules';
  if (file.startsWith('.')) return 'hidden files are not notes';
  if (!file.toLowerCase().endsWith('.md')) return 'only .md files are notes';
  if (file.startsWith('_')) return 'files starting with "_" are not notes (only _index.md, which describes its folder)';
  return 'the README.md at the top of a notes folder describes the folder';
}

function compareOrder(a: { order?: number; title: string }, b: { order?: number; title: string }): number {
  const ao = a.order ?? Number.MAX_SAFE_INTEGER;
  const bo = b.order ?? Number.MAX_SAFE_INTEGER;
  return ao !== bo ? ao - bo : a.title.localeCompare(b.title);
}

/** How many files are fetched at once while loading. */
const FETCH_BATCH = 64;
/** Batches read ahead while earlier ones are parsed. */
const MAX_BATCHES_IN_FLIGHT = 4;

/** A file as fetched for loading: from the cache, or its text, or why it could not be read. */
interface Fetched {
  cached?: CachedNote;
  text?: string;
  error?: string;
  stamp?: FileStamp;
  /** Not read: the parser reads it. */
  deferred?: boolean;
}

async function fetchFile(files: NoteFiles, cache: NoteCache | undefined, root: string, path: string, kind: 'note' | 'topic', parserReads: boolean): Promise<Fetched> {
  let stamp: Fetched['stamp'];
  // Cold (nothing cached): a parser that reads files stats them too; nothing to do here.
  if (parserReads && kind === 'note' && (!cache || cache.size === 0)) return { deferred: true };
  try {
    if (cache && files.stat && kind === 'note') {
      stamp = await files.stat(path);
      const cached = cache.get(`${root}\0${path}`, stamp.size, stamp.mtimeMs);
      if (cached) return { cached, stamp };
    }
  } catch {
    stamp = undefined;
  }
  if (parserReads && kind === 'note') return { deferred: true, stamp };
  try {
    const size = stamp?.size ?? (await files.size(path));
    if (size > MAX_NOTE_BYTES) return { stamp, error: tooLarge(size) };
    return { stamp, ...noteText(await files.read(path)) };
  } catch (e) {
    return { stamp, error: `file cannot be read: ${(e as Error).message}` };
  }
}

async function loadSnapshot(options: KnowledgeBaseOptions): Promise<KnowledgeBaseSnapshot> {
  const { files, roots } = options;
  const logger = options.logger ?? silentLogger;
  let parser = options.parser;
  /**
   * Sends a fetched batch's notes to the parser (by index in the batch). When the parser fails, the files it was to
   * read are read here (`fetched` is updated) and the rest of this load parses here: processFile then parses them.
   */
  const parseBatch = async (root: string, batch: { rel: string; kind: string; path: string }[], fetched: (Fetched | undefined)[]): Promise<Map<number, ParseOutcome>> => {
    const at: number[] = [];
    const requests: ParseRequest[] = [];
    batch.forEach((b, i) => {
      const f = fetched[i];
      if (b.kind !== 'note' || !f || (f.text === undefined && !f.deferred)) return;
      at.push(i);
      requests.push({ id: b.rel.replace(/\.md$/i, ''), path: b.path, root, text: f.text });
    });
    const outcomes = new Map<number, ParseOutcome>();
    if (!parser || requests.length === 0) return outcomes;
    try {
      const results = await parser.parse(requests);
      if (results.length !== requests.length) throw new Error(`${results.length} results for ${requests.length} notes`);
      results.forEach((r, k) => outcomes.set(at[k], r));
    } catch (e) {
      if (parser) logger.warn(`parsing notes in a worker failed, parsing them here: ${(e as Error).message}`);
      parser = undefined;
      await Promise.all(at.map(async (i) => {
        if (fetched[i]?.deferred) fetched[i] = await fetchFile(files, undefined, root, batch[i].path, 'note', false).then((f) => ({ ...f, stamp: f.stamp ?? fetched[i]?.stamp }));
      }));
    }
    return outcomes;
  };
  const notes = new Map<string, Note>();
  const topics = new Map<string, Topic>([['', emptyTopic('')]]);
  const problems: Problem[] = [];
  const topicOf = (id: string) => topicIn(topics, id);

  const cache = await options.cache;
  cache?.beginLoad();
  const addNote = (id: string, path: string, root: string, note: Note, noteProblems: readonly Problem[]) => {
    problems.push(...noteProblems);
    const previous = notes.get(id);
    if (previous && previous.root === root) {
      problems.push({ path, line: 1, message: `duplicate note id "${id}" (also ${previous.path})`, severity: 'error' });
    } else if (previous) {
      logger.info(`${path} replaces ${previous.path}`);
    }
    notes.set(id, note);
  };

  const processFile = (root: string, rel: string, kind: ReturnType<typeof classifyPath>, path: string, f: Fetched | undefined, outcome?: ParseOutcome): void => {
    if (kind === 'skip' || !f) {
      logger.info(`${path}: not a note: ${skipReason(rel)}`);
      return;
    }
    const id = rel.replace(/\.md$/i, '');
    // The cache key is the root and path, so the id is the same.
    if (f.cached) {
      addNote(id, path, root, f.cached.note, f.cached.problems);
      return;
    }
    const text = f.text;
    const error = outcome ? outcome.error : f.error;
    const stamp = outcome?.stamp ?? f.stamp;
    const cacheKey = `${root}\0${path}`;
    if (error !== undefined) {
      problems.push({ path, line: 1, message: error, severity: 'error' });
      if (kind === 'note') {
        const note = placeholder(id, path, root, error);
        notes.set(id, note);
      }
      return;
    }
    // Parsing never throws by design; this guard keeps one note that still finds a way from losing all the others.
    try {
      if (kind === 'topic') {
        const topicId = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
        const fm = parseFrontMatter(text!);
        if (fm.error) problems.push({ path, line: fm.error.line, message: fm.error.message, severity: 'error' });
        const t = topicOf(topicId);
        const d = fm.data;
        const s = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
        t.title = s(d.title) || t.title;
        t.titleEn = s(d.title_en) || t.titleEn;
        t.summary = s(d.summary) || fm.body.trim().split(/\n\s*\n/).find((p) => p && !p.startsWith('#'))?.trim() || '';
        t.summaryEn = s(d.summary_en);
        const order = Number(d.order);
        t.order = d.order !== undefined && Number.isFinite(order) ? order : undefined;
        t.indexPath = path;
        return;
      }
      const parsed = outcome?.parsed ?? parseNote(id, path, root, text!);
      if (cache && stamp) cache.set(cacheKey, { ...stamp, note: parsed.note, problems: parsed.problems });
      addNote(id, path, root, parsed.note, parsed.problems);
    } catch (e) {
      const message = `note could not be read: ${(e as Error).message}`;
      problems.push({ path, line: 1, message, severity: 'error' });
      if (kind === 'note') notes.set(id, placeholder(id, path, root, message));
    }
  };

  for (const root of roots) {
    let rels: string[];
    try {
      rels = await files.listMarkdown(root, (item) => {
        if (item.severity === 'info') {
          logger.info(`${item.path}: ${item.message}`);
          return;
        }
        // Problems reach the log through whoever shows them (the extension logs each one; the CLI prints them).
        problems.push({ path: item.path, line: 1, message: item.message, severity: item.severity });
      });
    } catch (e) {
      const message = `notes folder cannot be read: ${(e as Error).message}`;
      problems.push({ path: root, line: 1, message, severity: 'error' });
      logger.warn(`${root}: ${message}`);
      continue;
    }
    // Files are fetched (stat, cache check, read) a batch at a time, in parallel: the disk waits overlap. Each batch's
    // notes are parsed (in a worker when there is one, while the next batches are read), then added one by one in
    // path order, so which note wins a shared id does not depend on timing.
    const sorted = rels.sort();
    const queue: Promise<() => void>[] = [];
    for (let at = 0; at < sorted.length; at += FETCH_BATCH) {
      const batch = sorted.slice(at, at + FETCH_BATCH).map((rel) => ({ rel, kind: classifyPath(rel), path: join(root, rel) }));
      const fetched = await Promise.all(batch.map((b) => (b.kind === 'skip' ? undefined : fetchFile(files, cache, root, b.path, b.kind, !!parser?.readsFiles))));
      queue.push(parseBatch(root, batch, fetched).then((parsed) => () => batch.forEach((b, i) => processFile(root, b.rel, b.kind, b.path, fetched[i], parsed.get(i)))));
      while (queue.length > MAX_BATCHES_IN_FLIGHT) (await queue.shift()!)();
    }
    for (const commit of queue) (await commit)();
  }

  return assemble(notes, topics, problems, roots);
}

/**
 * Hangs notes and topics into the hierarchy; folders without _index.md become topics named after the folder. With
 * `reuse`, a topic not in `reuse.affected` takes its (sorted) notes from the previous snapshot's topic of that id:
 * an update re-sorts only the topics it touched.
 */
function assemble(notes: Map<string, Note>, topics: Map<string, Topic>, problems: Problem[], roots: readonly string[], reuse?: { previous: ReadonlyMap<string, Topic>; affected: ReadonlySet<string> }): KnowledgeBaseSnapshot {
  const topicOf = (id: string) => topicIn(topics, id);
  topicOf('');
  const reused = new Set<string>();
  if (reuse) {
    for (const [id, t] of topics) {
      const before = reuse.previous.get(id);
      if (before && !reuse.affected.has(id)) {
        t.notes = before.notes;
        reused.add(id);
      }
    }
  }
  for (const note of notes.values()) if (!reused.has(note.topicId)) topicOf(note.topicId).notes.push(note);
  for (const id of [...topics.keys()]) {
    let child = id;
    while (child !== '') {
      const parentId = child.includes('/') ? child.slice(0, child.lastIndexOf('/')) : '';
      const parent = topicOf(parentId);
      const t = topicOf(child);
      if (!parent.topics.includes(t)) parent.topics.push(t);
      child = parentId;
    }
  }
  for (const t of topics.values()) {
    t.topics.sort(compareOrder);
    if (!reused.has(t.id)) t.notes.sort(compareOrder);
  }
  return { notes, root: topics.get('')!, topics, problems, roots: [...roots] };
}

/** A snapshot with some files read again; undefined when only a full load can tell (see KnowledgeBase.update). */
async function updateSnapshot(options: KnowledgeBaseOptions, previous: KnowledgeBaseSnapshot, paths: readonly string[]): Promise<{ snapshot: KnowledgeBaseSnapshot; changed: string[]; removed: string[] } | undefined> {
  const { files, roots } = options;
  const cache = await options.cache;
  const notes = new Map(previous.notes);
  const byPath = new Map([...previous.notes.values()].map((n) => [n.path, n]));
  const touched = new Set(paths);
  const problems = previous.problems.filter((p) => !touched.has(p.path));
  const changed: string[] = [];
  const removed: string[] = [];
  /** Topics whose notes change: their lists are made and sorted again. */
  const affected = new Set<string>();
  for (const path of touched) {
    // The root holding the path: the last (highest priority) one it is under.
    const rootIndex = roots.map((r, i) => ({ r, i })).filter(({ r }) => path.startsWith(join(r, ''))).pop()?.i;
    if (rootIndex === undefined) return undefined;
    const root = roots[rootIndex];
    const rel = path.slice(join(root, '').length).replace(/\\/g, '/');
    const kind = classifyPath(rel);
    // A file that is no note (a draft `_x.md`, a README) changes nothing; a topic's _index.md needs the full load.
    if (kind === 'skip') continue;
    if (kind === 'topic') return undefined;
    const id = rel.replace(/\.md$/i, '');
    const current = notes.get(id);
    // A note of a later root shadows this one: the file changes nothing that is shown.
    if (current && current.root !== root && roots.indexOf(current.root) > rootIndex) continue;
    let fetched: Fetched;
    try {
      fetched = await fetchFile(files, undefined, root, path, 'note', false);
    } catch {
      return undefined;
    }
    const gone = fetched.error !== undefined && !(await exists(files, path));
    if (gone) {
      if (byPath.get(path)?.id !== id) continue;
      // Another root may hold a note with this id that this one hid: only a full load finds it.
      if (roots.length > 1) return undefined;
      notes.delete(id);
      removed.push(id);
      affected.add(byPath.get(path)!.topicId);
      continue;
    }
    if (current && current.root !== root && current.path !== path) return undefined;
    const outcome = fetched.error !== undefined ? undefined : parseNote(id, path, root, fetched.text!);
    const note = outcome?.note ?? placeholder(id, path, root, fetched.error!);
    problems.push(...(outcome?.problems ?? [{ path, line: 1, message: fetched.error!, severity: 'error' as const }]));
    if (cache && outcome && files.stat) {
      try {
        const stamp = await files.stat(path);
        cache.set(`${root}\0${path}`, { ...stamp, note, problems: outcome.problems });
      } catch {
        /* not cached: read again next time */
      }
    }
    notes.set(id, note);
    changed.push(id);
    affected.add(note.topicId);
  }
  // Topics keep what their _index.md said; notes and subtopics are hung again.
  const topics = new Map<string, Topic>();
  // Folders without one are made again from the notes, as a full load does (an emptied folder is no topic).
  for (const [id, t] of previous.topics) if (t.indexPath || id === '' || (t.notes.length > 0 && !affected.has(id))) topics.set(id, { ...t, topics: [], notes: [] });
  return { snapshot: assemble(notes, topics, problems, roots, { previous: previous.topics, affected }), changed, removed };
}

async function exists(files: NoteFiles, path: string): Promise<boolean> {
  try {
    await files.size(path);
    return true;
  } catch {
    return false;
  }
}

/** Snapshots are numbered across every knowledge base, so a newer one (after the notes folders change) counts higher. */
let lastGeneration = 0;

export function createKnowledgeBase(options: KnowledgeBaseOptions): KnowledgeBase {
  let current: KnowledgeBaseSnapshot | undefined;
  let pending: Promise<KnowledgeBaseSnapshot> | undefined;
  /** Updates run one after another, each after any load in flight. */
  let updating: Promise<unknown> = Promise.resolve();
  let byPath = new Map<string, Note>();
  const listeners = new Set<(s: KnowledgeBaseSnapshot) => void>();
  const logger = options.logger ?? silentLogger;

  const publish = (snapshot: KnowledgeBaseSnapshot, changes?: Omit<SnapshotChanges, 'from'>): KnowledgeBaseSnapshot => {
    const from = current?.generation ?? 0;
    const published: KnowledgeBaseSnapshot = { ...snapshot, generation: ++lastGeneration, changes: changes && { from, ...changes } };
    current = published;
    byPath = new Map([...published.notes.values()].map((n) => [n.path, n]));
    for (const l of listeners) {
      try {
        l(published);
      } catch (e) {
        logger.error(`listener failed: ${(e as Error).message}`);
      }
    }
    return published;
  };

  const kb: KnowledgeBase = {
    get current() {
      return current;
    },
    load() {
      if (pending) return pending;
      const started = Date.now();
      pending = loadSnapshot(options)
        .then((snapshot) => {
          void Promise.resolve(options.cache).then((c) => {
            const cached = c ? ` (${c.stats.hits} from the cache, ${c.stats.misses} read)` : '';
            logger.info(`loaded ${snapshot.notes.size} notes from ${options.roots.length} folder(s) in ${Date.now() - started} ms${cached}`);
          });
          return publish(snapshot);
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
    },
    update(paths) {
      const run = async (): Promise<KnowledgeBaseSnapshot> => {
        for (;;) {
          if (pending) await pending.catch(() => undefined);
          const previous = current;
          if (!previous) return kb.load();
          const started = Date.now();
          const result = await updateSnapshot(options, previous, paths);
          if (!result) {
            logger.info(`${paths.length} changed file(s) need a full reload`);
            return kb.load();
          }
          // A full load that finished meanwhile may have read these files before they changed: update that one.
          if (current !== previous) continue;
          logger.info(`updated ${result.changed.length} note(s), removed ${result.removed.length}, in ${Date.now() - started} ms`);
          return publish(result.snapshot, { changed: result.changed, removed: result.removed });
        }
      };
      const next = updating.then(run, run);
      updating = next.catch(() => undefined);
      return next;
    },
    getNote(id) {
      return current?.notes.get(id);
    },
    noteAtPath(path) {
      return byPath.get(path);
    },
    onDidLoad(listener) {
      listeners.add(listener);
      return { dispose: () => listeners.delete(listener) };
    },
  };
  return kb;
}
