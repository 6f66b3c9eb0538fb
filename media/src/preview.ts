// The note preview's page script. It shows what the host sends (`show` messages with HTML the core
// rendered) and turns clicks into typed messages; it never builds HTML from strings other than that
// rendered body, and the page's CSP (script nonce, no inline handlers) backs this up.
import '@vscode-elements/elements/dist/vscode-toolbar-container/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import {
  parseHostMessage,
  parsePreviewState,
  type NoteView,
  type PreviewState,
  type ScrollPosition,
  type ScrollTarget,
  type WebviewMessage,
} from '../../src/features/preview/messages';
import { headingId, slugOfHeadingId } from '../../src/core/slug';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: WebviewMessage): void => vscode.postMessage(m);

interface Labels {
  copyCode: string;
  cannotShow: string;
}
const labels: Labels = (() => {
  const fallback: Labels = { copyCode: 'Copy', cannotShow: 'This note could not be shown in the preview. Open the source to read it.' };
  try {
    const parsed = JSON.parse(document.body.dataset.labels ?? '{}') as Partial<Labels>;
    return {
      copyCode: typeof parsed.copyCode === 'string' ? parsed.copyCode : fallback.copyCode,
      cannotShow: typeof parsed.cannotShow === 'string' ? parsed.cannotShow : fallback.cannotShow,
    };
  } catch {
    return fallback;
  }
})();

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const content = $<HTMLElement>('content');
const header = $<HTMLElement>('note-header');
const crumbs = $<HTMLElement>('crumbs');
const outlineList = $<HTMLUListElement>('outline-list');
const related = $<HTMLElement>('related');
const relatedList = $<HTMLUListElement>('related-list');
const notice = $<HTMLElement>('notice');
const backButton = $<HTMLElement>('back');
const forwardButton = $<HTMLElement>('forward');
const outlineToggle = $<HTMLElement & { checked: boolean }>('outline-toggle');

let currentId: string | undefined = parsePreviewState(vscode.getState())?.id;
const HUGE_NOTE_CHARS = 1_000_000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function setEnabled(button: HTMLElement, enabled: boolean): void {
  button.setAttribute('aria-disabled', String(!enabled));
  button.classList.toggle('disabled', !enabled);
}

// ---- showing a note -------------------------------------------------------------------------------

function show(view: NoteView, scroll: ScrollTarget): void {
  const sameNote = view.id === currentId;
  const keep = readingPosition();
  currentId = view.id;
  document.title = view.title;

  crumbs.replaceChildren();
  for (const [i, part] of [...view.breadcrumb, view.title].entries()) {
    if (i > 0) crumbs.append(el('span', 'crumb-sep', '›'));
    crumbs.append(el('span', i === view.breadcrumb.length ? 'crumb crumb-current' : 'crumb', part));
  }

  header.replaceChildren();
  if (!view.hasTitleHeading) header.append(el('h1', 'note-title', view.title));

  // Laying out every formula of a multi-megabyte note takes seconds; off-screen blocks then skip layout.
  document.body.classList.toggle('huge-note', view.html.length > HUGE_NOTE_CHARS);
  // The one string we insert as HTML: the core renderer's output (markdown-it without raw HTML).
  content.innerHTML = view.html;

  const meta = el('div', 'note-meta');
  if (view.subtitle) meta.append(el('span', 'note-subtitle', view.subtitle));
  for (const tag of view.tags) meta.append(el('span', 'tag', tag));
  if (meta.childElementCount) {
    const h1 = content.querySelector(':scope > h1');
    if (h1 && view.hasTitleHeading) h1.after(meta);
    else header.append(meta);
  }

  addCopyButtons();
  buildOutline(view);
  buildRelated(view);
  const target: ScrollTarget = scroll.kind === 'keep' && !sameNote ? { kind: 'top' } : scroll;
  applyScroll(target, keep);
  // Fonts (KaTeX, CJK) arriving late move things: aim again once they are in.
  if (target.kind !== 'top') void document.fonts?.ready.then(() => applyScroll(target, keep));
  saveState();
  updateOutlineHighlight();
}

function addCopyButtons(): void {
  for (const pre of content.querySelectorAll<HTMLPreElement>('pre.code-block')) {
    const button = el('button', 'code-copy');
    button.type = 'button';
    button.title = labels.copyCode;
    button.setAttribute('aria-label', labels.copyCode);
    button.append(el('span', 'codicon codicon-copy'));
    pre.append(button);
  }
}

