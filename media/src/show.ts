// Showing a note: the NoteView the host sent becomes the page (breadcrumb, header, body, copy buttons).
import type { NoteView, ScrollTarget } from '../../src/shared/previewProtocol';
import { content, crumbs, el, header, labels } from './dom';
import { buildOutline, buildRelated } from './outline';
import { applyScroll, readingPosition, saveState, updateOutlineHighlight } from './scroll';
import { getCurrentId, setCurrentId } from './state';

const HUGE_NOTE_CHARS = 1_000_000;

export function show(view: NoteView, scroll: ScrollTarget): void {
  const sameNote = view.id === getCurrentId();
  const keep = readingPosition();
  setCurrentId(view.id);
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
