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
    if (!word) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is not on an identifier.'));
      return;
    }
    // A way on: the same word in Look Up (names, typos, meanings) or in the notes' full text.
    const lookUp = vscode.l10n.t('Look Up');
    const search = vscode.l10n.t('Search Notes');
    const choice = await vscode.window.showInformationMessage(vscode.l10n.t('No ML concept in the notes matches "{0}".', word), lookUp, search);
    if (choice === lookUp) await vscode.commands.executeCommand(Commands.lookup, word);
    else if (choice === search) await vscode.commands.executeCommand(Commands.searchNotes, word);
    return;
  }
  await vscode.commands.executeCommand(Commands.openNote, { id: hit.match.concept.id, fromCode: true });
}
