import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import { plainLine } from './plainText';
import type { Note } from '../types';
import { capQuery } from './searchConcepts';

/** Anything with `isCancellationRequested` (vscode.CancellationToken fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

export interface FullTextIndex {
  readonly notes: readonly { note: Note; folded: string[]; raw: string[] }[];
}

export interface LineMatch {
  note: Note;
  /** 0-based line in the note's file. */
  line: number;
  /** The matching line as plain text (no Markdown or TeX source), shortened around the match. */
  text: string;
  /** Whether the line holds the query as one phrase (not only all of its words). */
  phrase: boolean;
}

export interface FullTextOptions {
  /** Default 200. */
  limit?: number;
  /** At most this many lines per note (default 5), so one long note does not fill the list. */
  perNote?: number;
  token?: Cancellation;
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Body lines of every note, case-folded once so a search is plain `indexOf`. */
export function buildFullTextIndex(snapshot: KnowledgeBaseSnapshot): FullTextIndex {
  const notes = [...snapshot.notes.values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((note) => {
      const raw = note.body.split(/\r?\n/);
      return { note, raw, folded: raw.map(fold) };
    });
  return { notes };
}

const MAX_TEXT = 160;
/** Characters kept before the match when the line is cut, so the match shows near the start of the row. */
const CONTEXT = 30;

/** The line as a reader sees it (no Markdown or TeX source), cut around the first place `term` shows. */
function displayLine(raw: string, term: string): string {
  const text = plainLine(raw);
  const pos = Math.max(0, fold(text).indexOf(term));
  const from = pos > CONTEXT + 10 ? pos - CONTEXT : 0;
  const to = Math.min(text.length, from + MAX_TEXT);
  return (from > 0 ? '…' : '') + text.slice(from, to) + (to < text.length ? '…' : '');
}

/**
 * Lines of note bodies containing every word of the query (case-insensitive, full-width folded), lines with
 * the whole query as a phrase first; only its first MAX_QUERY_LENGTH characters count. Returns [] when cancelled.
 */
export function searchFullText(index: FullTextIndex, query: string, options: FullTextOptions = {}): LineMatch[] {
  const phrase = fold(capQuery(query)).trim().replace(/\s+/g, ' ');
  const terms = [...new Set(phrase.split(' ').filter((t) => t))];
  if (!terms.length) return [];
  const limit = options.limit ?? 200;
  const perNote = options.perNote ?? 5;
  const phraseHits: LineMatch[] = [];
  const termHits: LineMatch[] = [];
  for (const { note, folded, raw } of index.notes) {
    if (options.token?.isCancellationRequested) return [];
    let inNote = 0;
    for (let i = 0; i < folded.length && inNote < perNote; i++) {
      const line = folded[i];
      const at = line.indexOf(terms[0]);
      if (at < 0 || !terms.every((t) => line.includes(t))) continue;
      const p = terms.length === 1 || line.includes(phrase);
      if (!raw[i].trim()) continue;
      (p ? phraseHits : termHits).push({ note, line: note.bodyLine + i, text: displayLine(raw[i], p ? phrase : terms[0]), phrase: p });
      inNote++;
    }
    if (phraseHits.length >= limit) break;
  }
  return [...phraseHits, ...termHits].slice(0, limit);
}
