import * as vscode from 'vscode';
import { displaySummary, displayTitle, type FileConceptSummary } from '../../core';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { Disposable } from '../util/dispose';
import { isPythonDocument, type ConceptAnalyses, type SourceConcepts } from './conceptAnalyses';
import type { FileConceptsNode, OccurrenceTarget } from './fileConceptsItems';

/** The views' ids (package.json `views`): one in the AI Notes container, one in the Explorer. */
export const FILE_CONCEPTS_VIEW_ID = 'aiNotes.fileConcepts';
export const FILE_CONCEPTS_EXPLORER_VIEW_ID = 'aiNotes.fileConceptsExplorer';
const DEBOUNCE_MS = 300;

/** What the view is showing: a source's concepts, or why there are none. */
export type FileConceptsState =
  | { kind: 'concepts'; label: string; source: SourceConcepts; documentUri: string }
  | { kind: 'message'; message: string };

/**
 * "Concepts in this File": the active Python editor's or notebook's concepts by topic, each concept's occurrences
 * below it. Follows the active editor and its edits (debounced), from the engine's cached analysis.
 */
export class FileConceptsProvider extends Disposable implements vscode.TreeDataProvider<FileConceptsNode> {
  private readonly changed = this._register(new vscode.EventEmitter<FileConceptsNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stateChanged = this._register(new vscode.EventEmitter<FileConceptsState>());
  /** Fires after every update (tests and the views' messages read it). */
  readonly onDidUpdate = this.stateChanged.event;
  private state: FileConceptsState = { kind: 'message', message: '' };
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private roots: FileConceptsNode[] = [];

  constructor(
    private readonly host: NotesHost,
    private readonly analyses: ConceptAnalyses,
  ) {
    super();
    this._register(vscode.window.onDidChangeActiveTextEditor(() => this.schedule(0)));
    this._register(vscode.window.onDidChangeActiveNotebookEditor(() => this.schedule(0)));
    this._register(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isShown(e.document)) this.schedule(DEBOUNCE_MS);
      }),
    );
    this._register(
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (this.state.kind === 'concepts' && this.state.documentUri === e.notebook.uri.toString()) this.schedule(DEBOUNCE_MS);
      }),
    );
    this._register({ dispose: () => clearTimeout(this.timer) });
    this.schedule(0);
  }

  get current(): FileConceptsState {
    return this.state;
  }

  /** Recomputes now (after the knowledge base changed) and resolves when the view has the result. */
  refresh(): Promise<FileConceptsState> {
    clearTimeout(this.timer);
    return this.update();
  }

  private isShown(document: vscode.TextDocument): boolean {
    if (this.state.kind !== 'concepts') return document === vscode.window.activeTextEditor?.document;
    if (this.state.documentUri === document.uri.toString()) return true;
    return document.uri.scheme === 'vscode-notebook-cell' && document.uri.path === vscode.Uri.parse(this.state.documentUri).path;
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), ms);
  }

  private async update(): Promise<FileConceptsState> {
    const generation = ++this.generation;
    let next: FileConceptsState;
    try {
      next = await this.compute();
    } catch (e) {
      this.host.log.error(`concepts in this file failed: ${(e as Error).message}`);
      next = { kind: 'message', message: vscode.l10n.t('The concepts of this file could not be read; see Output › AI Notes.') };
    }
    if (generation !== this.generation) return this.state; // a newer update is on its way
    this.state = next;
    this.roots = [];
    this.changed.fire(undefined);
    this.stateChanged.fire(next);
    return next;
  }

  private async compute(): Promise<FileConceptsState> {
    const notebookEditor = vscode.window.activeNotebookEditor;
    const editor = vscode.window.activeTextEditor;
    const notebook =
      notebookEditor && (!editor || editor.document.uri.scheme === 'vscode-notebook-cell') ? notebookEditor.notebook : undefined;
    if (notebook) {
      const hasPython = notebook.getCells().some((c) => c.kind === vscode.NotebookCellKind.Code && isPythonDocument(c.document));
      if (!hasPython) return { kind: 'message', message: vscode.l10n.t('This notebook has no Python code cells: AI Notes reads concepts in Python.') };
      return this.withConcepts(baseName(notebook.uri), notebook.uri.toString(), await this.analyses.ofNotebook(notebook));
    }
    if (!editor) return { kind: 'message', message: vscode.l10n.t('Open a Python file or notebook to see the ML concepts it uses.') };
    const document = editor.document;
    if (!isPythonDocument(document)) {
      return { kind: 'message', message: vscode.l10n.t('AI Notes reads concepts in Python files and notebooks; this file is {0}.', document.languageId) };
    }
    return this.withConcepts(baseName(document.uri), document.uri.toString(), await this.analyses.ofDocument(document));
  }

  private withConcepts(label: string, documentUri: string, source: SourceConcepts): FileConceptsState {
    if (source.summary.conceptCount === 0) return { kind: 'message', message: vscode.l10n.t('No ML concepts from the notes were found in {0}.', label) };
    return { kind: 'concepts', label, source, documentUri };
  }

  /** The view's message: the reason there is nothing to list, else a one-line count. */
  message(): string | undefined {
    if (this.state.kind === 'message') return this.state.message || undefined;
    const s = this.state.source.summary;
    return vscode.l10n.t('{0}: {1} concepts, {2} occurrences', this.state.label, s.conceptCount, s.occurrenceCount);
  }

  summary(): FileConceptSummary | undefined {
    return this.state.kind === 'concepts' ? this.state.source.summary : undefined;
  }

  getChildren(node?: FileConceptsNode): FileConceptsNode[] {
    if (this.state.kind !== 'concepts') return [];
    if (!node) {
      if (!this.roots.length) this.roots = this.state.source.summary.topics.map((topic) => ({ kind: 'topic', topic }));
      return this.roots;
    }
    if (node.kind === 'topic') return node.topic.concepts.map((concept) => ({ kind: 'concept', id: concept.noteId, concept, parent: node }));
    if (node.kind === 'concept') return node.concept.occurrences.map((occurrence) => ({ kind: 'occurrence', occurrence, concept: node.concept, parent: node }));
    return [];
  }

  getParent(node: FileConceptsNode): FileConceptsNode | undefined {
    return node.kind === 'topic' ? undefined : node.parent;
  }

  getTreeItem(node: FileConceptsNode): vscode.TreeItem {
    const lang = this.host.lang();
    if (node.kind === 'topic') {
      const item = new vscode.TreeItem(displayTitle(node.topic, lang), vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.topic.count);
      item.contextValue = 'aiNotes.fileConceptTopic';
      item.iconPath = new vscode.ThemeIcon('folder-library');
      return item;
    }
    if (node.kind === 'concept') {
      const item = new vscode.TreeItem(displayTitle(node.concept, lang), vscode.TreeItemCollapsibleState.Collapsed);
      item.description = String(node.concept.count);
      item.contextValue = 'aiNotes.fileConcept';
      item.iconPath = new vscode.ThemeIcon('lightbulb');
      const note = this.host.kb.current?.notes.get(node.concept.noteId);
      item.tooltip = note ? `${displayTitle(note, lang)}\n${displaySummary(note, lang)}` : node.concept.noteId;
      return item;
    }
    const o = node.occurrence;
    const label =
      o.cell !== undefined
        ? vscode.l10n.t('cell {0}, line {1} · {2}', o.cell + 1, o.line + 1, o.identifier)
        : vscode.l10n.t('line {0} · {1}', o.line + 1, o.identifier);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.contextValue = 'aiNotes.fileConceptOccurrence';
    const target = this.targetOf(node);
    if (target) item.command = { command: Commands.revealOccurrence, title: vscode.l10n.t('Reveal in Editor'), arguments: [target] };
    return item;
  }

  /** The document position of an occurrence row. */
  targetOf(node: FileConceptsNode): OccurrenceTarget | undefined {
    if (node.kind !== 'occurrence' || this.state.kind !== 'concepts') return undefined;
    const o = node.occurrence;
    return { uri: this.state.source.documentOf(o.cell).toString(), line: o.line, start: o.column, end: o.endColumn };
  }
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
