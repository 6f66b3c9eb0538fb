import * as path from 'node:path';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { createKnowledgeBase, type KnowledgeBase, type KnowledgeBaseSnapshot, type Lang, type Logger, type Note, type NoteCache } from '../core';
import type { NoteTarget } from './commands';
import { onDidChangeSettings, readConfiguration } from './configuration';
import { nodeNoteFiles } from '../node/nodeNoteFiles';
import { createNoteCacheStore } from '../node/noteCacheStore';
import { createParsePool } from '../node/parsePool';

/** The extension's one knowledge base: built lazily from the configured folders, rebuilt when they change. */
export interface NotesHost {
  /** The loaded knowledge base, loading it on first use. */
  ready(): Promise<KnowledgeBaseSnapshot>;
  readonly kb: KnowledgeBase;
  readonly roots: readonly string[];
  reload(): Promise<KnowledgeBaseSnapshot>;
  /** Re-reads these note files only (created, changed or deleted; a full reload when that cannot tell). */
  update(paths: readonly string[]): Promise<KnowledgeBaseSnapshot>;
  onDidChange: vscode.Event<KnowledgeBaseSnapshot>;
  /** Fires when the configured notes folders change (before the reload they cause). */
  onDidChangeRoots: vscode.Event<readonly string[]>;
  /** The note a target names, after loading; warns the user and returns undefined when there is none. */
  requireNote(target: NoteTarget): Promise<Note | undefined>;
  /** The language titles and summaries are shown in. */
  lang(): Lang;
  readonly log: vscode.LogOutputChannel;
  readonly extensionUri: vscode.Uri;
  /** The folder of the notes that ship with the extension (read-only for the user). */
  readonly bundledRoot: string;
  /** Whether a note is one of the bundled notes (not the user's). */
  isBundled(note: { root: string }): boolean;
  /** Ids of recently opened notes, most recent first (kept across sessions). */
  recentNotes(): string[];
  /** Records that a note was opened (call from whatever opens notes). */
  markOpened(id: string): void;
  /** Fires with a note's id when the preview shows it (the tree's selection follows). */
  readonly onDidShowNote: vscode.Event<string>;
  /** Called by the preview when it shows a note. */
  noteShown(id: string): void;
  /** The parsed notes kept across loads and sessions (global storage), with the last load's hits and misses. */
  readonly noteCache: Promise<NoteCache>;
  /** Where the note cache is written. */
  readonly noteCacheFile: string;
  /** `Date.now()` at activation and when the first load finished (the integration tier reports the difference). */
  readonly timings: { activated: number; firstLoad?: number };
}

const RECENT_KEY = 'aiNotes.recentNotes';
const RECENT_MAX = 20;

function expandFolder(folder: string): string | undefined {
  let f = folder.trim();
  if (!f) return undefined;
  if (f === '~' || f.startsWith('~/')) f = path.join(os.homedir(), f.slice(1));
  f = f.replace(/\$\{workspaceFolder\}/g, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '');
  if (path.isAbsolute(f)) return f;
  const ws = vscode.workspace.workspaceFolders?.[0];
  return ws ? path.join(ws.uri.fsPath, f) : undefined;
}

export function configuredRoots(extensionPath: string): string[] {
  const config = readConfiguration();
  const roots: string[] = [];
  if (config.includeBundledNotes) roots.push(path.join(extensionPath, 'notes'));
  for (const f of config.notesFolders) {
    const r = expandFolder(f);
    if (r && !roots.includes(r)) roots.push(r);
  }
  return roots;
}

export function createNotesHost(context: vscode.ExtensionContext): NotesHost {
  const log = vscode.window.createOutputChannel('AI Notes', { log: true });
  context.subscriptions.push(log);
  const logger: Logger = { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) };
  const emitter = new vscode.EventEmitter<KnowledgeBaseSnapshot>();
  const rootsEmitter = new vscode.EventEmitter<readonly string[]>();
  const shownEmitter = new vscode.EventEmitter<string>();
  context.subscriptions.push(emitter, rootsEmitter, shownEmitter);

  const bundledRoot = path.resolve(context.extensionPath, 'notes');
  let roots = configuredRoots(context.extensionPath);
  const timings: { activated: number; firstLoad?: number } = { activated: Date.now() };
  // Parsed notes remembered across sessions (issue 14): a warm start reads only the files that changed.
  const noteCacheFile = path.join(context.globalStorageUri.fsPath, 'note-cache.json');
  const store = createNoteCacheStore(
    noteCacheFile,
    String(context.extension.packageJSON.version ?? '0'),
    path.join(context.extensionPath, 'dist', 'extension.js'),
    (m) => log.info(m),
  );
  // Notes are read and parsed in worker threads (issue 14), so a large folder loads without blocking the host.
  const parser = createParsePool(path.join(context.extensionPath, 'dist', 'parseWorker.js'), undefined, (m) => log.warn(m));
  context.subscriptions.push({ dispose: () => parser.dispose() });
  const newKnowledgeBase = () => createKnowledgeBase({ files: nodeNoteFiles, roots, logger, cache: store.cache, parser });
  let kb = newKnowledgeBase();
  let loaded: Promise<KnowledgeBaseSnapshot> | undefined;
  const wire = () =>
    kb.onDidLoad((s) => {
      timings.firstLoad ??= Date.now();
      store.save();
      emitter.fire(s);
    });
  let subscription = wire();
  context.subscriptions.push({ dispose: () => subscription.dispose() });

  const host: NotesHost = {
    get kb() {
      return kb;
    },
    get roots() {
      return roots;
    },
    log,
    extensionUri: context.extensionUri,
    bundledRoot,
    isBundled: (note) => path.resolve(note.root) === bundledRoot,
    onDidChange: emitter.event,
    onDidChangeRoots: rootsEmitter.event,
    onDidShowNote: shownEmitter.event,
    noteShown: (id) => shownEmitter.fire(id),
    noteCache: store.cache,
    noteCacheFile,
    timings,
    async requireNote(target) {
      await host.ready();
      const note = kb.getNote(target.id);
      if (!note) void vscode.window.showWarningMessage(vscode.l10n.t('No note with id "{0}".', target.id));
      return note;
    },
    ready() {
      loaded ??= kb.load();
      return loaded;
    },
    reload() {
      loaded = kb.load();
      return loaded;
    },
    update(paths) {
      if (!loaded) return host.ready();
      loaded = kb.update(paths);
      return loaded;
    },
    recentNotes() {
      return context.globalState.get<string[]>(RECENT_KEY, []);
    },
    markOpened(id) {
      const next = [id, ...host.recentNotes().filter((x) => x !== id)].slice(0, RECENT_MAX);
      void context.globalState.update(RECENT_KEY, next);
    },
    lang() {
      const setting = readConfiguration().displayLanguage;
      if (setting !== 'auto') return setting;
      return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
    },
  };

  context.subscriptions.push(
    onDidChangeSettings(['notesFolders', 'includeBundledNotes'], () => {
      roots = configuredRoots(context.extensionPath);
      subscription.dispose();
      kb = newKnowledgeBase();
      subscription = wire();
      rootsEmitter.fire(roots);
      void host.reload();
    }),
    onDidChangeSettings(['displayLanguage'], () => {
      if (kb.current) emitter.fire(kb.current);
    }),
  );
  return host;
}
