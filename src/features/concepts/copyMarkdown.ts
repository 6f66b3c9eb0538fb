import * as vscode from 'vscode';
import { fileConceptsMarkdown } from '../../core';
import type { NotesHost } from '../notesHost';
import { writeClipboard } from '../preview/clipboard';
import type { FileConceptsProvider } from './fileConceptsProvider';

/** A note's link in the outline: relative to the workspace when the note lives in it, else its file URI. */
function noteHref(host: NotesHost, noteId: string): string {
  const note = host.kb.current?.notes.get(noteId);
  if (!note) return noteId;
  const uri = host.uriOf(note.path);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const base = folder && host.pathOf(folder.uri);
  if (base !== undefined) return host.path.relative(base, note.path).split('/').map(encodeURIComponent).join('/');
  return uri.toString();
}

/** "Copy as Markdown": the file's concepts as an outline with links to their notes, for a README or a review. */
export async function copyFileConcepts(host: NotesHost, provider: FileConceptsProvider): Promise<string | undefined> {
  const state = provider.current;
  if (state.kind !== 'concepts') {
    void vscode.window.showInformationMessage(provider.message() ?? vscode.l10n.t('Open a Python file or notebook to see the ML concepts it uses.'));
    return undefined;
  }
  const markdown = fileConceptsMarkdown(state.source.summary, { lang: host.lang(), fileName: state.label, link: (id) => noteHref(host, id) });
  if (await writeClipboard(markdown)) void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the concepts of {0} as Markdown.', state.label), 3000);
  else void vscode.window.showWarningMessage(vscode.l10n.t('Could not write to the clipboard; focus the window and try again.'));
  return markdown;
}
