import * as vscode from 'vscode';
import { displaySummary, displayTitle, otherTitle, type KnowledgeBaseSnapshot } from '../../core';
import { Commands, type NoteTarget } from '../commands';
import type { NotesHost } from '../notesHost';
import { Disposable } from '../util/dispose';
import { headingNodes, type NoteTreeNode } from './noteTreeItems';

/** The tree view's id (package.json `views`). */
export const TREE_VIEW_ID = 'aiNotes.tree';
const LOADING: NoteTreeNode = { kind: 'loading' };

export class NoteTreeProvider extends Disposable implements vscode.TreeDataProvider<NoteTreeNode> {
  private readonly changed = this._register(new vscode.EventEmitter<NoteTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private snapshot: KnowledgeBaseSnapshot | undefined;
  /** Nodes are cached so `reveal` and `getParent` see the same objects the tree shows. */
  private noteNodes = new Map<string, NoteTreeNode>();
  private topicNodes = new Map<string, NoteTreeNode>();

  constructor(private readonly host: NotesHost) {
    super();
  }

  refresh(snapshot: KnowledgeBaseSnapshot): void {
    this.snapshot = snapshot;
    this.markLoaded();
    this.noteNodes.clear();
    this.topicNodes.clear();
    this.changed.fire(undefined);
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

  private topicNode(id: string): NoteTreeNode | undefined {
    const topic = this.snapshot?.topics.get(id);
    if (!topic) return undefined;
    let n = this.topicNodes.get(id);
    if (!n) {
      n = { kind: 'topic', topic };
      this.topicNodes.set(id, n);
    }
    return n;
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
      return [
        ...root.topics.map((t) => this.topicNode(t.id)!),
        ...root.notes.map((n) => this.noteNode(n.id)!),
      ];
    }
    switch (element.kind) {
      case 'topic':
        return [
          ...element.topic.topics.map((t) => this.topicNode(t.id)!),
          ...element.topic.notes.map((n) => this.noteNode(n.id)!),
        ];
      case 'note':
        return element.note.headings.length ? headingNodes(element.note) : [];
      case 'heading':
        return headingNodes(element.note, element.heading);
      case 'loading':
        return [];
    }
  }

  getParent(element: NoteTreeNode): NoteTreeNode | undefined {
    if (element.kind === 'note') return element.note.topicId ? this.topicNode(element.note.topicId) : undefined;
    if (element.kind === 'topic') {
      const id = element.topic.id;
      return id.includes('/') ? this.topicNode(id.slice(0, id.lastIndexOf('/'))) : undefined;
    }
    if (element.kind === 'loading') return undefined;
    return this.noteNode(element.note.id);
  }

  getTreeItem(element: NoteTreeNode): vscode.TreeItem {
    const lang = this.host.lang();
    switch (element.kind) {
      case 'topic': {
        const t = element.topic;
        const item = new vscode.TreeItem(displayTitle(t, lang), vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `topic:${t.id}`;
        item.description = otherTitle(t, lang);
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
          n.headings.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `note:${n.id}`;
        item.resourceUri = vscode.Uri.file(n.path);
        item.description = n.error ? vscode.l10n.t('cannot be shown') : otherTitle(n, lang);
        item.iconPath = new vscode.ThemeIcon(n.error ? 'warning' : 'note');
        item.contextValue = 'aiNotes.note';
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
