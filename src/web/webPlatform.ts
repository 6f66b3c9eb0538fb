import * as vscode from 'vscode';
import type { Platform } from '../features/platform';
import { posixPath } from '../shared/posixPath';
import { webNoteCacheStore } from './webNoteCacheStore';
import { webNoteFiles } from './webNoteFiles';
import { loadWebTexToSvg } from './webTexLoader';
import { resolveWebFolder, URI_STRING, webFolderSetting } from './webFolders';

/** Schemes of documents that are never notes (virtual documents, cells, output). */
const NOT_NOTES = new Set(['ai-notes-bundled', 'untitled', 'vscode-notebook-cell', 'output', 'vscode-userdata']);

/** A URI as the core's path: `scheme://authority/path`, the path not percent-encoded (so `#`, `%` stay themselves). */
export function uriString(uri: vscode.Uri): string {
  return `${uri.scheme}://${uri.authority}${uri.path}`;
}

/** The platform of the browser's web worker extension host (vscode.dev, github.dev, code-server's web host). */
export function webPlatform(context: vscode.ExtensionContext): Platform {
  const uriOf = (p: string): vscode.Uri => {
    const m = URI_STRING.exec(p);
    return m ? vscode.Uri.from({ scheme: m[1], authority: m[2], path: m[3] || '/' }) : vscode.Uri.parse(p);
  };
  let tex: ReturnType<Platform['loadTexToSvg']> | undefined;
  return {
    kind: 'web',
    files: webNoteFiles(vscode.workspace.fs, uriOf),
    path: posixPath,
    uriOf,
    pathOf: (uri) => (NOT_NOTES.has(uri.scheme) ? undefined : uriString(uri)),
    resolveFolder(folder) {
      const ws = vscode.workspace.workspaceFolders?.[0];
      const root = resolveWebFolder(folder, ws && uriString(ws.uri));
      if (root !== 'home') return root;
      // No home folder in a browser: `~` paths are desktop-only (the setting's description says so, and so does this).
      void vscode.window.showWarningMessage(
        vscode.l10n.t('AI Notes: the notes folder “{0}” is in your home folder, which a browser cannot read. Use a folder relative to the workspace.', folder),
      );
      return undefined;
    },
    folderSetting(uri) {
      // Inside the (first) workspace folder, which resolveFolder reads relative paths against: relative to it.
      const ws = vscode.workspace.workspaceFolders?.[0];
      return webFolderSetting(uriString(uri), ws && uriString(ws.uri));
    },
    noteCacheStore(ctx, log) {
      return webNoteCacheStore(
        vscode.Uri.joinPath(ctx.globalStorageUri, 'note-cache.json'),
        String(ctx.extension.packageJSON.version ?? '0'),
        vscode.Uri.joinPath(ctx.extensionUri, 'dist', 'web', 'extension.js'),
        log,
      );
    },
    loadTexToSvg() {
      tex ??= loadWebTexToSvg(context.extensionUri);
      tex.catch(() => (tex = undefined));
      return tex;
    },
  };
}
