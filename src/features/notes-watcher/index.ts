import * as vscode from 'vscode';
import type { NotesHost } from '../notesHost';

/** File events are gathered this long after the last one, so a burst (a `git checkout`) is one update. */
const DEBOUNCE_MS = 300;
/** More changed files than this are read by a full reload (it reads them in parallel, in workers). */
const MAX_UPDATE_FILES = 200;

/**
 * Keeps the knowledge base in step with Markdown files under the notes folders: the files an event names are re-read
 * alone (one edited note updates that note); a burst of many, or a change to something other than a file (a folder
 * renamed or deleted fires one event for the folder), reloads everything.
 */
export function activateNotesWatcher(context: vscode.ExtensionContext, host: NotesHost): void {
  let watchers: vscode.FileSystemWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let paths = new Set<string>();
  let full = false;
  const flush = () => {
    timer = undefined;
    const batch = [...paths];
    const reloadAll = full || batch.length > MAX_UPDATE_FILES;
    paths = new Set();
    full = false;
    void (reloadAll ? host.reload() : host.update(batch)).catch((e) => host.log.error(`notes not updated: ${(e as Error).message}`));
  };
  const schedule = (uri: vscode.Uri) => {
    const path = host.pathOf(uri);
    if (path === undefined || !path.toLowerCase().endsWith('.md')) full = true;
    else paths.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, DEBOUNCE_MS);
  };
  const watch = () => {
    for (const w of watchers) w.dispose();
    watchers = host.roots.flatMap((root) => {
      const base = host.uriOf(root);
      // Notes, and folders created, renamed or deleted (one event for the folder, none for its notes): those reload.
      const notes = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, '**/*.md'));
      notes.onDidChange(schedule);
      notes.onDidCreate(schedule);
      notes.onDidDelete(schedule);
      // A name without an extension is taken for a folder (an image or a PDF added beside the notes is not).
      const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(base, '**/*'), false, true, false);
      const onFolder = (u: vscode.Uri) => {
        if (!/\.[^/\\]+$/.test(u.path.slice(u.path.lastIndexOf('/') + 1))) schedule(u);
      };
      folders.onDidCreate(onFolder);
      folders.onDidDelete(onFolder);
      return [notes, folders];
    });
  };
  watch();
  context.subscriptions.push(
    host.onDidChangeRoots(watch),
    { dispose: () => { for (const w of watchers) w.dispose(); if (timer) clearTimeout(timer); } },
  );
}
