import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { ConceptFinder } from './conceptFinder';

/** "Explain Word at Cursor": opens the note of the concept under the cursor, or says why there is none. */
export async function explainAtCursor(finder: ConceptFinder): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a code file and put the cursor on an identifier first.'));
    return;
  }
  const position = editor.selection.active;
  const hit = await finder.at(editor.document, position);
  if (!hit) {
    const word = editor.document.getText(editor.document.getWordRangeAtPosition(position)) || '';
    void vscode.window.showInformationMessage(
      word ? vscode.l10n.t('No ML concept in the notes matches "{0}".', word) : vscode.l10n.t('The cursor is not on an identifier.'),
    );
    return;
  }
  await vscode.commands.executeCommand(Commands.openNote, { id: hit.match.concept.id });
}
