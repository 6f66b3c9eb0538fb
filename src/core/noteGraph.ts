// The links between notes, read cheaply from the Markdown (no full parse): what a note links to, the trailing
// "Related" section most notes end with, and the backlinks of every note of a snapshot.
import type { Heading, Note } from './types';
import { resolveNoteLink, wikiLinksIn } from './noteLinks';

/** Headings of a note's closing list of related notes: 相关, 相关笔记, 参见, Related, See also… */
const RELATED_HEADING = /^(相关(笔记|概念|阅读|链接|内容)?|延伸阅读|参见|另见|related( notes| concepts| topics)?|see also)\s*[:：]?$/i;

/** The note's trailing related-notes heading (a level-2 heading, the last one of the note), or undefined. */
export function relatedSectionHeading(note: Pick<Note, 'headings'>): Heading | undefined {
  const h2 = (note.headings ?? []).filter((h) => h.level <= 2);
  const last = h2[h2.length - 1];
  return last && last.level === 2 && RELATED_HEADING.test(last.text.trim()) ? last : undefined;
}

/** The body without its trailing related section (which the preview shows as cards instead). */
export function bodyWithoutRelatedSection(note: Pick<Note, 'headings' | 'body' | 'bodyLine'>): string {
  const h = relatedSectionHeading(note);
  if (!h) return note.body;
  const cut = h.line - note.bodyLine;
  if (cut <= 0) return note.body;
  return note.body.split('\n').slice(0, cut).join('\n').replace(/\s+$/, '\n');
}

const MD_LINK = /\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Ids a piece of a note's Markdown links to (relative `.md` links and `[[wiki]]` links), in order, once each. */
export function linkedIds(fromId: string, markdown: string): string[] {
  const out = new Set<string>();
  for (const m of markdown.matchAll(MD_LINK)) {
    const id = resolveNoteLink(fromId, m[1]);
    if (id !== undefined && id !== fromId) out.add(id);
  }
  for (const link of wikiLinksIn(markdown)) if (link.id !== fromId) out.add(link.id);
  return [...out];
}

/** The notes a note calls related: its trailing section's links first (the author's order), then front matter `related`. */
export function relatedIds(note: Pick<Note, 'id' | 'headings' | 'body' | 'bodyLine' | 'related'>): string[] {
  const h = relatedSectionHeading(note);
  const section = h ? note.body.split('\n').slice(Math.max(0, h.line - note.bodyLine)).join('\n') : '';
  return [...new Set([...linkedIds(note.id, section), ...note.related])].filter((id) => id !== note.id);
}

const backlinksCache = new WeakMap<ReadonlyMap<string, Note>, Map<string, string[]>>();

/**
 * For every note, the ids of the notes that link to it (in the body or in `related`), computed once per snapshot's
 * note map. Only links to notes that exist are kept.
 */
export function backlinks(notes: ReadonlyMap<string, Note>): Map<string, string[]> {
  const cached = backlinksCache.get(notes);
  if (cached) return cached;
  const map = new Map<string, string[]>();
  for (const note of notes.values()) {
    if (note.error) continue;
    for (const id of new Set([...linkedIds(note.id, note.body), ...note.related])) {
      if (id === note.id || !notes.has(id)) continue;
      const list = map.get(id);
      if (list) list.push(note.id);
      else map.set(id, [note.id]);
    }
  }
  backlinksCache.set(notes, map);
  return map;
}