function buildOutline(view: NoteView): void {
  outlineList.replaceChildren();
  for (const item of view.outline) {
    const li = el('li', `outline-item level-${Math.min(Math.max(item.level, 1), 6)}`);
    const a = el('a', 'outline-link');
    a.href = `#${encodeURIComponent(item.slug)}`;
    a.dataset.heading = item.slug;
    a.innerHTML = item.html; // renderer output, like the body
    li.append(a);
    outlineList.append(li);
  }
  document.body.classList.toggle('has-outline', view.outline.length > 0);
}

function buildRelated(view: NoteView): void {
  relatedList.replaceChildren();
  for (const r of view.related) {
    const li = el('li');
    const a = el('a', 'related-card');
    a.href = '#';
    a.dataset.note = r.id;
    a.append(el('span', 'related-card-title', r.title));
    if (r.summary) a.append(el('span', 'related-card-summary', r.summary));
    li.append(a);
    relatedList.append(li);
  }
  related.hidden = view.related.length === 0;
}

// ---- scrolling --------------------------------------------------------------------------------------

/** The heading with this slug in the note (its id is `headingId(slug)`, never an id of the page chrome). */
function headingElement(slug: string): HTMLElement | null {
  for (const s of [slug, decodeURIComponentSafe(slug)]) {
    const e = document.getElementById(headingId(s));
    if (e && content.contains(e)) return e;
  }
  return null;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function lineElement(line: number): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestLine = -1;
  for (const e of content.querySelectorAll<HTMLElement>('[data-line]')) {
    const l = Number(e.dataset.line);
    if (l <= line && l > bestLine) {
      best = e;
      bestLine = l;
    }
  }
  return best;
}

/** The block at the top of the view and how far into it the view starts (see ScrollPosition). */
function readingPosition(): ScrollPosition {
  const top = Math.round(window.scrollY);
  const main = content.getBoundingClientRect();
  const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
  let hit: HTMLElement | null | undefined;
  // Probe a few points: the first may fall in the margin between two blocks.
  for (const dy of [8, 24, 48, 96]) {
    hit = document.elementFromPoint(main.left + 24, toolbar + dy)?.closest<HTMLElement>('[data-line]');
    if (hit && content.contains(hit)) break;
    hit = undefined;
  }
  if (!hit) return { top };
  // The outermost block starting on that line is the one restorePosition finds first.
  for (let up = hit.parentElement?.closest<HTMLElement>('[data-line]'); up && up.dataset.line === hit.dataset.line; up = up.parentElement?.closest<HTMLElement>('[data-line]')) {
    hit = up;
  }
  return { top, line: Number(hit.dataset.line), delta: Math.round(toolbar - hit.getBoundingClientRect().top) };
}

function restorePosition(pos: ScrollPosition): void {
  const el = pos.line !== undefined ? content.querySelector<HTMLElement>(`[data-line="${pos.line}"]`) : null;
  if (!el) {
    window.scrollTo(0, pos.top);
    return;
  }
  el.scrollIntoView({ block: 'start' }); // lays the block out, even in a huge note
  const toolbar = document.querySelector('.toolbar')?.getBoundingClientRect().bottom ?? 0;
  window.scrollBy(0, el.getBoundingClientRect().top - toolbar + (pos.delta ?? 0));
}

function applyScroll(target: ScrollTarget, keep: ScrollPosition): void {
  switch (target.kind) {
    case 'top':
      window.scrollTo(0, 0);
      return;
    case 'keep':
      restorePosition(keep);
      return;
    case 'offset':
      restorePosition(target);
      return;
    case 'heading': {
      const e = headingElement(target.slug);
      if (e) e.scrollIntoView({ block: 'start' });
      return;
    }
    case 'line': {
      const e = lineElement(target.line);
      if (e) e.scrollIntoView({ block: 'start' });
      return;
    }
  }
}

function saveState(): void {
  if (!currentId) return;
  const state: PreviewState = { id: currentId, ...readingPosition() };
  vscode.setState(state);
}

let scrollTimer: number | undefined;
window.addEventListener(
  'scroll',
  () => {
    updateOutlineHighlight();
    if (scrollTimer !== undefined) return;
    scrollTimer = window.setTimeout(() => {
      scrollTimer = undefined;
      if (!currentId) return;
      const pos = readingPosition();
      vscode.setState({ id: currentId, ...pos } satisfies PreviewState);
      post({ type: 'scroll', id: currentId, ...pos });
    }, 200);
  },
  { passive: true },
);

