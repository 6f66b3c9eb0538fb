// Clicks: no link in the page navigates by itself; each kind becomes a message to the host, or a scroll.
import { slugOfHeadingId } from '../../src/shared/headingIds';
import { post } from './dom';
import { decodeURIComponentSafe, headingElement } from './scroll';

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
    // Ctrl/Cmd+click opens the note in a preview beside this one, as in VS Code's editors.
    const side = e.ctrlKey || e.metaKey;
    post({ type: 'openNote', id: a.dataset.note, heading: a.dataset.heading || undefined, ...(side ? { side: true } : {}) });
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

export function installLinkHandlers(): void {
  document.addEventListener('click', onLinkClick);
  // Middle-clicks would otherwise try to open links in a new window.
  document.addEventListener('auxclick', (e) => {
    if ((e.target as Element | null)?.closest('a')) e.preventDefault();
  });
  // Alt+← / Alt+→ go back and forward, like VS Code's own navigation (macOS: Ctrl+- / Ctrl+Shift+- as well).
  document.addEventListener('keydown', (e) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      post({ type: e.key === 'ArrowLeft' ? 'back' : 'forward' });
    } else if (e.ctrlKey && !e.shiftKey && !e.altKey && !e.metaKey && e.key === '-') {
      e.preventDefault();
      post({ type: 'back' });
    } else if (e.ctrlKey && e.shiftKey && !e.altKey && !e.metaKey && (e.key === '_' || e.key === '-')) {
      e.preventDefault();
      post({ type: 'forward' });
    }
  });
  // The mouse's back and forward buttons.
  document.addEventListener('mouseup', (e) => {
    if (e.button === 3) post({ type: 'back' });
    else if (e.button === 4) post({ type: 'forward' });
  });
}
