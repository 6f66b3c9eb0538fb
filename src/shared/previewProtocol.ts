// The messages between the preview panel (extension host) and its webview (media/src/, entry index.ts).
// Pure TypeScript, imported by both sides; each side validates what it receives with the parsers below,
// since a webview is a browser page and the host should not trust it more than a web page.

/**
 * A reading position: the pixel offset, and the block at the top of the view (its `data-line`) with how far
 * into it the view starts. The block is what gets restored, so the place survives re-renders, font loading
 * and huge notes whose off-screen blocks have estimated heights; the offset is the fallback.
 */
export interface ScrollPosition {
  top: number;
  line?: number;
  delta?: number;
}

/** Where the webview scrolls after showing a note. */
export type ScrollTarget =
  | { kind: 'top' }
  /** Keep the current position (a re-render of the same note). */
  | { kind: 'keep' }
  | ({ kind: 'offset' } & ScrollPosition)
  | { kind: 'heading'; slug: string }
  /** 0-based line of the note's file; `highlight`: a search query whose words are marked in that block on arrival. */
  | { kind: 'line'; line: number; highlight?: string };

export interface OutlineItem {
  level: number;
  slug: string;
  /** Inline HTML from the renderer (math rendered, no links). */
  html: string;
}

export interface RelatedItem {
  id: string;
  title: string;
  /** The summary as safe HTML from the host's renderer (text escaped, inline math rendered by KaTeX). */
  summaryHtml: string;
}

export interface NoteView {
  id: string;
  title: string;
  /** The title in the other language, or ''. */
  subtitle: string;
  /** Titles of the topics holding the note, outermost first. */
  breadcrumb: string[];
  tags: string[];
  /** The rendered body from the core's `renderNote`: safe HTML. */
  html: string;
  outline: OutlineItem[];
  related: RelatedItem[];
  /** Notes that link to this one and are not among `related` (backlinks). */
  linkedFrom: RelatedItem[];
  /** Whether the body already starts with a level-1 heading (else the webview shows the title as one). */
  hasTitleHeading: boolean;
}

export type HostMessage =
  | { type: 'show'; view: NoteView; canGoBack: boolean; canGoForward: boolean; scroll: ScrollTarget }
  | { type: 'scrollTo'; scroll: ScrollTarget }
  /** A short notice shown in the toolbar ("Link copied"). */
  | { type: 'notice'; text: string };

export type WebviewMessage =
  | { type: 'ready' }
  /** `side`: Ctrl/Cmd+click, open in a preview beside this one. */
  | { type: 'openNote'; id: string; heading?: string; side?: boolean }
  | { type: 'openExternal'; url: string }
  | { type: 'back' }
  | { type: 'forward' }
  | { type: 'openSource'; line?: number }
  | { type: 'revealInTree' }
  | { type: 'findWhereUsed' }
  | { type: 'copyLink'; heading?: string }
  | { type: 'copyText'; text: string }
  /** The scroll position of the note shown, kept per history entry. */
  | ({ type: 'scroll'; id: string } & ScrollPosition);

/** What the webview keeps with `setState`, and what `registerWebviewPanelSerializer` hands back after a reload. */
export interface PreviewState extends ScrollPosition {
  id: string;
}

export const LIMITS = {
  id: 512,
  slug: 512,
  url: 8192,
  text: 1_000_000,
  html: 64 * 1024 * 1024,
  list: 10_000,
} as const;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const isNonEmptyStr = (x: unknown, max: number): x is string => isStr(x, max) && x.length > 0;
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1e9;
const optional = <T>(x: unknown, check: (v: unknown) => v is T): x is T | undefined => x === undefined || check(x);
const isId = (x: unknown): x is string => isNonEmptyStr(x, LIMITS.id) && !/[\u0000-\u001f]/.test(x);
const isSlug = (x: unknown): x is string => isNonEmptyStr(x, LIMITS.slug);

/** Only web links leave the preview. */
export function isWebUrl(url: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(url) && url.length <= LIMITS.url;
}

/** The position fields of `x` (top required; line and delta only when valid). */
export function parseScrollPosition(x: Obj): ScrollPosition | undefined {
  if (!isCount(x.top)) return undefined;
  const pos: ScrollPosition = { top: x.top };
  if (isCount(x.line)) {
    pos.line = Math.floor(x.line);
    if (typeof x.delta === 'number' && Number.isFinite(x.delta) && Math.abs(x.delta) <= 1e7) pos.delta = x.delta;
  }
  return pos;
}