let highlightQueued = false;
function updateOutlineHighlight(): void {
  if (highlightQueued) return;
  highlightQueued = true;
  requestAnimationFrame(() => {
    highlightQueued = false;
    const links = [...outlineList.querySelectorAll<HTMLAnchorElement>('a.outline-link')];
    let active: HTMLAnchorElement | undefined;
    for (const a of links) {
      const h = headingElement(a.dataset.heading ?? '');
      if (h && h.getBoundingClientRect().top <= 80) active = a;
    }
    for (const a of links) a.classList.toggle('active', a === active);
  });
}

// ---- clicks -----------------------------------------------------------------------------------------

function onLinkClick(e: MouseEvent): void {
  const target = e.target as Element | null;
  const copy = target?.closest('button.code-copy');
  if (copy) {
    e.preventDefault();
    const code = copy.parentElement?.querySelector('code');
    if (code) post({ type: 'copyText', text: code.textContent ?? '' });
    return;
  }
  const a = target?.closest('a');
  if (!a) return;
  // No link in the page navigates by itself: each kind becomes a message, or a scroll.
  e.preventDefault();
  if (a.dataset.note) {
    post({ type: 'openNote', id: a.dataset.note, heading: a.dataset.heading || undefined });
  } else if (a.hasAttribute('data-external')) {
    const url = a.getAttribute('href') ?? '';
    if (/^https?:\/\//i.test(url)) post({ type: 'openExternal', url });
  } else if (a.classList.contains('source-line')) {
    const line = Number(a.dataset.sourceLine);
    post({ type: 'openSource', line: Number.isFinite(line) ? line : undefined });
  } else if (a.classList.contains('header-anchor')) {
    const h = a.closest('h1, h2, h3, h4, h5, h6');
    const slug = h ? slugOfHeadingId(h.id) : undefined;
    if (h && slug) {
      h.scrollIntoView({ block: 'start', behavior: 'smooth' });
      post({ type: 'copyLink', heading: slug });
    }
  } else {
    const slug = a.dataset.heading ?? decodeURIComponentSafe((a.getAttribute('href') ?? '').replace(/^#/, ''));
    const h = slug ? headingElement(slug) : null;
    if (h) h.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }
}
document.addEventListener('click', onLinkClick);
// Middle-clicks would otherwise try to open links in a new window.
document.addEventListener('auxclick', (e) => {
  if ((e.target as Element | null)?.closest('a')) e.preventDefault();
});
// The mouse's back and forward buttons.
document.addEventListener('mouseup', (e) => {
  if (e.button === 3) post({ type: 'back' });
  else if (e.button === 4) post({ type: 'forward' });
});

function onToolbar(id: string, message: WebviewMessage): void {
  $(id).addEventListener('click', (e) => {
    if ((e.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') return;
    post(message);
  });
}
onToolbar('back', { type: 'back' });
onToolbar('forward', { type: 'forward' });
onToolbar('open-source', { type: 'openSource' });
onToolbar('reveal', { type: 'revealInTree' });
onToolbar('copy-link', { type: 'copyLink' });

const wideEnough = () => window.innerWidth >= 900;
function setOutlineOpen(open: boolean): void {
  document.body.classList.toggle('outline-open', open);
  outlineToggle.checked = open;
}
outlineToggle.addEventListener('change', () => setOutlineOpen(outlineToggle.checked));
setOutlineOpen(wideEnough());
// On a narrow panel the outline floats over the text: close it after picking a heading.
outlineList.addEventListener('click', () => {
  if (!wideEnough()) setOutlineOpen(false);
});

let noticeTimer: number | undefined;
function showNotice(text: string): void {
  notice.textContent = text;
  notice.classList.add('visible');
  window.clearTimeout(noticeTimer);
  noticeTimer = window.setTimeout(() => notice.classList.remove('visible'), 2500);
}

// ---- messages from the host -------------------------------------------------------------------------

/** A note the page could not show: say so instead of staying on "Loading…". */
function showError(text: string): void {
  const box = el('div', 'preview-error');
  box.setAttribute('role', 'alert');
  box.append(el('p', undefined, text)); // the toolbar's Open Source button opens it
  content.replaceChildren(box);
  header.replaceChildren();
  outlineList.replaceChildren();
  related.hidden = true;
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (!message) {
    const data = event.data as { type?: unknown } | null;
    if (typeof data === 'object' && data !== null && data.type === 'show') showError(labels.cannotShow);
    return;
  }
  switch (message.type) {
    case 'show':
      setEnabled(backButton, message.canGoBack);
      setEnabled(forwardButton, message.canGoForward);
      show(message.view, message.scroll);
      return;
    case 'scrollTo':
      applyScroll(message.scroll, readingPosition());
      return;
    case 'notice':
      showNotice(message.text);
      return;
  }
});

post({ type: 'ready' });
