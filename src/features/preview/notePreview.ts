import * as vscode from 'vscode';
import { isInsideRoot, type Lang } from '../../core';
import { Disposable } from '../util/dispose';
import { Commands, type NoteTarget } from '../commands';
import type { NotesHost } from '../notesHost';
import { LIMITS, parseWebviewMessage, type HostMessage, type NoteView, type ScrollPosition, type ScrollTarget, type WebviewMessage } from '../../shared/previewProtocol';
import { buildNoteView, missingNoteView, showMessage } from './noteView';
import { previewLabels, previewShell } from './shell';
import { writeClipboard } from './clipboard';

export const PREVIEW_VIEW_TYPE = 'aiNotes.preview';
const MAX_HISTORY = 100;

interface HistoryEntry {
  id: string;
  /** Last reading position the webview reported for this entry. */
  position: ScrollPosition;
}

/** What the webview may load: our bundle and CSS, and the notes folders (for images). */
export function previewResourceRoots(host: NotesHost): vscode.Uri[] {
  return [
    vscode.Uri.joinPath(host.extensionUri, 'dist', 'webview'),
    vscode.Uri.joinPath(host.extensionUri, 'media'),
    ...host.roots.map((r) => host.uriOf(r)),
  ];
}

export function previewWebviewOptions(host: NotesHost): vscode.WebviewOptions {
  return { enableScripts: true, enableCommandUris: false, localResourceRoots: previewResourceRoots(host) };
}

/**
 * One preview panel: a webview showing one note at a time, with back/forward history. The host renders;
 * the webview only displays and reports clicks and scrolling, through the typed messages in messages.ts.
 */
