import type * as vscode from 'vscode';
import { buildConceptIndex, conceptAt, createIdentifierMatcher, type IdentifierMatcher } from '../../core';
import type { NotesHost } from '../notesHost';
import { commentStyle, DocumentTokens } from './documentTokens';

/** The concept under a position of a code document, from the current knowledge base. */
export class ConceptFinder {
  private matcher: Promise<IdentifierMatcher> | undefined;
  readonly tokens = new DocumentTokens();

  constructor(private readonly host: NotesHost) {}

  /** Call when the knowledge base reloads. */
  reset(): void {
    this.matcher = undefined;
  }

  private getMatcher(): Promise<IdentifierMatcher> {
    return (this.matcher ??= this.host.ready().then((s) => createIdentifierMatcher(buildConceptIndex(s))));
  }

  async at(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken) {
    const m = await this.getMatcher();
    if (token?.isCancellationRequested) return undefined;
    return conceptAt('', position.line, position.character, m, commentStyle(document.languageId), this.tokens.of(document));
  }
}
