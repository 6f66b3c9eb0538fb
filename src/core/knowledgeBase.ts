import { parseFrontMatter } from './frontMatter';
import { parseNote } from './noteParser';
import type { Logger, Note, NoteFiles, Problem, Topic } from './types';
import { silentLogger } from './types';

/** Notes over this size are listed but not loaded: they would stall parsing, hovers and the preview. */
export const MAX_NOTE_BYTES = 4 * 1024 * 1024;

export interface KnowledgeBaseOptions {
  files: NoteFiles;
  /** Notes roots in priority order: a later root's note replaces an earlier one with the same id. */
  roots: string[];
  logger?: Logger;
}

export interface KnowledgeBaseSnapshot {
  readonly notes: ReadonlyMap<string, Note>;
  readonly root: Topic;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly problems: readonly Problem[];
  /** The roots the snapshot was loaded from, in priority order (a later root wins). */
  readonly roots?: readonly string[];
}

export interface KnowledgeBase {
  /** Loads (or reloads) every root. Concurrent calls share one load. */
  load(): Promise<KnowledgeBaseSnapshot>;
  /** The last loaded snapshot, or undefined before the first load. */
  readonly current: KnowledgeBaseSnapshot | undefined;
  getNote(id: string): Note | undefined;
  /** Calls back after every completed load. */
  onDidLoad(listener: (snapshot: KnowledgeBaseSnapshot) => void): { dispose(): void };
  /** Finds the note stored at an absolute file path. */
  noteAtPath(path: string): Note | undefined;
}

const decoder = new TextDecoder('utf-8');

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function join(root: string, rel: string): string {
  return root.endsWith('/') || root.endsWith('\\') ? root + rel : `${root}/${rel}`;
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

async function loadSnapshot(options: KnowledgeBaseOptions): Promise<KnowledgeBaseSnapshot> {
  const { files, roots } = options;
  const logger = options.logger ?? silentLogger;
  const notes = new Map<string, Note>();
  const topics = new Map<string, Topic>([['', emptyTopic('')]]);
  const problems: Problem[] = [];
  const topicOf = (id: string): Topic => {
    let t = topics.get(id);
    if (!t) {
      t = emptyTopic(id);
      topics.set(id, t);
    }
    return t;
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
    for (const rel of rels.sort()) {
      const kind = classifyPath(rel);
      const path = join(root, rel);
      if (kind === 'skip') {
        logger.info(`${path}: not a note: ${skipReason(rel)}`);
        continue;
      }
      const id = rel.replace(/\.md$/i, '');
      let text: string | undefined;
      let error: string | undefined;
      try {
        const size = await files.size(path);
        if (size > MAX_NOTE_BYTES) {
          error = `file is too large to load (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_NOTE_BYTES / 1048576} MB)`;
        } else {
          const bytes = await files.read(path);
          if (looksBinary(bytes)) error = 'file is binary, not a Markdown note';
          else text = decoder.decode(bytes).replace(/^\uFEFF/, '');
        }
      } catch (e) {
        error = `file cannot be read: ${(e as Error).message}`;
      }
      if (error !== undefined) {
        problems.push({ path, line: 1, message: error, severity: 'error' });
        if (kind === 'note') {
          const note = placeholder(id, path, root, error);
          notes.set(id, note);
        }
        continue;
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
          continue;
        }
        const parsed = parseNote(id, path, root, text!);
        problems.push(...parsed.problems);
        const previous = notes.get(id);
        if (previous && previous.root === root) {
          problems.push({ path, line: 1, message: `duplicate note id "${id}" (also ${previous.path})`, severity: 'error' });
        } else if (previous) {
          logger.info(`${path} replaces ${previous.path}`);
        }
        notes.set(id, parsed.note);
      } catch (e) {
        const message = `note could not be read: ${(e as Error).message}`;
        problems.push({ path, line: 1, message, severity: 'error' });
        if (kind === 'note') notes.set(id, placeholder(id, path, root, message));
      }
    }
  }

  // Hang notes and topics into the hierarchy; folders without _index.md become topics named after the folder.
  for (const note of notes.values()) topicOf(note.topicId).notes.push(note);
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
    t.notes.sort(compareOrder);
  }
  return { notes, root: topics.get('')!, topics, problems, roots: [...roots] };
}

export function createKnowledgeBase(options: KnowledgeBaseOptions): KnowledgeBase {
  let current: KnowledgeBaseSnapshot | undefined;
  let pending: Promise<KnowledgeBaseSnapshot> | undefined;
  let byPath = new Map<string, Note>();
  const listeners = new Set<(s: KnowledgeBaseSnapshot) => void>();
  const logger = options.logger ?? silentLogger;

  const kb: KnowledgeBase = {
    get current() {
      return current;
    },
    load() {
      if (pending) return pending;
      const started = Date.now();
      pending = loadSnapshot(options)
        .then((snapshot) => {
          current = snapshot;
          byPath = new Map([...snapshot.notes.values()].map((n) => [n.path, n]));
          logger.info(`loaded ${snapshot.notes.size} notes from ${options.roots.length} folder(s) in ${Date.now() - started} ms`);
          for (const l of listeners) {
            try {
              l(snapshot);
            } catch (e) {
              logger.error(`listener failed: ${(e as Error).message}`);
            }
          }
          return snapshot;
        })
        .finally(() => {
          pending = undefined;
        });
      return pending;
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
