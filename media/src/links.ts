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

export function installLinkHandlers(): void {
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
}