export function parseScrollTarget(x: unknown): ScrollTarget | undefined {
  if (!isObj(x)) return undefined;
  switch (x.kind) {
    case 'top':
    case 'keep':
      return { kind: x.kind };
    case 'offset': {
      const pos = parseScrollPosition(x);
      return pos ? { kind: 'offset', ...pos } : undefined;
    }
    case 'heading':
      return isSlug(x.slug) ? { kind: 'heading', slug: x.slug } : undefined;
    case 'line':
      if (!isCount(x.line) || !optional(x.highlight, (h: unknown) => isStr(h, 200))) return undefined;
      return x.highlight ? { kind: 'line', line: Math.floor(x.line), highlight: x.highlight as string } : { kind: 'line', line: Math.floor(x.line) };
    default:
      return undefined;
  }
}

/** Host side: a message from the webview, or undefined when it is not one we accept. */
export function parseWebviewMessage(x: unknown): WebviewMessage | undefined {
  if (!isObj(x) || typeof x.type !== 'string') return undefined;
  switch (x.type) {
    case 'ready':
    case 'back':
    case 'forward':
    case 'revealInTree':
    case 'findWhereUsed':
      return { type: x.type };
    case 'openNote':
      if (!isId(x.id) || !optional(x.heading, isSlug) || (x.side !== undefined && typeof x.side !== 'boolean')) return undefined;
      return x.side ? { type: 'openNote', id: x.id, heading: x.heading, side: true } : { type: 'openNote', id: x.id, heading: x.heading };
    case 'openExternal':
      return typeof x.url === 'string' && isWebUrl(x.url) ? { type: 'openExternal', url: x.url } : undefined;
    case 'openSource':
      return optional(x.line, isCount) ? { type: 'openSource', line: x.line === undefined ? undefined : Math.floor(x.line) } : undefined;
    case 'copyLink':
      return optional(x.heading, isSlug) ? { type: 'copyLink', heading: x.heading } : undefined;
    case 'copyText':
      return isStr(x.text, LIMITS.text) ? { type: 'copyText', text: x.text } : undefined;
    case 'scroll': {
      const pos = parseScrollPosition(x);
      return isId(x.id) && pos ? { type: 'scroll', id: x.id, ...pos } : undefined;
    }
    default:
      return undefined;
  }
}

function parseNoteView(x: unknown): NoteView | undefined {
  if (!isObj(x)) return undefined;
  const strList = (v: unknown): v is string[] => Array.isArray(v) && v.length <= LIMITS.list && v.every((s) => isStr(s, LIMITS.text));
  const outline = (v: unknown): v is OutlineItem[] =>
    Array.isArray(v) && v.length <= LIMITS.list &&
    v.every((o) => isObj(o) && isCount(o.level) && isStr(o.slug, LIMITS.slug) && isStr(o.html, LIMITS.text));
  const related = (v: unknown): v is RelatedItem[] =>
    Array.isArray(v) && v.length <= LIMITS.list &&
    v.every((o) => isObj(o) && isId(o.id) && isStr(o.title, LIMITS.text) && isStr(o.summaryHtml, LIMITS.text));
  if (!isId(x.id) || !isStr(x.title, LIMITS.text) || !isStr(x.subtitle, LIMITS.text) || !strList(x.breadcrumb) || !strList(x.tags)) return undefined;
  if (!isStr(x.html, LIMITS.html) || !outline(x.outline) || !related(x.related) || !related(x.linkedFrom) || typeof x.hasTitleHeading !== 'boolean') return undefined;
  return {
    id: x.id, title: x.title, subtitle: x.subtitle, breadcrumb: x.breadcrumb, tags: x.tags, html: x.html,
    outline: x.outline, related: x.related, linkedFrom: x.linkedFrom, hasTitleHeading: x.hasTitleHeading,
  };
}

/** Webview side: a message from the host, or undefined. */
export function parseHostMessage(x: unknown): HostMessage | undefined {
  if (!isObj(x)) return undefined;
  switch (x.type) {
    case 'show': {
      const view = parseNoteView(x.view);
      const scroll = parseScrollTarget(x.scroll);
      if (!view || !scroll || typeof x.canGoBack !== 'boolean' || typeof x.canGoForward !== 'boolean') return undefined;
      return { type: 'show', view, scroll, canGoBack: x.canGoBack, canGoForward: x.canGoForward };
    }
    case 'scrollTo': {
      const scroll = parseScrollTarget(x.scroll);
      return scroll ? { type: 'scrollTo', scroll } : undefined;
    }
    case 'notice':
      return isStr(x.text, 1000) ? { type: 'notice', text: x.text } : undefined;
    default:
      return undefined;
  }
}

/** The saved webview state, or undefined when it is missing or malformed. */
export function parsePreviewState(x: unknown): PreviewState | undefined {
  if (!isObj(x) || !isId(x.id)) return undefined;
  return { id: x.id, ...(parseScrollPosition(x) ?? { top: 0 }) };
}
