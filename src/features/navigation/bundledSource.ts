import * as vscode from 'vscode';
import { isInsideRoot, type Note } from '../../core';
import { addNotesFolders } from '../configuration';
import type { NotesHost } from '../notesHost';

/**
 * The bundled notes live in the extension's install folder, which an update replaces: a student's edits there would
 * be lost. So their source opens as a read-only virtual document, `ai-notes-bundled:/<id>.md`, and "Copy to My Notes"
 * copies the file into the user's notes folder under the same id, where it overrides the bundled note.
 */
export const BUNDLED_SCHEME = 'ai-notes-bundled';

export function bundledSourceUri(note: Note): vscode.Uri {
  return vscode.Uri.from({ scheme: BUNDLED_SCHEME, path: `/${note.id}.md` });
}

/** The note a bundled-source URI shows (or any note argument a menu passes). */
function noteOfUri(host: NotesHost, uri: vscode.Uri): Note | undefined {
  if (uri.scheme !== BUNDLED_SCHEME) return undefined;
  return host.kb.getNote(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
}

/**
 * A read-only file system over the bundled notes folder (registered with `isReadonly`, so VS Code refuses every
 * edit and shows the editor as read-only). Only paths inside the bundled folder are served.
 */
export class BundledSourceProvider implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(private readonly host: NotesHost) {}

  private fileOf(uri: vscode.Uri): vscode.Uri {
    const root = this.host.bundledRoot;
    const file = this.host.path.join(root, `.${uri.path}`);
    if (file !== root && !isInsideRoot(file, root)) throw vscode.FileSystemError.FileNotFound(uri);
    return this.host.uriOf(file);
  }

  stat(uri: vscode.Uri): Thenable<vscode.FileStat> {
    return vscode.workspace.fs.stat(this.fileOf(uri)).then((s) => ({ ...s, permissions: vscode.FilePermission.Readonly }));
  }

  readFile(uri: vscode.Uri): Thenable<Uint8Array> {
    return vscode.workspace.fs.readFile(this.fileOf(uri));
  }

  readDirectory(uri: vscode.Uri): Thenable<[string, vscode.FileType][]> {
    return vscode.workspace.fs.readDirectory(this.fileOf(uri));
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }

  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}

/** The user's first notes folder, asking for one (and adding it to aiNotes.notesFolders) when there is none. */
async function myNotesFolder(host: NotesHost): Promise<string | undefined> {
  const mine = host.roots.find((r) => r !== host.bundledRoot);
  if (mine) return mine;
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: vscode.l10n.t('Use as My Notes Folder'),
    title: vscode.l10n.t('Choose a folder for your own notes'),
  });
  if (!picked?.[0]) return undefined;
  await addNotesFolders([host.folderSetting(picked[0])]);
  return host.pathOf(picked[0]) ?? picked[0].fsPath;
}

/**
 * Copies a bundled note into the user's notes folder (same relative path, so the same id overrides the bundled one)
 * and opens the copy. An existing copy is opened, never overwritten.
 */
export async function copyToMyNotes(host: NotesHost, note: Note): Promise<vscode.Uri | undefined> {
  const folder = await myNotesFolder(host);
  if (!folder) return undefined;
  const target = host.uriOf(host.path.join(folder, ...`${note.id}.md`.split('/')));
  let exists = true;
  try {
    await vscode.workspace.fs.stat(target);
  } catch {
    exists = false;
  }
  if (!exists) {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(target, await vscode.workspace.fs.readFile(host.uriOf(note.path)));
    await host.reload();
  }
  await vscode.window.showTextDocument(target, { preview: false });
  void vscode.window.showInformationMessage(
    exists
      ? vscode.l10n.t('You already have a copy of “{0}”: it is open for editing.', note.id)
      : vscode.l10n.t('Copied “{0}” to your notes folder. Your copy now replaces the bundled note.', note.id),
  );
  return target;
}

/** The note an editor-title or menu argument names: a bundled-source URI, or anything `toNote` understands. */
export function bundledNoteOf(host: NotesHost, arg: unknown): Note | undefined {
  if (arg instanceof vscode.Uri) return noteOfUri(host, arg);
  const active = vscode.window.activeTextEditor?.document.uri;
  return active ? noteOfUri(host, active) : undefined;
}
