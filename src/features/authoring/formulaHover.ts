import * as vscode from 'vscode';
import { formulaAt } from '../../core';
import { formulaColor } from '../hover/conceptHover';
import { codeBlockMarkdown, svgImageMarkdown } from '../hover/hoverMarkdown';
import { texForHover } from '../hover/texLoader';
import type { NotesHost } from '../notesHost';
import { isUserNoteDocument, markdownSelector } from './userNotes';

/** In the user's notes, hovering `formula:` or a `$…$` / `$$…$$` formula shows it rendered (or why it cannot be). */
export function registerFormulaHover(host: NotesHost): vscode.Disposable {
  return vscode.languages.registerHoverProvider(markdownSelector, {
    async provideHover(document, position) {
      if (!isUserNoteDocument(host, document)) return undefined;
      const from = Math.max(0, position.line - 60);
      const to = Math.min(document.lineCount - 1, position.line + 60);
      const lines = Array.from({ length: to - from + 1 }, (_, i) => document.lineAt(from + i).text);
      const f = formulaAt(lines, position.line - from, position.character);
      if (!f) return undefined;
      const rendered = (await texForHover(host)).render(f.tex, formulaColor(vscode.window.activeColorTheme.kind));
      const md = new vscode.MarkdownString(undefined, false);
      md.isTrusted = false;
      md.appendMarkdown('svg' in rendered ? svgImageMarkdown(rendered.svg, f.tex) : `${codeBlockMarkdown(f.tex, 'latex')}\n\n`);
      if ('error' in rendered) md.appendText(rendered.error);
      return new vscode.Hover(md, new vscode.Range(from + f.startLine, f.startCharacter, from + f.endLine, f.endCharacter));
    },
  });
}
