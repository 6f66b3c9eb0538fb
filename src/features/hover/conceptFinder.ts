import type * as vscode from 'vscode';
import { conceptAt, conceptMatcherOf, type CodeHit, type IdentifierMatcher, type ScannedConcept } from '../../core';
import type { NotesHost } from '../notesHost';
import { commentStyle, DocumentTokens } from './documentTokens';

/** The concept under a position of a code document, from the current knowledge base. */
export class ConceptFinder {
  private matcher: Promise<IdentifierMatcher> | undefined;
  readonly tokens = new DocumentTokens();

  constructor(private readonly host: NotesHost) {}

  /** Call when the knowledge base reloads: every document's analysis used the old notes. */
  reset(): void {
    this.matcher = undefined;
    this.tokens.clear();
  }

  private getMatcher(): Promise<IdentifierMatcher> {
    return (this.matcher ??= this.host.ready().then((s) => conceptMatcherOf(s)));
  }

  async at(document: vscode.TextDocument, position: vscode.Position, token?: vscode.CancellationToken): Promise<CodeHit | ScannedConcept | undefined> {
    const m = await this.getMatcher();
    if (token?.isCancellationRequested) return undefined;
    // Python and notebook cells: the parsed engine, one analysis per document version.
    const analysis = this.tokens.analysis(document, m);
    if (analysis) return analysis.at(position.line, position.character);
    return conceptAt('', position.line, position.character, m, commentStyle(document.languageId), this.tokens.of(document));
  }
}
