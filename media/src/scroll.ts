// Scrolling: the reading position (block + offset), restoring it, applying a ScrollTarget, the saved
// webview state, the debounced scroll report to the host and the outline's active-heading highlight.
import type { PreviewState, ScrollPosition, ScrollTarget } from '../../src/shared/previewProtocol';
import { headingId } from '../../src/shared/headingIds';
import { content, outlineList, post, vscode } from './dom';
import { getCurrentId } from './state';
import { markSearchHit } from './searchHit';

export function headingElement(slug: string): HTMLElement | null {
  for (const s of [slug, decodeURIComponentSafe(slug)]) {
    const e = document.getElementById(headingId(s));
    if (e && content.contains(e)) return e;
  }
  return null;
}

export function decodeURIComponentSafe(s: string): string {
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
export function readingPosition(): ScrollPosition {
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

export function applyScroll(target: ScrollTarget, keep: ScrollPosition): void {
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
      if (e) {
        e.scrollIntoView({ block: 'start' });
        markSearchHit(e, target.highlight);
      }
      return;
    }
  }
}

export function saveState(): void {
  const currentId = getCurrentId();
  if (!currentId) return;
  const state: PreviewState = { id: currentId, ...readingPosition() };
  vscode.setState(state);
}

let scrollTimer: number | undefined;
/** On scroll: the outline highlight follows at once; the state and the host hear of it 200 ms later. */
export function installScrollListener(): void {
  window.addEventListener(
    'scroll',
    () => {
      updateOutlineHighlight();
      if (scrollTimer !== undefined) return;
      scrollTimer = window.setTimeout(() => {
        scrollTimer = undefined;
        const currentId = getCurrentId();
        if (!currentId) return;
        const pos = readingPosition();
        vscode.setState({ id: currentId, ...pos } satisfies PreviewState);
        post({ type: 'scroll', id: currentId, ...pos });
      }, 200);
    },
    { passive: true },
  );
}

let highlightQueued = false;
export function updateOutlineHighlight(): void {
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
    // At the bottom of the page the last sections can never scroll up to the top: the last heading in view wins.
    const atBottom = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 4;
    if (atBottom) {
      for (const a of links) {
        const h = headingElement(a.dataset.heading ?? '');
        if (h && h.getBoundingClientRect().top < window.innerHeight) active = a;
      }
    }
    for (const a of links) a.classList.toggle('active', a === active);
  });
}
