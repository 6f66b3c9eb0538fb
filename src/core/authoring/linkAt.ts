// The note link under a position of a line of Markdown: a `[[wiki link]]` or a relative `[text](path.md#heading)`.
import { parseWikiLink, resolveNoteLink } from '../noteLinks';

export interface LinkAt {
  id: string;
  /** The heading part as written (`#公式` → `公式`), when there is one. */
  heading?: string;
  /** Columns of the link on the line, end exclusive. */
  start: number;
  end: number;
}

const WIKI = /\[\[([^\]\n]+)\]\]/g;
const MD = /\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** The link covering `character` on `line` (of the note `fromId`), or undefined. */
export function linkAt(line: string, character: number, fromId: string): LinkAt | undefined {
  for (const m of line.matchAll(WIKI)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (character < start || character > end) continue;
    const link = parseWikiLink(m[1]);
    if (link) return { id: link.id, heading: link.heading || undefined, start, end };
  }
  for (const m of line.matchAll(MD)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (character < start || character > end) continue;
    const href = m[1];
    const id = resolveNoteLink(fromId, href);
    if (id === undefined) continue;
    const hash = href.indexOf('#');
    let heading: string | undefined;
    if (hash >= 0) {
      try {
        heading = decodeURIComponent(href.slice(hash + 1)) || undefined;
      } catch {
        heading = href.slice(hash + 1) || undefined;
      }
    }
    return { id, heading, start, end };
  }
  return undefined;
}
