import type * as vscode from 'vscode';
import type { NoteCache, NoteFiles, NoteParser, TexToSvg } from '../core';

/** Which extension host the extension runs in: Node (desktop, Codespaces, code-server) or a browser's web worker. */
export type HostKind = 'node' | 'web';

/** The few path operations features need, over the paths the core holds (see Platform.uriOf). */
export interface PathHelpers {
  join(...parts: string[]): string;
  dirname(p: string): string;
  basename(p: string): string;
  /** `to` relative to `from`, with `/` separators. */
  relative(from: string, to: string): string;
}

/** Parsed notes kept across sessions, where the host can keep them. */
export interface NoteCacheStore {
  readonly cache: Promise<NoteCache>;
  /** Writes the cache a moment after a load (a burst of loads writes once). */
  save(): void;
  /** Where it is kept, for messages and tests ('' when nowhere). */
  readonly location: string;
}

/**
 * What differs between the Node extension host and the browser's web worker host. `src/extension.ts` and
 * `src/extension.web.ts` each build one and pass it to the shared activate; features reach it through NotesHost.
 *
 * Notes are named by strings (the core's `Note.path`, `Note.root`): an absolute file path in Node, a URI string
 * `scheme://authority/path` (path not percent-encoded) in the browser. `uriOf` and `pathOf` convert at the edge.
 */
export interface Platform {
  readonly kind: HostKind;
  readonly files: NoteFiles;
  readonly path: PathHelpers;
  /** The path of a file the core reads, as a URI VS Code opens. */
  uriOf(path: string): vscode.Uri;
  /** The core's path for a URI, or undefined when the URI is not of a kind notes are read from. */
  pathOf(uri: vscode.Uri): string | undefined;
  /** A folder of `aiNotes.notesFolders` (absolute, `~/`, `${workspaceFolder}` or workspace-relative) as a root. */
  resolveFolder(folder: string): string | undefined;
  /** How a folder the user picked is written into `aiNotes.notesFolders` (workspace-relative in the browser). */
  folderSetting(uri: vscode.Uri): string;
  /** The note cache store for this host. */
  noteCacheStore(context: vscode.ExtensionContext, log: (message: string) => void): NoteCacheStore;
  /** Note parsing off the extension host's thread (worker threads in Node); absent where there is none. */
  noteParser?(context: vscode.ExtensionContext, log: (message: string) => void): NoteParser & { dispose(): void };
  /** MathJax TeX → SVG, loaded on first use (it is 1.6 MB: never at activation). */
  loadTexToSvg(): Promise<TexToSvg>;
}
