// The side panel: the note's outline, its related notes, and the toggle that opens and closes it.
import type { NoteView } from '../../src/shared/previewProtocol';
import { el, outlineList, outlineToggle, related, relatedList } from './dom';

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

export function buildRelated(view: NoteView): void {
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
