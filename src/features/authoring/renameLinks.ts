import * as vscode from 'vscode';
import { linkEditsForRenames, type LinkEdit, type NoteText, type PathRename } from '../../core';
import { readConfiguration, setUpdateLinksOnRename } from '../configuration';
import type { NotesHost } from '../notesHost';
import { userRootOf, userRoots } from './userNotes';

/** A rename of the Explorer (or a workspace edit) as seen before it happens: what moves, and the user's notes then. */
interface PendingRename {
  renames: PathRename[];
  /** Paths of the user's notes before the rename. */
  paths: string[];
  roots: string[];
}

/** Where a file is after the renames (the inverse of what the core is given). */
function currentPath(path: string, renames: readonly PathRename[]): string {
  for (const r of renames) {
    if (path === r.oldPath) return r.newPath;
    if (path.startsWith(`${r.oldPath}/`) || path.startsWith(`${r.oldPath}\\`)) return r.newPath + path.slice(r.oldPath.length);
  }
  return path;
}

async function readText(host: NotesHost, path: string): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => host.pathOf(d.uri) === path);
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(host.uriOf(path))).replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
}

/** The link edits of a rename; `moved` tells whether the files are already at their new paths. */
async function editsFor(host: NotesHost, pending: PendingRename, moved: boolean): Promise<LinkEdit[]> {
  const notes: NoteText[] = [];
  for (const path of pending.paths) {
    const text = await readText(host, moved ? currentPath(path, pending.renames) : path);
    const root = userRootOf(host, host.uriOf(path));
    if (text !== undefined && root) notes.push({ path, root, text });
  }
  return linkEditsForRenames({ roots: pending.roots, notes, renames: pending.renames });
}

function workspaceEdit(host: NotesHost, edits: readonly LinkEdit[], at: (path: string) => string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(host.uriOf(at(e.path)), new vscode.Range(e.line, e.character, e.line, e.endCharacter), e.newText);
  return edit;
}

/** Saves the notes the link update changed, unless they held unsaved edits of the user's before. */
async function saveChanged(host: NotesHost, paths: Iterable<string>, dirtyBefore: ReadonlySet<string>): Promise<void> {
  for (const path of paths) {
    if (dirtyBefore.has(path)) continue;
    const document = vscode.workspace.textDocuments.find((d) => host.pathOf(d.uri) === path);
    if (document?.isDirty) await document.save();
  }
}

async function askUser(edits: readonly LinkEdit[]): Promise<boolean> {
  const yes = vscode.l10n.t('Yes');
  const no = vscode.l10n.t('No');
  const always = vscode.l10n.t('Always');
  const never = vscode.l10n.t('Never');
  const notes = new Set(edits.map((e) => e.path)).size;
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Update {0} links in {1} notes?', edits.length, notes), yes, no, always, never);
  if (answer === always) await setUpdateLinksOnRename('always');
  if (answer === never) await setUpdateLinksOnRename('never');
  return answer === yes || answer === always;
}

/**
 * Renaming or moving a note (or a folder of notes) in the user's notes folders keeps the links to it: `[[id]]`,
 * `related:` and relative `.md` links, and the moved note's own relative links. With `always` the edit is part of the
 * rename (one undo); with `prompt` the rename happens at once and a notification asks whether to update the links.
 */
export function registerRenameLinks(host: NotesHost): vscode.Disposable {
  let pendingAsk: PendingRename | undefined;
  let applied: { renames: PathRename[]; paths: string[]; dirtyBefore: Set<string> } | undefined;
  /** Whether a finished rename is the one a pending entry was made for (a cancelled rename leaves its entry behind). */
  const same = (renames: readonly PathRename[], files: vscode.FileRenameEvent['files']) =>
    renames.every((r) => files.some((f) => host.pathOf(f.oldUri) === r.oldPath && host.pathOf(f.newUri) === r.newPath));

  const pendingOf = async (files: vscode.FileWillRenameEvent['files']): Promise<PendingRename | undefined> => {
    const renames = files
      .filter((f) => host.pathOf(f.oldUri) !== undefined && host.pathOf(f.newUri) !== undefined && userRootOf(host, f.oldUri) !== undefined)
      .map((f) => ({ oldPath: host.pathOf(f.oldUri)!, newPath: host.pathOf(f.newUri)! }));
    if (renames.length === 0) return undefined;
    const snapshot = await host.ready();
    const roots = userRoots(host);
    const paths = [...snapshot.notes.values()].filter((n) => !host.isBundled(n) && userRootOf(host, host.uriOf(n.path)) !== undefined).map((n) => n.path);
    for (const r of renames) if (/\.md$/i.test(r.oldPath) && !paths.includes(r.oldPath)) paths.push(r.oldPath);
    return { renames, paths, roots };
  };

  const dirtyNow = () => new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => host.pathOf(d.uri) ?? d.uri.toString()));

  return vscode.Disposable.from(
    vscode.workspace.onWillRenameFiles((event) => {
      const setting = readConfiguration().links.updateOnRename;
      if (setting === 'never') return;
      event.waitUntil(
        (async () => {
          const pending = await pendingOf(event.files);
          if (!pending) return new vscode.WorkspaceEdit();
          if (setting === 'prompt') {
            pendingAsk = pending;
            return new vscode.WorkspaceEdit();
          }
          const edits = await editsFor(host, pending, false);
          applied = { renames: pending.renames, paths: [...new Set(edits.map((e) => currentPath(e.path, pending.renames)))], dirtyBefore: dirtyNow() };
          return workspaceEdit(host, edits, (p) => p);
        })(),
      );
    }),
    vscode.workspace.onDidRenameFiles(async (event) => {
      if (applied && same(applied.renames, event.files)) {
        const { paths, dirtyBefore } = applied;
        applied = undefined;
        await saveChanged(host, paths, dirtyBefore);
        return;
      }
      applied = undefined;
      const pending = pendingAsk;
      pendingAsk = undefined;
      if (!pending || !same(pending.renames, event.files)) return;
      const edits = await editsFor(host, pending, true);
      if (edits.length === 0 || !(await askUser(edits))) return;
      // The files may have changed while the notification waited: the edits are computed again from what they hold now.
      const fresh = await editsFor(host, pending, true);
      const dirtyBefore = dirtyNow();
      await vscode.workspace.applyEdit(workspaceEdit(host, fresh, (p) => currentPath(p, pending.renames)));
      await saveChanged(host, new Set(fresh.map((e) => currentPath(e.path, pending.renames))), dirtyBefore);
    }),
  );
}
