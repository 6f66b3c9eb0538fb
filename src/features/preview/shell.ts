import * as vscode from 'vscode';
import { escapeHtml } from '../../core';
import { contentSecurityPolicy, makeNonce } from './csp';
import type { PreviewLabels } from '../../shared/previewLabels';
export { previewLabels, type PreviewLabels } from '../../shared/previewLabels';

/** The page the webview loads; notes arrive afterwards as `show` messages. */
export function previewShell(webview: vscode.Webview, extensionUri: vscode.Uri, labels: PreviewLabels, lang: string): string {
  const nonce = makeNonce();
  const asset = (...path: string[]) => escapeHtml(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString());
  const l = (key: keyof PreviewLabels) => escapeHtml(labels[key]);
  const button = (id: string, icon: string, label: keyof PreviewLabels, extra = '') =>
    `<vscode-toolbar-button id="${id}" icon="${icon}" label="${l(label)}" title="${l(label)}"${extra}></vscode-toolbar-button>`;
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(webview.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('dist', 'webview', 'katex', 'katex.min.css')}">
<link rel="stylesheet" id="vscode-codicon-stylesheet" href="${asset('dist', 'webview', 'codicon.css')}" nonce="${nonce}">
<link rel="stylesheet" href="${asset('media', 'preview.css')}">
<title>AI Notes</title>
</head>
<body data-labels="${escapeHtml(JSON.stringify(labels))}">
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
    ${button('where-used', 'references', 'whereUsed')}
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
    <section id="linked-from" class="related linked-from" hidden>
      <h2 class="related-title">${l('linkedFrom')}</h2>
      <ul id="linked-from-list" class="related-list"></ul>
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
