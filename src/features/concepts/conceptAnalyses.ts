import * as vscode from 'vscode';
import {
  analyseCodeAnySize,
  conceptMatcherOf,
  joinCodeCells,
  summariseFileConcepts,
  type CodeHit,
  type FileConceptSummary,
  type IdentifierMatcher,
  type KnowledgeBaseSnapshot,
} from '../../core';
import { DocumentTokens } from '../hover/documentTokens';
import type { NotesHost } from '../notesHost';

/** What the file view shows for a source: a Python document or a notebook's code cells. */
export interface SourceConcepts {
  summary: FileConceptSummary;
  /** The document each occurrence is in: the file itself, or the notebook cell by its index. */
  documentOf(cell: number | undefined): vscode.Uri;
  /** Milliseconds the analysis and summary took (0 when both came from the cache). */
  millis: number;
}

const PARSED = new Set(['python']);

/** Is this document read by the concepts engine (a Python file or a Python notebook cell)? */
export function isPythonDocument(document: vscode.TextDocument): boolean {
  return PARSED.has(document.languageId);
}

/**
 * The engine's analyses the concepts views share: one matcher per knowledge base, one analysis per document version
 * (the hover's DocumentTokens cache), one per notebook state, so a cursor move never parses again.
 */
export class ConceptAnalyses {
  private matcher: Promise<{ matcher: IdentifierMatcher; snapshot: KnowledgeBaseSnapshot }> | undefined;
  readonly tokens = new DocumentTokens();
  private notebookCache = new Map<string, { key: string; result: SourceConcepts }>();
  private documentCache = new Map<string, { version: number; result: SourceConcepts }>();

  constructor(private readonly host: NotesHost) {}

  reset(): void {
    this.matcher = undefined;
    this.tokens.clear();
    this.notebookCache.clear();
    this.documentCache.clear();
  }

  ready(): Promise<{ matcher: IdentifierMatcher; snapshot: KnowledgeBaseSnapshot }> {
    return (this.matcher ??= this.host.ready().then((snapshot) => ({ snapshot, matcher: conceptMatcherOf(snapshot) })));
  }

  /** The concept at a position of a Python document (a notebook cell on its own, as the hover reads it). */
  async at(document: vscode.TextDocument, position: vscode.Position): Promise<CodeHit | undefined> {
    const { matcher } = await this.ready();
    return this.tokens.analysis(document, matcher)?.at(position.line, position.character);
  }

  async ofDocument(document: vscode.TextDocument): Promise<SourceConcepts> {
    const { matcher, snapshot } = await this.ready();
    const key = document.uri.toString();
    const cached = this.documentCache.get(key);
    if (cached && cached.version === document.version) return { ...cached.result, millis: 0 };
    const t0 = performance.now();
    const analysis = this.tokens.analysis(document, matcher);
    const summary = summariseFileConcepts(analysis?.hits() ?? [], snapshot);
    const result: SourceConcepts = { summary, documentOf: () => document.uri, millis: performance.now() - t0 };
    this.documentCache.set(key, { version: document.version, result });
    if (this.documentCache.size > 20) this.documentCache.delete(this.documentCache.keys().next().value!);
    return result;
  }

  /** A notebook's Python code cells as one text, so an import in the first cell reaches the others. */
  async ofNotebook(notebook: vscode.NotebookDocument): Promise<SourceConcepts> {
    const { matcher, snapshot } = await this.ready();
    const cells = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && isPythonDocument(c.document));
    const key = cells.map((c) => `${c.index}:${c.document.version}`).join(',');
    const cached = this.notebookCache.get(notebook.uri.toString());
    if (cached && cached.key === key) return { ...cached.result, millis: 0 };
    const t0 = performance.now();
    const joined = joinCodeCells(cells.map((c) => c.document.getText()));
    const hits = analyseCodeAnySize(joined.text, matcher)
      .hits()
      .map((h) => {
        const place = joined.place(h.line);
        return { ...h, line: place.line, cell: cells[place.cell].index };
      });
    const uris = new Map(cells.map((c) => [c.index, c.document.uri]));
    const result: SourceConcepts = {
      summary: summariseFileConcepts(hits, snapshot),
      documentOf: (cell) => uris.get(cell ?? 0) ?? notebook.uri,
      millis: performance.now() - t0,
    };
    this.notebookCache.set(notebook.uri.toString(), { key, result });
    if (this.notebookCache.size > 10) this.notebookCache.delete(this.notebookCache.keys().next().value!);
    return result;
  }

  forget(document: vscode.TextDocument): void {
    this.tokens.forget(document);
    this.documentCache.delete(document.uri.toString());
  }
}
