import * as vscode from 'vscode';
import { escapeHtml, type Lang } from '../../core';
import { contentSecurityPolicy, makeNonce } from './csp';

/** UI strings of the webview chrome, localised by the host. */
export interface PreviewLabels {
  back: string;
  forward: string;
  outline: string;
  openSource: string;
  revealInTree: string;
  copyLink: string;
  whereUsed: string;
  onThisPage: string;
  related: string;
  linkedFrom: string;
  loading: string;
  copyCode: string;
  linkCopied: string;
  /** Shown instead of "Loading…" when a note arrives in a form the page cannot read. */
  cannotShow: string;
}

const LABELS: Record<Lang, PreviewLabels> = {
  en: {
    back: 'Back (Alt+←)',
    forward: 'Forward (Alt+→)',
    outline: 'Outline',
    openSource: 'Open Source',
    revealInTree: 'Reveal in Tree',
    copyLink: 'Copy Link',
    whereUsed: 'Find Where Used in the Workspace',
    onThisPage: 'On this page',
    related: 'Related notes',
    linkedFrom: 'Linked from',
    loading: 'Loading…',
    copyCode: 'Copy code',
    linkCopied: 'Copied',
    cannotShow: 'This note could not be shown in the preview. Open the source to read it.',
  },
  zh: {
    back: '后退 (Alt+←)',
    forward: '前进 (Alt+→)',
    outline: '大纲',
    openSource: '打开源文件',
    revealInTree: '在笔记树中显示',
    copyLink: '复制链接',
    whereUsed: '在工作区中查找使用位置',
    onThisPage: '本页内容',
    related: '相关笔记',
    linkedFrom: '引用本篇的笔记',
    loading: '加载中…',
    copyCode: '复制代码',
    linkCopied: '已复制',
    cannotShow: '预览无法显示这篇笔记，请打开源文件阅读。',
  },
};

/**
 * The preview's own words, in the notes' display language (`aiNotes.displayLanguage`), not VS Code's: a Chinese
 * note read in an English VS Code gets Chinese chrome when the user asked for Chinese first.
 */
export function previewLabels(lang: Lang): PreviewLabels {
  return LABELS[lang];
}

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
