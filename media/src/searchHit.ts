// A Search Notes hit, highlighted on arrival: the block of the matching line flashes once, and the query's words in
// it are marked (as the editor marks find matches) until the next note is shown.

/** The words to mark: the query split on spaces; a CJK run stays whole (it has no spaces between its words). */
export function hitTerms(query: string): string[] {
  return [...new Set(query.split(/\s+/).filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function markSearchHit(block: HTMLElement, query: string | undefined): void {
  if (!query) return;
  block.classList.remove('search-hit-flash');
  // Restart the flash (the arrival may run twice: once at once, once after the fonts load).
  void block.offsetWidth;
  block.classList.add('search-hit-flash');
  if (block.querySelector('mark.search-term')) return;
  const terms = hitTerms(query);
  if (!terms.length) return;
  const pattern = new RegExp(terms.map(escapeRegExp).join('|'), 'giu');
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    // Not inside rendered math (KaTeX's spans carry their own layout) nor a mark already made.
    acceptNode: (n) => ((n.parentElement?.closest('.katex, mark, .code-copy') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT)),
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  for (const text of texts) {
    const value = text.data;
    pattern.lastIndex = 0;
    if (!pattern.test(value)) continue;
    pattern.lastIndex = 0;
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const m of value.matchAll(pattern)) {
      const at = m.index ?? 0;
      if (at > last) fragment.append(value.slice(last, at));
      const mark = document.createElement('mark');
      mark.className = 'search-term';
      mark.textContent = m[0];
      fragment.append(mark);
      last = at + m[0].length;
    }
    if (last < value.length) fragment.append(value.slice(last));
    text.replaceWith(fragment);
  }
}
