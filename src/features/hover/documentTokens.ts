import type * as vscode from 'vscode';
import { analyseCodeAnySize, findIdentifiers, type CodeAnalysis, type CommentStyle, type IdentifierMatcher, type IdentifierOccurrence } from '../../core';

const C_LIKE = new Set(['javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'c', 'cpp', 'cuda-cpp', 'java', 'rust', 'go', 'swift', 'kotlin', 'scala', 'csharp']);
const PARSED = new Set(['python', 'jupyter']);

/** The comment and string syntax a hover language uses. */
export function commentStyle(languageId: string): CommentStyle {
  return C_LIKE.has(languageId) ? 'c' : 'python';
}

const MAX_CACHED = 20;

type DocumentAnalysis = Pick<CodeAnalysis, 'at' | 'hits'>;

/**
 * Per document version: Python's parsed analysis (the hover engine), other languages' identifier occurrences.
 * Moving the mouse over one file parses it once; an edit makes a new version and the next hover parses again.
 */
export class DocumentTokens {
  private readonly cache = new Map<string, { version: number; occurrences?: IdentifierOccurrence[]; analysis?: DocumentAnalysis; matcher?: IdentifierMatcher }>();

  private entry(document: vscode.TextDocument) {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit;
    if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
    const fresh = { version: document.version };
    this.cache.set(key, fresh);
    return fresh as { version: number; occurrences?: IdentifierOccurrence[]; analysis?: DocumentAnalysis; matcher?: IdentifierMatcher };
  }

  of(document: vscode.TextDocument): IdentifierOccurrence[] {
    const e = this.entry(document);
    return (e.occurrences ??= findIdentifiers(document.getText(), commentStyle(document.languageId)));
  }

  /** The engine's analysis of a Python document, or undefined for languages read lexically. */
  analysis(document: vscode.TextDocument, matcher: IdentifierMatcher): DocumentAnalysis | undefined {
    if (!PARSED.has(document.languageId)) return undefined;
    const e = this.entry(document);
    if (!e.analysis || e.matcher !== matcher) {
      e.analysis = analyseCodeAnySize(document.getText(), matcher);
      e.matcher = matcher;
    }
    return e.analysis;
  }

  forget(document: vscode.TextDocument): void {
    this.cache.delete(document.uri.toString());
  }

  clear(): void {
    this.cache.clear();
  }
}
