import { displaySummary, type Lang } from '../types';
import { plainLine } from './plainText';
import type { LookupMatch } from './searchConcepts';

const MAX_SNIPPET = 160;
const LEAD = 30;

/** Whether a line holds a retrieval term: a Han bigram as it is, a stem as the start of a word. */
function holds(folded: string, term: string): number {
  if (/[^\x00-\x7f]/.test(term)) return folded.indexOf(term);
  const m = new RegExp(`(?:^|[^a-z0-9])${term.replace(/[^a-z0-9]/g, '')}`).exec(folded);
  return m ? m.index + (m[0].length - term.length) : -1;
}

/**
 * A clean one-line excerpt for a search result (no Markdown or TeX source): for a match by meaning in a note's body,
 * the first line holding most of the matched terms, cut around them; otherwise the note's summary.
 */
export function matchSnippet(match: LookupMatch, lang: Lang): string {
  const { note } = match.item;
  const terms = match.meaning?.terms ?? [];
  if (match.meaning && (match.meaning.field === 'body' || match.meaning.field === 'facet') && terms.length) {
    let best: { text: string; at: number; count: number } | undefined;
    for (const raw of note.body.split(/\r?\n/)) {
      if (!raw.trim() || /^\s*(```|~~~|\$\$)/.test(raw)) continue;
      const text = plainLine(raw);
      const folded = text.toLowerCase();
      let count = 0;
      let at = -1;
      for (const t of terms) {
        const i = holds(folded, t);
        if (i >= 0) {
          count++;
          if (at < 0 || i < at) at = i;
        }
      }
      if (count && (!best || count > best.count)) best = { text, at, count };
      if (best && best.count === terms.length) break;
    }
    if (best) {
      const from = best.at > LEAD + 10 ? best.at - LEAD : 0;
      const to = Math.min(best.text.length, from + MAX_SNIPPET);
      return (from > 0 ? '…' : '') + best.text.slice(from, to) + (to < best.text.length ? '…' : '');
    }
  }
  const text = plainLine(displaySummary(note, lang));
  return text.length > MAX_SNIPPET ? `${text.slice(0, MAX_SNIPPET - 1)}…` : text;
}
