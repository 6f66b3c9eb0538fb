import * as vscode from 'vscode';
import { freeFileName, newNoteText, newTopicText, nextOrder, noteSlug } from '../../core';
import { addNotesFolders } from '../configuration';
import type { NotesHost } from '../notesHost';
import { userRoots } from './userNotes';

/** What the command may be given instead of asking (tests, other commands). */
export interface NewNoteArgs {
  title?: string;
  /** Folder under the user's first notes folder ('' for its top level); created when missing. */
  topic?: string;
  code?: string[];
}

/** The user's first notes folder; without one, offers to choose a folder and adds it to `aiNotes.notesFolders`. */
async function firstUserRoot(host: NotesHost): Promise<string | undefined> {
  const existing = userRoots(host)[0];
  if (existing) return existing;
  const choose = vscode.l10n.t('Choose a Folder…');
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Your own notes need a notes folder. Choose one?'), choose);
  if (answer !== choose) return undefined;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Use as Notes Folder') });
  if (!picked?.[0]) return undefined;
  await addNotesFolders([host.folderSetting(picked[0])]);
  await host.reload();
  return userRoots(host)[0] ?? host.pathOf(picked[0]) ?? picked[0].fsPath;
}

async function pickTopic(host: NotesHost, root: string): Promise<string | undefined> {
  const folders: string[] = [];
  const walk = async (rel: string, depth: number) => {
    if (depth > 4) return;
    for (const [name, type] of await vscode.workspace.fs.readDirectory(host.uriOf(host.path.join(root, rel)))) {
      if (type !== vscode.FileType.Directory || name.startsWith('.') || name.startsWith('_') || name === 'node_modules') continue;
      const child = rel ? `${rel}/${name}` : name;
      folders.push(child);
      await walk(child, depth + 1);
    }
  };
  await walk('', 0);
  const newTopic = vscode.l10n.t('New topic…');
  const items: vscode.QuickPickItem[] = [
    ...folders.sort().map((f) => ({ label: f })),
    { label: vscode.l10n.t('(top level)'), description: root },
    { label: newTopic, alwaysShow: true },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Topic (folder) of the new note') });
  if (!picked) return undefined;
  if (picked.label === newTopic) {
    const name = await vscode.window.showInputBox({ prompt: vscode.l10n.t('Name of the new topic') });
    return name?.trim() ? name.trim() : undefined;
  }
  return picked.description === root ? '' : picked.label;
}

/** "AI Notes: New Note…": a note file with complete front matter in the user's notes, opened for writing. */
export async function newNote(host: NotesHost, args: NewNoteArgs = {}): Promise<vscode.Uri | undefined> {
  const root = await firstUserRoot(host);
  if (!root) return undefined;
  const title = args.title ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('Title of the new note (Chinese or English)') }));
  if (!title?.trim()) return undefined;
  const topic = args.topic ?? (await pickTopic(host, root));
  if (topic === undefined) return undefined;
  // A typed topic name becomes a folder name the way a title becomes a file name.
  const folderRel = topic.split('/').map((seg) => (/^[a-z0-9-]+$/.test(seg) ? seg : noteSlug(seg) || seg)).filter(Boolean).join('/');
  const folder = host.uriOf(host.path.join(root, folderRel));
  let taken: [string, vscode.FileType][] = [];
  let isNewTopic = false;
  try {
    taken = await vscode.workspace.fs.readDirectory(folder);
  } catch {
    isNewTopic = true;
    await vscode.workspace.fs.createDirectory(folder);
    if (folderRel) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '_index.md'), new TextEncoder().encode(newTopicText(topic.split('/').pop()!)));
  }
  const snapshot = await host.ready();
  const siblings = [...snapshot.notes.values()].filter((n) => n.root === root && n.topicId === folderRel);
  const file = vscode.Uri.joinPath(folder, freeFileName(noteSlug(title), new Set(taken.map(([n]) => n))));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(newNoteText({ title, order: nextOrder(siblings.map((n) => n.order)), code: args.code })));
  // The new note alone (a new topic's _index.md makes this a full reload).
  const written = [...(folderRel && isNewTopic ? [vscode.Uri.joinPath(folder, '_index.md')] : []), file].map((u) => host.pathOf(u) ?? u.toString());
  await host.update(written);
  const editor = await vscode.window.showTextDocument(file);
  const end = editor.document.lineCount - 1;
  editor.selection = new vscode.Selection(end, 0, end, 0);
  return file;
}
