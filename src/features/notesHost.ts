import * as vscode from 'vscode';
import { createKnowledgeBase, type KnowledgeBase, type KnowledgeBaseSnapshot, type Lang, type Logger, type Note, type NoteCache, type TexToSvg } from '../core';
import type { NoteTarget } from './commands';
import { onDidChangeSettings, readConfiguration } from './configuration';
import type { HostKind, PathHelpers, Platform } from './platform';

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
  /**
   * `Date.now()` at activation, when the first load finished and when the tree first showed notes (the integration
   * and e2e tiers report the differences); how long the first concept hover with a formula took, SVG included.
   */
  readonly timings: { activated: number; loadStarted?: number; firstLoad?: number; treePopulated?: number; firstHoverMs?: number; firstHoverStages?: string };
  /** Which extension host this is: 'node' or 'web' (the browser's web worker). */
  readonly hostKind: HostKind;
  /** A note's or root's path (as the core holds it) as a URI, and a URI as such a path (undefined: not a note's kind). */
  uriOf(path: string): vscode.Uri;
  pathOf(uri: vscode.Uri): string | undefined;
  /** Path operations over those paths (node:path in Node, `/` paths in the browser). */
  readonly path: PathHelpers;
  /** How a folder the user picked is written into `aiNotes.notesFolders`. */
  folderSetting(uri: vscode.Uri): string;
  /** MathJax TeX → SVG, loaded on first use. */
  texToSvg(): Promise<TexToSvg>;
}

const RECENT_KEY = 'aiNotes.recentNotes';
const RECENT_MAX = 20;

export function configuredRoots(platform: Platform, bundledRoot: string): string[] {
  const config = readConfiguration();
  const roots: string[] = [];
  if (config.includeBundledNotes) roots.push(bundledRoot);
  for (const f of config.notesFolders) {
    const r = platform.resolveFolder(f);
    if (r && !roots.includes(r)) roots.push(r);
  }
  return roots;
}

export function createNotesHost(context: vscode.ExtensionContext, platform: Platform): NotesHost {
  const log = vscode.window.createOutputChannel('AI Notes', { log: true });
  context.subscriptions.push(log);
  const logger: Logger = { info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) };
  const emitter = new vscode.EventEmitter<KnowledgeBaseSnapshot>();
  const rootsEmitter = new vscode.EventEmitter<readonly string[]>();
  const shownEmitter = new vscode.EventEmitter<string>();
  context.subscriptions.push(emitter, rootsEmitter, shownEmitter);

  const bundledRoot = platform.path.join(platform.pathOf(context.extensionUri) ?? context.extensionPath, 'notes');
  let roots = configuredRoots(platform, bundledRoot);
  const timings: NotesHost['timings'] = { activated: Date.now() };
  // Parsed notes remembered across sessions (issue 14): a warm start reads only the files that changed.
  const store = platform.noteCacheStore(context, (m) => log.info(m));
  const noteCacheFile = store.location;
  // Where the host has worker threads, notes are read and parsed there (issue 14): a large folder loads without
  // blocking the extension host.
  const parser = platform.noteParser?.(context, (m) => log.warn(m));
  if (parser) context.subscriptions.push(parser);
  const newKnowledgeBase = () => createKnowledgeBase({ files: platform.files, roots, logger, cache: store.cache, parser });
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
    isBundled: (note) => note.root === bundledRoot,
    hostKind: platform.kind,
    uriOf: (p) => platform.uriOf(p),
    pathOf: (uri) => platform.pathOf(uri),
    path: platform.path,
    texToSvg: () => platform.loadTexToSvg(),
    folderSetting: (uri) => platform.folderSetting(uri),
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
      timings.loadStarted ??= Date.now();
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
      roots = configuredRoots(platform, bundledRoot);
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
