import * as vscode from 'vscode';
import { displaySummary, displayTitle, otherTitle, type KnowledgeBaseSnapshot, type Note, type Topic } from '../../core';
import { readConfiguration } from '../configuration';
import { Commands, type NoteTarget } from '../commands';
import type { NotesHost } from '../notesHost';
import { Disposable } from '../util/dispose';
import { headingNodes, treeHeadings, type NoteTreeNode, type TreeScope } from './noteTreeItems';

/** The tree view's id (package.json `views`). */
export const TREE_VIEW_ID = 'aiNotes.tree';
const LOADING: NoteTreeNode = { kind: 'loading' };
const MINE: NoteTreeNode = { kind: 'mine' };

export class NoteTreeProvider extends Disposable implements vscode.TreeDataProvider<NoteTreeNode> {
  private readonly changed = this._register(new vscode.EventEmitter<NoteTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot: KnowledgeBaseSnapshot | undefined;
  /** Nodes are cached so `reveal` and `getParent` see the same objects the tree shows. */
  private noteNodes = new Map<string, NoteTreeNode>();
  private topicNodes = new Map<string, NoteTreeNode>();
  /** Notes in each scope under each topic (sub-topics included), for the counts and to hide empty topics. */
  private counts = new Map<string, number>();

  constructor(private readonly host: NotesHost) {
    super();
  }

  refresh(snapshot: KnowledgeBaseSnapshot): void {
    this.snapshot = snapshot;
    this.markLoaded();
    this.noteNodes.clear();
    this.topicNodes.clear();
    this.counts.clear();
    this.changed.fire(undefined);
  }

  /** Re-draws the rows (a setting such as the headings toggle changed) without reloading notes. */
  redraw(): void {
    this.noteNodes.clear();
    this.topicNodes.clear();
    this.changed.fire(undefined);
  }

  private scopeOf(note: Note): TreeScope {
    return this.host.isBundled(note) ? 'bundled' : 'mine';
  }

  /** Whether the tree splits into bundled topics and a "My notes" root (only when both kinds of notes are there). */
  private get split(): boolean {
    const s = this.snapshot;
    if (!s) return false;
    let bundled = false;
    let mine = false;
    for (const n of s.notes.values()) {
      if (this.host.isBundled(n)) bundled = true;
      else mine = true;
      if (bundled && mine) return true;
    }
    return false;
  }

  /** How many notes of `scope` a topic holds, sub-topics included (undefined scope: all notes). */
  count(topic: Topic, scope?: TreeScope): number {
    const key = `${scope ?? '*'}:${topic.id}`;
    let n = this.counts.get(key);
    if (n === undefined) {
      n = topic.notes.filter((x) => !scope || this.scopeOf(x) === scope).length;
      for (const t of topic.topics) n += this.count(t, scope);
      this.counts.set(key, n);
    }
    return n;
  }

  /** The children of a topic (or the root) in one scope: its sub-topics holding such notes, then its notes. */
  private topicChildren(topic: Topic, scope: TreeScope | undefined): NoteTreeNode[] {
    return [
      ...topic.topics.filter((t) => this.count(t, scope) > 0).map((t) => this.topicNode(t.id, scope)!),
      ...topic.notes.filter((n) => !scope || this.scopeOf(n) === scope).map((n) => this.noteNode(n.id)!),
    ];
  }

  noteNode(id: string): NoteTreeNode | undefined {
    const note = this.snapshot?.notes.get(id);
    if (!note) return undefined;
    let n = this.noteNodes.get(id);
    if (!n) {
      n = { kind: 'note', note };
      this.noteNodes.set(id, n);
    }
    return n;
  }

  private topicNode(id: string, scope: TreeScope | undefined): NoteTreeNode | undefined {
    const topic = this.snapshot?.topics.get(id);
    if (!topic) return undefined;
    const key = `${scope ?? '*'}:${id}`;
    let n = this.topicNodes.get(key);
    if (!n) {
      n = { kind: 'topic', topic, scope };
      this.topicNodes.set(key, n);
    }
    return n;
  }

  /** The scope a topic node filters by: none when the tree is not split. */
  private nodeScope(node: NoteTreeNode): TreeScope | undefined {
    return node.kind === 'topic' ? node.scope : undefined;
  }

  private loading: Promise<void> | undefined;

  /**
   * Until the notes are in, the tree shows one "Loading notes…" row (and the view's progress bar) at once instead of
   * an empty view: the welcome text ("No notes were found") is only for a load that finished and found nothing.
   */
  private startLoading(): void {
    if (this.loading) return;
    this.loading = Promise.resolve(
      vscode.window.withProgress({ location: { viewId: TREE_VIEW_ID } }, async () => {
        try {
          this.refresh(await this.host.ready());
        } catch (e) {
          this.host.log.error(`loading notes failed: ${(e as Error).message}`);
          this.failed = true;
          this.markLoaded();
          this.changed.fire(undefined);
        }
      }),
    );
  }
  private failed = false;

  /** The welcome text ("No notes were found") is shown only once a load has finished (package.json `when`). */
  private markLoaded(): void {
    void vscode.commands.executeCommand('setContext', 'aiNotes.notesLoaded', true);
  }

  async getChildren(element?: NoteTreeNode): Promise<NoteTreeNode[]> {
    if (!element) {
      this.snapshot = this.snapshot ?? this.host.kb.current;
      if (!this.snapshot) {
        if (this.failed) return [];
        this.startLoading();
        return [LOADING];
      }
      const root = this.snapshot.root;
      this.host.timings.treePopulated ??= Date.now();
      // The user's own notes get their own root, "My notes", when the bundled ones are there too.
      return this.split ? [MINE, ...this.topicChildren(root, 'bundled')] : this.topicChildren(root, undefined);
    }
    switch (element.kind) {
      case 'mine':
        return this.snapshot ? this.topicChildren(this.snapshot.root, 'mine') : [];
      case 'topic':
        return this.topicChildren(element.topic, this.nodeScope(element));
      case 'note':
        return this.showHeadings(element.note) ? headingNodes(element.note) : [];
      case 'heading':
        return headingNodes(element.note, element.heading);
      case 'loading':
        return [];
    }
  }

  private showHeadings(note: Note): boolean {
    return readConfiguration().tree.showHeadings && treeHeadings(note).length > 0;
  }

  getParent(element: NoteTreeNode): NoteTreeNode | undefined {
    const split = this.split;
    if (element.kind === 'note') {
      const scope = split ? this.scopeOf(element.note) : undefined;
      if (element.note.topicId) return this.topicNode(element.note.topicId, scope);
      return scope === 'mine' ? MINE : undefined;
    }
    if (element.kind === 'topic') {
      const id = element.topic.id;
      const scope = this.nodeScope(element);
      if (id.includes('/')) return this.topicNode(id.slice(0, id.lastIndexOf('/')), scope);
      return scope === 'mine' ? MINE : undefined;
    }
    if (element.kind === 'loading' || element.kind === 'mine') return undefined;
    return this.noteNode(element.note.id);
  }

  getTreeItem(element: NoteTreeNode): vscode.TreeItem {
    const lang = this.host.lang();
    switch (element.kind) {
      case 'mine': {
        const item = new vscode.TreeItem(vscode.l10n.t('My notes'), vscode.TreeItemCollapsibleState.Expanded);
        item.id = 'mine';
        const n = this.snapshot ? this.count(this.snapshot.root, 'mine') : 0;
        item.description = String(n);
        item.iconPath = new vscode.ThemeIcon('account');
        item.contextValue = 'aiNotes.mine';
        item.tooltip = vscode.l10n.t('Your own notes, from the folders in aiNotes.notesFolders ({0} notes)', n);
        return item;
      }
      case 'topic': {
        const t = element.topic;
        const scope = this.nodeScope(element);
        const item = new vscode.TreeItem(displayTitle(t, lang), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `topic:${scope ?? '*'}:${t.id}`;
        const count = this.count(t, scope);
        const other = otherTitle(t, lang);
        // The count first: a long title truncates the description, and the count is what a glance needs.
        item.description = other ? `${count} · ${other}` : String(count);
        item.iconPath = new vscode.ThemeIcon('folder-library');
        item.contextValue = 'aiNotes.topic';
        const summary = displaySummary(t, lang);
        item.tooltip = new vscode.MarkdownString(`**${displayTitle(t, lang)}**${summary ? `\n\n${summary}` : ''}`);
        return item;
      }
      case 'note': {
        const n = element.note;
        const item = new vscode.TreeItem(
          displayTitle(n, lang),
          this.showHeadings(n) ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `note:${n.id}`;
        item.resourceUri = this.host.uriOf(n.path);
        const bundled = this.host.isBundled(n);
        item.description = n.error ? vscode.l10n.t('cannot be shown') : otherTitle(n, lang);
        item.iconPath = new vscode.ThemeIcon(n.error ? 'warning' : 'note');
        // Menus tell the user's notes (editable, revealable in the Explorer) from the bundled ones.
        item.contextValue = bundled ? 'aiNotes.note.bundled' : 'aiNotes.note.mine';
        const tooltip = new vscode.MarkdownString();
        tooltip.appendMarkdown(`**${escape(displayTitle(n, lang))}**`);
        const other = otherTitle(n, lang);
        if (other) tooltip.appendMarkdown(` · ${escape(other)}`);
        const summary = n.error ?? displaySummary(n, lang);
        if (summary) tooltip.appendMarkdown(`\n\n${escape(summary)}`);
        item.tooltip = tooltip;
        const target: NoteTarget = { id: n.id };
        item.command = { command: Commands.openNote, title: vscode.l10n.t('Open Note'), arguments: [target] };
        return item;
      }
      case 'heading': {
        const { note, heading } = element;
        const item = new vscode.TreeItem(
          heading.text,
          element.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `heading:${note.id}#${heading.slug}`;
        item.iconPath = new vscode.ThemeIcon('symbol-string');
        item.contextValue = 'aiNotes.heading';
        item.tooltip = `${displayTitle(note, lang)} › ${heading.text}`;
        const target: NoteTarget = { id: note.id, heading: heading.slug, line: heading.line };
        item.command = { command: Commands.openNote, title: vscode.l10n.t('Open Note'), arguments: [target] };
        return item;
      }
      case 'loading': {
        const item = new vscode.TreeItem(vscode.l10n.t('Loading notes…'), vscode.TreeItemCollapsibleState.None);
        item.id = 'loading';
        item.iconPath = new vscode.ThemeIcon('loading~spin');
        return item;
      }
    }
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
