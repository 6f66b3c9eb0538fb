import * as vscode from 'vscode';
import * as path from 'node:path';
import { buildConceptIndex, conceptAt, createIdentifierMatcher, findIdentifiers, type CommentStyle, type IdentifierMatcher, type IdentifierOccurrence, type TexToSvg } from '../../core';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { conceptHoverMarkdown } from './conceptHover';

const C_LIKE = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'c', 'cpp', 'cuda-cpp', 'java', 'rust', 'go', 'swift', 'kotlin', 'scala', 'csharp']);

function commentStyle(languageId: string): CommentStyle {
  return C_LIKE.has(languageId) ? 'c' : 'python';
}

/** Concept hovers in ML code and "Explain Word at Cursor". */
export function activateHover(context: vscode.ExtensionContext, host: NotesHost): void {
  let matcher: Promise<IdentifierMatcher> | undefined;
  const getMatcher = () => (matcher ??= host.ready().then((s) => createIdentifierMatcher(buildConceptIndex(s))));
  // MathJax lives in its own bundle next to extension.js; it is loaded on the first hover that shows a formula.
  let texInstance: TexToSvg | undefined;
  const tex: TexToSvg = {
    render(source, color) {
      if (!texInstance) {
        const mod = require(path.join(__dirname, 'texToSvg.js')) as { createTexToSvg(): TexToSvg };
        texInstance = mod.createTexToSvg();
      }
      return texInstance.render(source, color);
    },
  };
  context.subscriptions.push(host.onDidChange((s) => (matcher = Promise.resolve(createIdentifierMatcher(buildConceptIndex(s))))));

  // Tokenising is per document version, not per hover: moving the mouse over one file reuses it.
  const tokenised = new Map<string, { version: number; occurrences: IdentifierOccurrence[] }>();
  const occurrencesOf = (document: vscode.TextDocument): IdentifierOccurrence[] => {
    const key = document.uri.toString();
    const hit = tokenised.get(key);
    if (hit && hit.version === document.version) return hit.occurrences;
    const occurrences = findIdentifiers(document.getText(), commentStyle(document.languageId));
    if (tokenised.size > 20) tokenised.clear();
    tokenised.set(key, { version: document.version, occurrences });
    return occurrences;
  };
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => tokenised.delete(d.uri.toString())));

  const find = async (document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken) => {
    const m = await getMatcher();
    if (token?.isCancellationRequested) return undefined;
    const style = commentStyle(document.languageId);
    return conceptAt('', position.line, position.character, m, style, occurrencesOf(document));
  };

  const provider: vscode.HoverProvider = {
    async provideHover(document, position, token) {
      if (!vscode.workspace.getConfiguration('aiNotes.hover', document).get<boolean>('enabled', true)) return undefined;
      try {
        const hit = await find(document, position, token);
        if (!hit || token.isCancellationRequested) return undefined;
        const range = new vscode.Range(hit.line, hit.start, hit.line, hit.end);
        return new vscode.Hover(conceptHoverMarkdown(hit.match.concept, host.lang(), tex, hit.chain), range);
      } catch (e) {
        host.log.error(`hover failed: ${(e as Error).message}`);
        return undefined;
      }
    },
  };

  let registration: vscode.Disposable | undefined;
  const register = () => {
    registration?.dispose();
    const languages = vscode.workspace.getConfiguration('aiNotes.hover').get<string[]>('languages', ['python']);
    const selector = [...new Set(['python', ...languages])].map((language) => ({ language }));
    registration = vscode.languages.registerHoverProvider(selector, provider);
  };
  register();
  context.subscriptions.push(
    { dispose: () => registration?.dispose() },
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('aiNotes.hover.languages')) register();
    }),
    vscode.commands.registerCommand(Commands.explainAtCursor, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a code file and put the cursor on an identifier first.'));
        return;
      }
      const position = editor.selection.active;
      const hit = await find(editor.document, position);
      if (!hit) {
        const word = editor.document.getText(editor.document.getWordRangeAtPosition(position)) || '';
        void vscode.window.showInformationMessage(
          word
            ? vscode.l10n.t('No ML concept in the notes matches "{0}".', word)
            : vscode.l10n.t('The cursor is not on an identifier.'),
        );
        return;
      }
      await vscode.commands.executeCommand(Commands.openNote, { id: hit.match.concept.id });
    }),
  );
}
