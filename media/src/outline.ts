// The side panel: the note's outline, its related notes, and the toggle that opens and closes it.
import type { NoteView } from '../../src/shared/previewProtocol';
import { el, linkedFrom, linkedFromList, outlineList, outlineToggle, related, relatedList } from './dom';
import type { RelatedItem } from '../../src/shared/previewProtocol';

export function buildOutline(view: NoteView): void {
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

function fillCards(list: HTMLUListElement, items: readonly RelatedItem[]): void {
  list.replaceChildren();
  for (const r of items) {
    const li = el('li');
    const a = el('a', 'related-card');
    a.href = '#';
    a.dataset.note = r.id;
    a.title = r.title;
    a.append(el('span', 'related-card-title', r.title));
    if (r.summaryHtml) {
      const summary = el('span', 'related-card-summary');
      summary.innerHTML = r.summaryHtml; // the host's renderer output (escaped text, KaTeX), like the body
      a.append(summary);
    }
    li.append(a);
    list.append(li);
  }
}

/** The one related-notes section (the note's own list and `related:`), then the notes that link here. */
export function buildRelated(view: NoteView): void {
  fillCards(relatedList, view.related);
  related.hidden = view.related.length === 0;
  fillCards(linkedFromList, view.linkedFrom);
  linkedFrom.hidden = view.linkedFrom.length === 0;
}

const wideEnough = () => window.innerWidth >= 900;
function setOutlineOpen(open: boolean): void {
  document.body.classList.toggle('outline-open', open);
  outlineToggle.checked = open;
}

/** Opens the outline on a wide panel and wires the toggle. */
export function installOutlineToggle(): void {
  outlineToggle.addEventListener('change', () => setOutlineOpen(outlineToggle.checked));
  setOutlineOpen(wideEnough());
  // On a narrow panel the outline floats over the text: close it after picking a heading.
  outlineList.addEventListener('click', () => {
    if (!wideEnough()) setOutlineOpen(false);
  });
}
