import * as vscode from 'vscode';
import { conceptCard, escapeHtml, slugify, type ConceptCard } from '../../core';
import { isHelpFromWebview, type HelpToWebview } from '../../shared/conceptHelpProtocol';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { contentSecurityPolicy, makeNonce } from '../preview/csp';
import { Disposable } from '../util/dispose';
import { isPythonDocument, type ConceptAnalyses } from './conceptAnalyses';

export const CONCEPT_HELP_VIEW_ID = 'aiNotes.conceptHelp';
const CURSOR_DEBOUNCE_MS = 80;

/**
 * "Concept Help": the card of the concept under the cursor, as it moves, from the cached analysis. Quiet: a cursor
 * on anything else keeps the last card; Pin keeps the card whatever the cursor does.
 */
export class ConceptHelpView extends Disposable implements vscode.WebviewViewProvider {
  private view: vscode.WebviewView | undefined;
  private card: ConceptCard | undefined;
  private pinned = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly cardChanged = this._register(new vscode.EventEmitter<ConceptCard | undefined>());
  /** Fires when the card changes (tests wait on it). */
  readonly onDidChangeCard = this.cardChanged.event;

  constructor(
    private readonly host: NotesHost,
    private readonly analyses: ConceptAnalyses,
  ) {
    super();
    this._register(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.schedule(e.textEditor);
      }),
    );
    this._register(vscode.window.onDidChangeActiveTextEditor((e) => e && this.schedule(e)));
    this._register({ dispose: () => clearTimeout(this.timer) });
    if (vscode.window.activeTextEditor) this.schedule(vscode.window.activeTextEditor);
  }

  get current(): ConceptCard | undefined {
    return this.card;
  }

  get isPinned(): boolean {
    return this.pinned;
  }

  setPinned(pinned: boolean): void {
    this.pinned = pinned;
    this.post();
  }

  /** After a knowledge-base reload: the card's text may have changed. */
  refresh(): void {
    this.card = undefined;
    this.post();
    if (vscode.window.activeTextEditor) this.schedule(vscode.window.activeTextEditor);
  }

  private schedule(editor: vscode.TextEditor): void {
    if (this.pinned || !isPythonDocument(editor.document)) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(editor), CURSOR_DEBOUNCE_MS);
  }

  /** Reads the concept at the editor's cursor now; resolves with the card shown afterwards. */
  async update(editor: vscode.TextEditor): Promise<ConceptCard | undefined> {
    if (this.pinned) return this.card;
    try {
      const hit = await this.analyses.at(editor.document, editor.selection.active);
      if (!hit || this.pinned) return this.card; // quiet: keep the last card
      const c = hit.match.concept;
      if (this.card && this.card.noteId === c.id && this.card.identifier === hit.chain && this.card.facet?.name === hit.match.facet?.name) return this.card;
      this.card = conceptCard(c, this.host.kb.current?.notes.get(c.id), this.host.lang(), hit.chain, hit.match.facet);
      this.post();
      this.cardChanged.fire(this.card);
    } catch (e) {
      this.host.log.error(`concept help failed: ${(e as Error).message}`);
    }
    return this.card;
  }

  openNote(): Thenable<unknown> | undefined {
    if (!this.card) return undefined;
    return vscode.commands.executeCommand(Commands.openNote, { id: this.card.noteId, ...(this.card.heading ? { heading: slugify(this.card.heading) } : {}), fromCode: true });
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const roots = [vscode.Uri.joinPath(this.host.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(this.host.extensionUri, 'media')];
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: roots };
    view.webview.html = this.shell(view.webview);
    view.onDidDispose(() => {
      if (this.view === view) this.view = undefined;
    });
    view.webview.onDidReceiveMessage((m: unknown) => {
      if (!isHelpFromWebview(m)) return;
      if (m.type === 'ready') this.post();
      else if (m.type === 'openNote') void this.openNote();
      else if (m.type === 'pin') {
        this.pinned = m.pinned;
        if (!this.pinned && vscode.window.activeTextEditor) this.schedule(vscode.window.activeTextEditor);
      }
    });
  }

  private post(): void {
    const message: HelpToWebview = { type: 'card', card: this.card, pinned: this.pinned };
    void this.view?.webview.postMessage(message);
  }

  private shell(webview: vscode.Webview): string {
    const nonce = makeNonce();
    const asset = (...path: string[]) => escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(this.host.extensionUri, ...path)).toString());
    const labels = {
      empty: vscode.l10n.t('Move the cursor onto an ML identifier in Python code (AdamW, lr, F.kl_div…) to see its concept here.'),
      pin: vscode.l10n.t('Pin'),
      pinned: vscode.l10n.t('Pinned'),
      pinTitle: vscode.l10n.t('Keep this card while the cursor moves'),
      openNote: vscode.l10n.t('Open note'),
    };
    return `<!DOCTYPE html>
<html lang="${escapeHtml(this.host.lang())}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', 'katex', 'katex.min.css')}">
<link rel="stylesheet" href="${asset('media', 'conceptHelp.css')}">
<title>Concept Help</title>
</head>
<body data-labels="${escapeHtml(JSON.stringify(labels))}">
<main id="card" class="card" aria-live="polite"><p class="empty">${escapeHtml(labels.empty)}</p></main>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'conceptHelp.js')}"></script>
</body>
</html>`;
  }
}
