import { backlinks, bodyWithoutRelatedSection, displaySummary, displayTitle, escapeHtml, inlineMathHtml, otherTitle, relatedIds, renderNote, type Lang, type Note, type KnowledgeBaseSnapshot } from '../../core';
import type { RelatedItem } from '../../shared/previewProtocol';
import { parseHostMessage, type HostMessage, type NoteView, type ScrollTarget } from '../../shared/previewProtocol';

export interface ViewContext {
  snapshot: KnowledgeBaseSnapshot | undefined;
  lang: Lang;
  /** Webview URL of an image file inside a notes root, or undefined to drop it. */
  imageUrl(absolutePath: string): string | undefined;
}

/** Everything the webview shows for a note: the core's rendering plus titles, outline and related notes. */
export function buildNoteView(note: Note, ctx: ViewContext): NoteView {
  const { snapshot, lang } = ctx;
  // The note's own closing "相关" list becomes the cards below the note (one related section, not two).
  const rendered = renderNote({ ...note, body: bodyWithoutRelatedSection(note) }, {
    noteTitle: (id) => {
      const n = snapshot?.notes.get(id);
      return n ? displayTitle(n, lang) : undefined;
    },
    resolveImage: (p) => ctx.imageUrl(p),
  });
  const breadcrumb: string[] = [];
  if (note.topicId) {
    const parts = note.topicId.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const topic = snapshot?.topics.get(parts.slice(0, i).join('/'));
      breadcrumb.push(topic ? displayTitle(topic, lang) : parts[i - 1]);
    }
  }
  const card = (n: Note): RelatedItem => ({ id: n.id, title: displayTitle(n, lang), summaryHtml: n.error ? '' : inlineMathHtml(displaySummary(n, lang)) });
  const notes = (ids: readonly string[]) => ids.map((id) => snapshot?.notes.get(id)).filter((n): n is Note => n !== undefined && n.id !== note.id);
  const related = notes(relatedIds(note)).map(card);
  const shown = new Set(related.map((r) => r.id));
  // "Linked from": the notes that link here, less those already among the related cards.
  const linkedFrom = snapshot ? notes(backlinks(snapshot.notes).get(note.id) ?? []).filter((n) => !shown.has(n.id)).map(card) : [];
  return {
    id: note.id,
    title: displayTitle(note, lang) || note.id,
    // Under the note's own "# heading": the title in whichever language that heading is not in.
    subtitle: subtitleFor(note, lang, rendered.headings.find((h) => h.level === 1)?.text),
    breadcrumb,
    tags: note.tags,
    html: rendered.html,
    outline: rendered.headings.filter((h) => h.level >= 2 && h.level <= 4).map((h) => ({ level: h.level, slug: h.slug, html: h.html })),
    related,
    linkedFrom,
    hasTitleHeading: rendered.headings.some((h) => h.level === 1),
  };
}

/** What the preview shows for an id that is not (or no longer) in the knowledge base. */
export function missingNoteView(id: string, message: string): NoteView {
  return {
    id,
    title: id,
    subtitle: '',
    breadcrumb: [],
    tags: [],
    html: `<div class="note-error" role="alert"><p class="note-error-title">${escapeHtml(message)}</p></div>`,
    outline: [],
    related: [],
    linkedFrom: [],
    hasTitleHeading: false,
  };
}

function subtitleFor(note: Note, lang: Lang, h1: string | undefined): string {
  const heading = (h1 ?? '').trim();
  const candidates = [otherTitle(note, lang), displayTitle(note, lang)].filter(Boolean);
  return candidates.find((t) => t !== heading && !heading.includes(t)) ?? '';
}

/**
 * The `show` message for a view, checked with the webview's own parser: a view the page would refuse (over
 * LIMITS, say) becomes an error view with `whyNot`'s text, since a refused message leaves the page on "Loading…".
 */
export function showMessage(
  view: NoteView,
  nav: { canGoBack: boolean; canGoForward: boolean },
  scroll: ScrollTarget,
  whyNot: (view: NoteView) => string,
): HostMessage {
  const message: HostMessage = { type: 'show', view, ...nav, scroll };
  if (parseHostMessage(message)) return message;
  const id = view.id.replace(/[\u0000-\u001f]/g, '?').slice(0, 512) || '?';
  return { ...message, view: { ...missingNoteView(id, whyNot(view)), title: view.title.slice(0, 1000) } };
}
