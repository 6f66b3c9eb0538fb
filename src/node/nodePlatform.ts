import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TexToSvg } from '../core';
import type { Platform } from '../features/platform';
import { nodeNoteFiles } from './nodeNoteFiles';
import { createNoteCacheStore } from './noteCacheStore';
import { createParsePool } from './parsePool';

/** The platform of the Node extension host (desktop, Codespaces, code-server): files through node:fs, paths as file paths. */
export function nodePlatform(): Platform {
  let tex: TexToSvg | undefined;
  return {
    kind: 'node',
    files: nodeNoteFiles,
    path: {
      join: path.join,
      dirname: path.dirname,
      basename: path.basename,
      relative: (from, to) => path.relative(from, to).split(path.sep).join('/'),
    },
    uriOf: (p) => vscode.Uri.file(p),
    pathOf: (uri) => (uri.scheme === 'file' ? uri.fsPath : undefined),
    resolveFolder(folder) {
      let f = folder.trim();
      if (!f) return undefined;
      if (f === '~' || f.startsWith('~/')) f = path.join(os.homedir(), f.slice(1));
      f = f.replace(/\$\{workspaceFolder\}/g, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '');
      if (path.isAbsolute(f)) return path.resolve(f);
      const ws = vscode.workspace.workspaceFolders?.[0];
      return ws ? path.join(ws.uri.fsPath, f) : undefined;
    },
    folderSetting: (uri) => uri.fsPath,
    noteCacheStore(context, log) {
      const file = path.join(context.globalStorageUri.fsPath, 'note-cache.json');
      const store = createNoteCacheStore(file, String(context.extension.packageJSON.version ?? '0'), path.join(context.extensionPath, 'dist', 'extension.js'), log);
      return { ...store, location: file };
    },
    // The parse worker's bundle sits next to extension.js (dist/parseWorker.js).
    noteParser: (context, log) => createParsePool(path.join(context.extensionPath, 'dist', 'parseWorker.js'), undefined, log),
    // MathJax lives in its own bundle next to extension.js (dist/texToSvg.js).
    async loadTexToSvg() {
      tex ??= (require(path.join(__dirname, 'texToSvg.js')) as { createTexToSvg(): TexToSvg }).createTexToSvg();
      return tex;
    },
  };
}
