import type * as vscode from 'vscode';
import { findIdentifiers, type CommentStyle, type IdentifierOccurrence } from '../../core';

const C_LIKE = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'c', 'cpp', 'cuda-cpp', 'java', 'rust', 'go', 'swift', 'kotlin', 'scala', 'csharp']);

/** The comment and string syntax a hover language uses. */
export function commentStyle(languageId: string): CommentStyle {
  return C_LIKE.has(languageId) ? 'c' : 'python';
}

/** Identifier occurrences per document version: moving the mouse over one file tokenises it once. */
export class DocumentTokens {
  private readonly cache = new Map<string, { version: number; occurrences: IdentifierOccurrence[] }>();

  of(document: vscode.TextDocument): IdentifierOccurrence[] {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.occurrences;
    const occurrences = findIdentifiers(document.getText(), commentStyle(document.languageId));
    if (this.cache.size > 20) this.cache.clear();
    this.cache.set(key, { version: document.version, occurrences });
    return occurrences;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }
}
