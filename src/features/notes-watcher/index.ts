import * as vscode from 'vscode';
import type { NotesHost } from '../notesHost';

/** Reloads the knowledge base (debounced) when Markdown files under a notes folder change. */
export function activateNotesWatcher(context: vscode.ExtensionContext, host: NotesHost): void {
  let watchers: vscode.FileSystemWatcher[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void host.reload(), 300);
  };
  const watch = () => {
    for (const w of watchers) w.dispose();
    watchers = host.roots.map((root) => {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(host.uriOf(root), '**/*.md'));
      w.onDidChange(schedule);
      w.onDidCreate(schedule);
      w.onDidDelete(schedule);
      return w;
    });
  };
  watch();
  context.subscriptions.push(
    host.onDidChangeRoots(watch),
    { dispose: () => { for (const w of watchers) w.dispose(); if (timer) clearTimeout(timer); } },
  );
}
