import * as vscode from 'vscode';
import { addCodeName, displayTitle } from '../../core';
import type { NotesHost } from '../notesHost';
import { newNote } from './newNote';
import { userNotes } from './userNotes';

/** What the command may be given instead of asking (tests). */
export interface AddToMyNotesArgs {
  /** The code name; default: the selection or the identifier at the cursor. */
  name?: string;
  /** Id of the user note to add it to; default: asks. */
  noteId?: string;
}

/** The selection, or the dotted identifier at the cursor (`F.kl_div`, `pad_to_multiple_of`). */
function nameInEditor(editor: vscode.TextEditor | undefined): string | undefined {
  if (!editor) return undefined;
  const { document, selection } = editor;
  if (!selection.isEmpty) return document.getText(selection).trim() || undefined;
  const range = document.getWordRangeAtPosition(selection.active, /[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)*/);
  return range ? document.getText(range) : undefined;
}

/** "AI Notes: Add to My Notes": puts a code name into `code:` of a user note (or a new one), so hovers explain it. */
export async function addToMyNotes(host: NotesHost, args: AddToMyNotesArgs = {}): Promise<vscode.Uri | undefined> {
  const name = args.name ?? nameInEditor(vscode.window.activeTextEditor);
  if (!name || /[\s,[\]{}]/.test(name)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Put the cursor on an identifier or select a code name first.'));
    return undefined;
  }
  const snapshot = await host.ready();
  const mine = userNotes(host, snapshot.notes.values());
  let noteId = args.noteId;
  if (noteId === undefined) {
    const create = vscode.l10n.t('New note…');
    const items: vscode.QuickPickItem[] = [
      { label: `$(new-file) ${create}`, alwaysShow: true },
      ...mine.map((n) => ({ label: displayTitle(n, host.lang()), description: n.id })),
    ];
    const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Add “{0}” to which of your notes?', name) });
    if (!picked) return undefined;
    if (!picked.description) return newNote(host, { code: [name] });
    noteId = picked.description;
  }
  const note = mine.find((n) => n.id === noteId);
  if (!note) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No note with id "{0}".', noteId));
    return undefined;
  }
  const uri = host.uriOf(note.path);
  const document = await vscode.workspace.openTextDocument(uri);
  const next = addCodeName(document.getText(), name);
  if (next === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('“{0}” is already in {1}.', name, note.id));
    return uri;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), next);
  await vscode.workspace.applyEdit(edit);
  await document.save();
  await host.update([host.pathOf(uri) ?? uri.toString()]);
  return uri;
}
