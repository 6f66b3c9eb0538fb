import * as vscode from 'vscode';
import type { ConceptUse, ConceptUsesResult, FileUses } from '../../core';
import { Commands } from '../commands';
import type { OccurrenceTarget } from './fileConceptsItems';

export const WHERE_USED_VIEW_ID = 'aiNotes.whereUsed';
/** Context key: the view shows only once a search was run. */
export const HAS_WHERE_USED = 'aiNotes.hasWhereUsed';

export type WhereUsedNode = { kind: 'file'; file: FileUses; uri: vscode.Uri } | { kind: 'use'; use: ConceptUse; uri: vscode.Uri; parent: WhereUsedNode };

/** What the view shows: nothing yet, a search under way, or a search's result. */
export type WhereUsedState =
  | { kind: 'idle' }
  | { kind: 'searching'; noteId: string; title: string; scanned: number; total: number }
  | { kind: 'done'; noteId: string; title: string; result: ConceptUsesResult; millis: number; truncatedList: boolean; maxFiles: number };

/** "Where Used": the files that use a concept, each use below its file with the line as written, as Search shows. */
export class WhereUsedProvider implements vscode.TreeDataProvider<WhereUsedNode> {
  private readonly changed = new vscode.EventEmitter<WhereUsedNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly updated = new vscode.EventEmitter<WhereUsedState>();
  /** Fires after every state change (tests and the view's message read it). */
  readonly onDidUpdate = this.updated.event;
  private roots: WhereUsedNode[] = [];
  private _state: WhereUsedState = { kind: 'idle' };

  constructor(private readonly uriOf: (file: string) => vscode.Uri) {}

  get state(): WhereUsedState {
    return this._state;
  }

  set(state: WhereUsedState): void {
    this._state = state;
    if (state.kind !== 'searching') {
      this.roots = state.kind === 'done' ? state.result.files.map((file) => ({ kind: 'file' as const, file, uri: this.uriOf(file.file) })) : [];
      this.changed.fire(undefined);
    }
    this.updated.fire(state);
  }

  /** The view's message line: the concept, what was found, and why the search stopped early if it did. */
  message(): string {
    const s = this._state;
    if (s.kind === 'idle') return '';
    if (s.kind === 'searching') return vscode.l10n.t('Searching for {0}… {1} of {2} files', s.title, s.scanned, s.total);
    const uses = s.result.files.reduce((n, f) => n + f.uses.length, 0);
    const seconds = (s.millis / 1000).toFixed(1);
    const parts = [
      uses
        ? vscode.l10n.t('{0}: {1} uses in {2} files ({3} files searched in {4} s).', s.title, uses, s.result.files.length, s.result.scanned, seconds)
        : vscode.l10n.t('{0}: no uses in {1} Python files and notebooks ({2} s).', s.title, s.result.scanned, seconds),
    ];
    if (s.result.stopped === 'cancelled') parts.push(vscode.l10n.t('Cancelled: the files after these were not searched.'));
    else if (s.result.stopped === 'time') parts.push(vscode.l10n.t('Stopped at the time limit (aiNotes.whereUsed.maxSeconds): {0} of {1} files searched.', s.result.scanned, s.result.total));
    else if (s.result.stopped === 'files' || s.truncatedList) parts.push(vscode.l10n.t('Stopped at the file limit (aiNotes.whereUsed.maxFiles = {0}): the workspace has more.', s.maxFiles));
    if (s.result.problems.length) parts.push(vscode.l10n.t('{0} files not read (see the AI Notes output).', s.result.problems.length));
    return parts.join(' ');
  }

  getChildren(node?: WhereUsedNode): WhereUsedNode[] {
    if (!node) return this.roots;
    if (node.kind === 'file') return node.file.uses.map((use) => ({ kind: 'use' as const, use, uri: node.uri, parent: node }));
    return [];
  }

  getParent(node: WhereUsedNode): WhereUsedNode | undefined {
    return node.kind === 'use' ? node.parent : undefined;
  }

  getTreeItem(node: WhereUsedNode): vscode.TreeItem {
    if (node.kind === 'file') {
      const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Expanded);
      // The folder inside the workspace ('' at its root), then the count, as the Search view shows a file.
      const relative = vscode.workspace.asRelativePath(node.uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      const folder = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/')) : '';
      item.description = folder ? `${folder} · ${node.file.uses.length}` : String(node.file.uses.length);
      item.contextValue = 'aiNotes.whereUsedFile';
      return item;
    }
    const u = node.use;
    // The line as written, the identifier highlighted, as the Search view shows a match.
    const width = u.endColumn - u.column;
    const label: vscode.TreeItemLabel = { label: u.preview || u.identifier, highlights: u.preview ? [[u.previewColumn, u.previewColumn + width]] : [] };
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.description = u.cell !== undefined ? vscode.l10n.t('cell {0}, line {1}', u.cell + 1, u.line + 1) : vscode.l10n.t('line {0}', u.line + 1);
    const target: OccurrenceTarget = { uri: node.uri.toString(), line: u.line, start: u.column, end: u.endColumn, ...(u.cell !== undefined ? { cell: u.cell } : {}) };
    item.command = { command: Commands.revealOccurrence, title: vscode.l10n.t('Show'), arguments: [target] };
    item.tooltip = `${vscode.workspace.asRelativePath(node.uri)}:${u.line + 1} — ${u.identifier}`;
    item.contextValue = 'aiNotes.whereUsedUse';
    return item;
  }

  dispose(): void {
    this.changed.dispose();
    this.updated.dispose();
  }
}
