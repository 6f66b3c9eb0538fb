// The Concept Help view's page script (bundled into dist/webview/conceptHelp.js). It draws the card the host sends:
// every note string is set as text; only the formula's KaTeX HTML (rendered by the core, trust off) is HTML.
import type { HelpCard, HelpFromWebview, HelpToWebview } from '../../src/shared/conceptHelpProtocol';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const api = acquireVsCodeApi();
const post = (m: HelpFromWebview) => api.postMessage(m);

const labels = JSON.parse(document.body.dataset.labels ?? '{}') as Record<'empty' | 'pin' | 'pinned' | 'pinTitle' | 'openNote', string>;
const root = document.getElementById('card')!;
let pinned = false;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function draw(card: HelpCard | undefined): void {
  root.replaceChildren();
  if (!card) {
    root.append(el('p', 'empty', labels.empty));
    return;
  }
  root.dataset.noteId = card.noteId;
  const header = el('header', 'card-header');
  const titles = el('div', 'titles');
  titles.append(el('h2', 'title', card.title));
  if (card.otherTitle) titles.append(el('div', 'other-title', card.otherTitle));
  const pin = el('button', `pin${pinned ? ' on' : ''}`, pinned ? labels.pinned : labels.pin);
  pin.id = 'pin';
  pin.title = labels.pinTitle;
  pin.setAttribute('aria-pressed', String(pinned));
  pin.addEventListener('click', () => {
    pinned = !pinned;
    post({ type: 'pin', pinned });
    draw(card);
  });
  header.append(titles, pin);
  root.append(header);
  if (card.facet) {
    const facet = el('p', 'facet');
    facet.append(el('code', '', card.facet.name), document.createTextNode(` — ${card.facet.gloss}`));
    root.append(facet);
  }
  if (card.summary) root.append(el('p', 'summary', card.summary));
  if (card.formulaHtml) {
    const formula = el('div', 'formula');
    formula.innerHTML = card.formulaHtml;
    root.append(formula);
  }
  if (card.keyPoints.items.length) {
    root.append(el('h3', 'points-heading', card.keyPoints.heading));
    const list = el('ul', 'points');
    for (const item of card.keyPoints.items) list.append(el('li', '', item));
    root.append(list);
  }
  const footer = el('footer', 'card-footer');
  const open = el('a', 'open-note', labels.openNote);
  open.id = 'open-note';
  open.href = '#';
  open.addEventListener('click', (e) => {
    e.preventDefault();
    post({ type: 'openNote' });
  });
  footer.append(open, el('code', 'identifier', card.identifier));
  root.append(footer);
}

window.addEventListener('message', (e: MessageEvent<HelpToWebview>) => {
  const m = e.data;
  if (!m || m.type !== 'card') return;
  pinned = m.pinned;
  draw(m.card);
});

post({ type: 'ready' });