export class NotePreview extends Disposable {
  private history: HistoryEntry[] = [];
  private index = -1;
  /** Whether the webview has loaded and said `ready` since it was last (re)created. */
  private webviewReady = false;
  private scroll: ScrollTarget = { kind: 'top' };
  /** The last `show`, sent again whenever the page (re)loads. */
  private pending: HostMessage | undefined;
  private rootsKey: string;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.onDisposeEmitter.event;
  /** The display language of the page's chrome; a change reloads the page. */
  private shellLang: Lang;
  /** When the panel was last focused, to pick the one to reuse. */
  lastActive = Date.now();

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly host: NotesHost,
  ) {
    super();
    this.rootsKey = host.roots.join('\n');
    panel.webview.options = previewWebviewOptions(host);
    this.shellLang = host.lang();
    panel.webview.html = this.shellHtml();
    for (const d of [
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m) => this.receive(m)),
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.active) this.lastActive = Date.now();
        // Without retainContextWhenHidden the page is dropped when hidden and reloads (then says `ready`).
        if (!e.webviewPanel.visible) this.webviewReady = false;
      }),
    ]) this._register(d);
  }

  get currentId(): string | undefined {
    return this.history[this.index]?.id;
  }

  get canGoBack(): boolean {
    return this.index > 0;
  }

  get canGoForward(): boolean {
    return this.index < this.history.length - 1;
  }

  /** Shows a note, as a new history entry unless it is the one already shown. */
  show(target: NoteTarget, scroll?: ScrollTarget): void {
    const scrollTarget: ScrollTarget = scroll ??
      (target.heading ? { kind: 'heading', slug: target.heading } : target.line !== undefined ? { kind: 'line', line: target.line, ...(target.highlight ? { highlight: target.highlight } : {}) } : { kind: 'top' });
    if (this.currentId !== target.id) {
      this.history = this.history.slice(0, this.index + 1);
      const position = scrollTarget.kind === 'offset' ? { top: scrollTarget.top, line: scrollTarget.line, delta: scrollTarget.delta } : { top: 0 };
      this.history.push({ id: target.id, position });
      if (this.history.length > MAX_HISTORY) this.history.shift();
      this.index = this.history.length - 1;
      this.render(scrollTarget);
    } else if (scrollTarget.kind === 'top' && !scroll) {
      // Opening the note already shown (e.g. clicking it again in the tree) keeps the reader's place.
      this.render({ kind: 'keep' });
    } else {
      this.render(scrollTarget);
    }
  }

  back(): void {
    if (!this.canGoBack) return;
    this.index--;
    this.render({ kind: 'offset', ...this.history[this.index].position });
  }

  forward(): void {
    if (!this.canGoForward) return;
    this.index++;
    this.render({ kind: 'offset', ...this.history[this.index].position });
  }

  /** Re-renders the note shown (the knowledge base reloaded), keeping the scroll position. */
  refresh(): void {
    const key = this.host.roots.join('\n');
    if (key !== this.rootsKey) {
      // New notes folders: images there must become loadable (this reloads the page, which says `ready`).
      this.rootsKey = key;
      this.webviewReady = false;
      this.panel.webview.options = previewWebviewOptions(this.host);
    }
    if (this.host.lang() !== this.shellLang) {
      // The display language changed: the page's own words (On this page, Related notes…) follow it.
      this.shellLang = this.host.lang();
      this.webviewReady = false;
      this.panel.webview.html = this.shellHtml();
    }
    if (this.currentId !== undefined) this.render({ kind: 'keep' });
  }

  private shellHtml(): string {
    return previewShell(this.panel.webview, this.host.extensionUri, previewLabels(this.shellLang), this.shellLang === 'zh' ? 'zh-CN' : 'en');
  }

  private render(scroll: ScrollTarget): void {
    const entry = this.history[this.index];
    if (!entry || this.isDisposed) return;
    if (scroll.kind !== 'keep') this.scroll = scroll;
    else if (this.webviewReady) this.scroll = { kind: 'offset', ...entry.position };
    // else the page has not shown this entry yet (it is loading): keep aiming where we were going.
    if (this.panel.active || this.panel.visible) this.host.noteShown(entry.id);
    const note = this.host.kb.getNote(entry.id);
    const webview = this.panel.webview;
    const roots = this.host.roots;
    const cannotShow = vscode.l10n.t('This note could not be shown in the preview. Open the source to read it.');
    let view: NoteView;
    try {
      view = note
        ? buildNoteView(note, {
            snapshot: this.host.kb.current,
            lang: this.host.lang(),
            imageUrl: (p) => (roots.some((r) => isInsideRoot(p, r)) ? webview.asWebviewUri(this.host.uriOf(p)).toString() : undefined),
          })
        : missingNoteView(entry.id, vscode.l10n.t('No note with id "{0}".', entry.id));
    } catch (e) {
      this.host.log.error(`preview: ${entry.id} could not be rendered: ${(e as Error).stack ?? e}`);
      view = missingNoteView(entry.id, cannotShow);
    }
    this.panel.title = view.title;
    this.pending = showMessage(view, { canGoBack: this.canGoBack, canGoForward: this.canGoForward }, scroll, (v) => {
      this.host.log.warn(`preview: ${entry.id} is not sendable to the webview (${v.html.length} characters of HTML)`);
      return v.html.length > LIMITS.html
        ? vscode.l10n.t('This note is too large for the preview ({0} MB of HTML). Open the source to read it.', (v.html.length / 1048576).toFixed(0))
        : cannotShow;
    });
    if (this.webviewReady) void this.post(this.pending);
  }

  private post(message: HostMessage): Thenable<boolean> {
    return this.panel.webview.postMessage(message).then(
      (delivered) => {
        if (!delivered) this.host.log.warn(`preview: the webview did not take a "${message.type}" message`);
        return delivered;
      },
      (e: unknown) => {
        this.host.log.error(`preview: posting a "${message.type}" message failed: ${(e as Error).message ?? e}`);
        return false;
      },
    );
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.host.log.warn(`preview: ignored a malformed message from the webview: ${JSON.stringify(raw)?.slice(0, 200)}`);
      return;
    }
    void this.handle(message).catch((e) => this.host.log.error(`preview: ${(e as Error).stack ?? e}`));
  }

  private async handle(m: WebviewMessage): Promise<void> {
    const current = this.currentId;
    switch (m.type) {
      case 'ready':
        this.webviewReady = true;
        if (this.pending?.type === 'show') {
          // After a reload of the page, come back to where the reader was.
          await this.post({ ...this.pending, scroll: this.scroll });
        }
        return;
      case 'scroll': {
        const entry = this.history[this.index];
        if (entry && entry.id === m.id) {
          entry.position = { top: m.top, line: m.line, delta: m.delta };
          this.scroll = { kind: 'offset', ...entry.position };
        }
        return;
      }
      case 'openNote':
        if (!this.host.kb.getNote(m.id)) {
          void vscode.window.showWarningMessage(vscode.l10n.t('No note with id "{0}".', m.id));
          return;
        }
        this.host.markOpened(m.id);
        if (m.side) await vscode.commands.executeCommand(Commands.openNote, { id: m.id, heading: m.heading, side: true });
        else this.show({ id: m.id, heading: m.heading });
        return;
      case 'openExternal': {
        const uri = vscode.Uri.parse(m.url, true);
        if (uri.scheme === 'http' || uri.scheme === 'https') await vscode.env.openExternal(uri);
        return;
      }
      case 'back':
        this.back();
        return;
      case 'forward':
        this.forward();
        return;
      case 'openSource':
        if (current) await vscode.commands.executeCommand(Commands.openSource, { id: current, line: m.line });
        return;
      case 'revealInTree':
        if (current) await vscode.commands.executeCommand(Commands.revealInTree, { id: current });
        return;
      case 'findWhereUsed':
        if (current) await vscode.commands.executeCommand(Commands.findWhereUsed, { id: current });
        return;
      case 'copyLink':
        if (current) {
          const link = await vscode.commands.executeCommand<string | undefined>(Commands.copyLink, { id: current, heading: m.heading });
          if (link) await this.post({ type: 'notice', text: `${previewLabels(this.host.lang()).linkCopied} ${link}` });
        }
        return;
      case 'copyText':
        if (await writeClipboard(m.text)) await this.post({ type: 'notice', text: previewLabels(this.host.lang()).linkCopied });
        return;
    }
  }

  override dispose(): void {
    if (this.isDisposed) return;
    super.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    this.panel.dispose();
  }
}
