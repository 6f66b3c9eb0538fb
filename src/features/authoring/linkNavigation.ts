import * as vscode from 'vscode';
import { displaySummary, displayTitle, linkAt, otherTitle, slugify, type KnowledgeBaseSnapshot, type Note } from '../../core';
import type { NotesHost } from '../notesHost';
import { isUserNoteDocument, markdownSelector } from './userNotes';

/** The note a Markdown document is (by path), for resolving its relative links. */
function noteOfDocument(host: NotesHost, snapshot: KnowledgeBaseSnapshot, document: vscode.TextDocument): Note | undefined {
  for (const n of snapshot.notes.values()) if (n.path === host.pathOf(document.uri)) return n;
  return undefined;
}

async function targetAt(host: NotesHost, document: vscode.TextDocument, position: vscode.Position) {
  if (!isUserNoteDocument(host, document)) return undefined;
  const snapshot = await host.ready();
  const from = noteOfDocument(host, snapshot, document)?.id ?? '';
  const link = linkAt(document.lineAt(position.line).text, position.character, from);
  const note = link ? snapshot.notes.get(link.id) : undefined;
  if (!link || !note) return undefined;
  const heading = link.heading
    ? note.headings.find((h) => h.text === link.heading || h.slug === link.heading || h.slug === slugify(link.heading!))
    : undefined;
  return { link, note, heading, range: new vscode.Range(position.line, link.start, position.line, link.end) };
}

/**
 * In the user's notes: Go to Definition on a `[[link]]` or a relative `.md` link opens the target (at its heading),
 * and hovering one shows the target's titles and summary.
 */
export function registerLinkNavigation(host: NotesHost): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDefinitionProvider(markdownSelector, {
      async provideDefinition(document, position) {
        const t = await targetAt(host, document, position);
        if (!t) return undefined;
        const line = t.heading?.line ?? 0;
        return [{ originSelectionRange: t.range, targetUri: host.uriOf(t.note.path), targetRange: new vscode.Range(line, 0, line, 0) }];
      },
    }),
    vscode.languages.registerHoverProvider(markdownSelector, {
      async provideHover(document, position) {
        const t = await targetAt(host, document, position);
        if (!t) return undefined;
        const lang = host.lang();
        // The note's text goes in as plain text: a note cannot put links or commands into the hover.
        const md = new vscode.MarkdownString();
        md.isTrusted = false;
        md.appendText(displayTitle(t.note, lang));
        const other = otherTitle(t.note, lang);
        if (other) md.appendText(` · ${other}`);
        if (t.heading) md.appendText(` › ${t.heading.text}`);
        const summary = displaySummary(t.note, lang);
        if (summary) {
          md.appendMarkdown('\n\n');
          md.appendText(summary);
        }
        md.appendMarkdown('\n\n');
        md.appendText(t.note.id);
        return new vscode.Hover(md, t.range);
      },
    }),
  );
}
