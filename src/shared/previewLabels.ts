/** The display languages (core's Lang; not imported, so the webview's build does not pull in the core). */
type Lang = 'zh' | 'en';

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
