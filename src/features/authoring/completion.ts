import * as vscode from 'vscode';
import { completionContextAt, pinyinForms, type Note } from '../../core';
import type { NotesHost } from '../notesHost';
import { isUserNoteDocument, markdownSelector } from './userNotes';

/** Filter text for a name: the name, and its pinyin (full and initials) when it is Chinese. */
function filterText(name: string): string {
  const p = pinyinForms(name);
  return p ? `${name} ${p.full} ${p.initials}` : name;
}

function noteItems(notes: Iterable<Note>, range: vscode.Range, close: string): vscode.CompletionItem[] {
  const items: vscode.CompletionItem[] = [];
  for (const note of notes) {
    if (note.error) continue;
    const names = [...new Set([note.id, note.title, note.titleEn, ...note.aliases].filter(Boolean))];
    names.forEach((name, i) => {
      const item = new vscode.CompletionItem({ label: name, description: i === 0 ? note.title : note.id }, vscode.CompletionItemKind.Reference);
      item.insertText = note.id + close;
      item.filterText = filterText(name);
      item.range = range;
      item.detail = [note.title, note.titleEn].filter(Boolean).join(' · ');
      item.documentation = note.summary || note.summaryEn || undefined;
      items.push(item);
    });
  }
  return items;
}

/** `[[` → notes by id, title, alias (pinyin too); `[[id#` → headings; `related:` → ids; `code:` → concept code names. */
export function completionProvider(host: NotesHost): vscode.CompletionItemProvider {
  return {
    async provideCompletionItems(document, position) {
      if (!isUserNoteDocument(host, document)) return undefined;
      const lines = Array.from({ length: position.line + 1 }, (_, i) => document.lineAt(i).text);
      const context = completionContextAt(lines, position.line, position.character);
      if (!context) return undefined;
      const snapshot = await host.ready();
      const range = new vscode.Range(position.line, context.start, position.line, position.character);
      const after = document.lineAt(position.line).text.slice(position.character);
      switch (context.kind) {
        case 'wikiLink':
          return noteItems(snapshot.notes.values(), range, after.startsWith(']]') ? '' : ']]');
        case 'wikiHeading': {
          const note = snapshot.notes.get(context.id);
          return (note?.headings ?? []).map((h) => {
            const item = new vscode.CompletionItem(h.text, vscode.CompletionItemKind.Reference);
            item.filterText = `${h.text} ${h.slug}`;
            item.insertText = h.text + (after.startsWith(']]') ? '' : ']]');
            item.range = range;
            return item;
          });
        }
        case 'related':
          return noteItems(snapshot.notes.values(), range, '');
        case 'code': {
          const seen = new Set<string>();
          const items: vscode.CompletionItem[] = [];
          for (const note of snapshot.notes.values()) {
            for (const code of [...note.code, ...note.facets.flatMap((f) => f.code)]) {
              if (seen.has(code)) continue;
              seen.add(code);
              const item = new vscode.CompletionItem({ label: code, description: note.id }, vscode.CompletionItemKind.Value);
              item.range = range;
              items.push(item);
            }
          }
          return items;
        }
      }
    },
  };
}

export function registerCompletion(host: NotesHost): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(markdownSelector, completionProvider(host), '[', '#', ' ', ',');
}
