import * as vscode from 'vscode';

/** UI strings of the webview chrome, localised by the host. */
export interface PreviewLabels {
  back: string;
  forward: string;
  outline: string;
  openSource: string;
  revealInTree: string;
  copyLink: string;
  onThisPage: string;
  related: string;
  loading: string;
  copyCode: string;
  linkCopied: string;
  /** Shown instead of "Loading…" when a note arrives in a form the page cannot read. */
  cannotShow: string;
}

export function previewLabels(): PreviewLabels {
  return {
    back: vscode.l10n.t('Back'),
    forward: vscode.l10n.t('Forward'),
    outline: vscode.l10n.t('Outline'),
    openSource: vscode.l10n.t('Open Source'),
    revealInTree: vscode.l10n.t('Reveal in Tree'),
    copyLink: vscode.l10n.t('Copy Link'),
    onThisPage: vscode.l10n.t('On this page'),
    related: vscode.l10n.t('Related notes'),
    loading: vscode.l10n.t('Loading…'),
    copyCode: vscode.l10n.t('Copy code'),
    linkCopied: vscode.l10n.t('Copied'),
    cannotShow: vscode.l10n.t('This note could not be shown in the preview. Open the source to read it.'),
  };
}

const escapeAttr = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A fresh nonce for every page load, as VS Code's Markdown preview does. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

/**
 * The Content-Security-Policy of the page. KaTeX positions glyphs with `style="…"` attributes, so inline
 * *attributes* are allowed (`style-src-attr`), while style *elements* must come from the extension
 * (`style-src-elem`): a note cannot add a stylesheet. VS Code's built-in preview allows both ('unsafe-inline').
 * Scripts: only ours, by nonce. Images: only through the webview resource origin (notes roots, media).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `style-src ${cspSource}`,
    `style-src-elem ${cspSource}`,
    "style-src-attr 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page the webview loads; notes arrive afterwards as `show` messages. */
export function previewShell(webview: vscode.Webview, extensionUri: vscode.Uri, labels: PreviewLabels, lang: string): string {
  const nonce = makeNonce();
  const asset = (...path: string[]) => escapeAttr(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString());
  const l = (key: keyof PreviewLabels) => escapeAttr(labels[key]);
  const button = (id: string, icon: string, label: keyof PreviewLabels, extra = '') =>
    `<vscode-toolbar-button id="${id}" icon="${icon}" label="${l(label)}" title="${l(label)}"${extra}></vscode-toolbar-button>`;
  return `<!DOCTYPE html>
<html lang="${escapeAttr(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', 'katex', 'katex.min.css')}">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${asset('dist', 'webview', 'codicon.css')}" nonce="${nonce}">
<link rel="stylesheet" href="${asset('media', 'preview.css')}">
<title>AI Notes</title>
</head>
<body data-labels="${escapeAttr(JSON.stringify(labels))}">
<header class="toolbar" role="toolbar">
  <vscode-toolbar-container class="toolbar-group">
    ${button('back', 'arrow-left', 'back', ' aria-disabled="true"')}
    ${button('forward', 'arrow-right', 'forward', ' aria-disabled="true"')}
  </vscode-toolbar-container>
  <nav class="toolbar-crumbs" id="crumbs" aria-label="${l('outline')}"></nav>
  <span class="notice" id="notice" role="status" aria-live="polite"></span>
  <vscode-toolbar-container class="toolbar-group">
    ${button('outline-toggle', 'list-tree', 'outline', ' toggleable')}
    ${button('open-source', 'go-to-file', 'openSource')}
    ${button('reveal', 'list-selection', 'revealInTree')}
    ${button('copy-link', 'link', 'copyLink')}
  </vscode-toolbar-container>
</header>
<div class="page">
  <main class="main">
    <div id="note-header" class="note-header"></div>
    <article id="content" class="markdown-body" tabindex="-1"><p class="loading">${l('loading')}</p></article>
    <section id="related" class="related" hidden>
      <h2 class="related-title">${l('related')}</h2>
      <ul id="related-list" class="related-list"></ul>
    </section>
  </main>
  <nav id="outline" class="outline" aria-label="${l('onThisPage')}">
    <div class="outline-title">${l('onThisPage')}</div>
    <ul id="outline-list" class="outline-list"></ul>
  </nav>
</div>
<script nonce="${nonce}" src="${asset('dist', 'webview', 'preview.js')}"></script>
</body>
</html>`;
}
