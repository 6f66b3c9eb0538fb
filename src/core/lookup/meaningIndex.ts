import MiniSearch, { type SearchResult } from 'minisearch';
import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import type { Note } from '../types';
import { toSimplified } from './simplified';
import { isFillerTerm, proseOf, textTerms } from './textTerms';

/**
 * Retrieval by meaning: what a note says, not only what it is called. One MiniSearch document per note, with
 * weighted fields scored by BM25 (MiniSearch's BM25+), terms from textTerms (character bigrams for Chinese, stemmed
 * words for English) and traditional Chinese folded to simplified in the query. See the README, "How search ranks".
 */

/** The fields of a note that retrieval reads, in the order a hit names the one that matched. */
export const MEANING_FIELDS = ['title', 'alias', 'code', 'summary', 'facet', 'heading', 'body'] as const;
export type MeaningField = (typeof MEANING_FIELDS)[number];

/** Field weights (BM25 scores per field are multiplied by these). Tuned on query set A only. */
export const MEANING_BOOST: Record<MeaningField, number> = { title: 4, alias: 3, code: 1.5, summary: 4, facet: 1.5, heading: 1.5, body: 1 };
/** Weight of a question or filler term (怎么办, what, how): it may help a note rank, it never has to match. */
export const FILLER_WEIGHT = 0.15;

export interface MeaningHit {
  note: Note;
  /** BM25 score, larger is better. */
  score: number;
  /** Score relative to the best hit of the query (1 for the best). */
  relative: number;
  /** Weighted share of the query's content terms (known to the index) that this note holds. */
  coverage: number;
  /** The strongest field that matched. */
  field: MeaningField;
  /** The note terms that matched (stems and bigrams). */
  terms: string[];
}

export interface MeaningIndex {
  readonly search: (query: string, options?: { limit?: number; topicId?: string }) => MeaningHit[];
  readonly docCount: number;
  readonly buildMs: number;
}

export interface Doc {
  id: number;
  title: string;
  alias: string;
  code: string;
  summary: string;
  facet: string;
  heading: string;
  body: string;
}

/** Body text indexed per note at most (a 1 MB note must not cost a second of indexing). */
const MAX_BODY = 20_000;

/** The document a note is in the meaning index (exported for scripts/compare-search-libs.mjs). */
export function docOf(note: Note, id: number): Doc {
  return {
    id,
    title: `${note.title} ${note.titleEn}`,
    alias: note.aliases.join(' \n '),
    code: [...note.code, ...note.facets.flatMap((f) => [f.name, ...f.code])].join(' \n '),
    summary: `${note.summary} \n ${note.summaryEn}`,
    facet: note.facets.map((f) => `${f.gloss} \n ${f.glossEn}`).join(' \n '),
    heading: note.headings.map((h) => h.text).join(' \n '),
    body: proseOf(note.body.length > MAX_BODY ? note.body.slice(0, MAX_BODY) : note.body),
  };
}

/** Query terms, each once, with whether it is filler. */
export function queryTerms(query: string): { term: string; filler: boolean }[] {
  const seen = new Set<string>();
  const out: { term: string; filler: boolean }[] = [];
  for (const term of textTerms(toSimplified(query), { query: true })) {
    if (seen.has(term)) continue;
    seen.add(term);
    out.push({ term, filler: isFillerTerm(term) });
  }
  return out;
}

export interface MeaningIndexOptions {
  /** Overrides MEANING_BOOST (for measuring it). */
  boost?: Partial<Record<MeaningField, number>>;
  /** BM25 parameters (MiniSearch's defaults: k 1.2, b 0.7, d 0.5). */
  bm25?: { k: number; b: number; d: number };
}

/** Builds a meaning index in slices, so a host can spread the work over idle time instead of blocking on it. */
export interface MeaningIndexBuilder {
  /** Indexes notes for about `budgetMs`; true once every note is in. */
  step(budgetMs: number): boolean;
  /** Indexes what is left and returns the index (the same one on every call). */
  finish(): MeaningIndex;
  /** Share of the notes indexed so far, 0…1. */
  readonly progress: number;
}

export function buildMeaningIndex(snapshot: KnowledgeBaseSnapshot, options: MeaningIndexOptions = {}): MeaningIndex {
  return startMeaningIndex(snapshot, options).finish();
}

export function startMeaningIndex(snapshot: KnowledgeBaseSnapshot, options: MeaningIndexOptions = {}): MeaningIndexBuilder {
  const boost = { ...MEANING_BOOST, ...options.boost };
  let spent = 0;
  const t0 = performance.now();
  const notes = [...snapshot.notes.values()].filter((n) => !n.error).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Document frequency of every term, counted while MiniSearch tokenizes (it reads one document at a time).
  const df = new Map<string, number>();
  const lastDoc = new Map<string, number>();
  let current = -1;
  const mini = new MiniSearch<Doc>({
    fields: [...MEANING_FIELDS],
    idField: 'id',
    // Each field gives each of its terms once (binary term frequency): MiniSearch's cost is per occurrence, and a
    // long body repeats its words; measured on the query sets, repeats did not help the ranking (see the README).
    tokenize: (text) => {
      const terms = [...new Set(textTerms(text))];
      for (const t of terms) {
        if (lastDoc.get(t) === current) continue;
        lastDoc.set(t, current);
        df.set(t, (df.get(t) ?? 0) + 1);
      }
      return terms;
    },
    processTerm: (term) => term,
  });
  spent += performance.now() - t0;
  let next = 0;
  let built: MeaningIndex | undefined;
  const step = (budgetMs: number): boolean => {
    const started = performance.now();
    while (next < notes.length) {
      current = next;
      mini.add(docOf(notes[next], next));
      next++;
      if (performance.now() - started >= budgetMs) break;
    }
    spent += performance.now() - started;
    return next >= notes.length;
  };
  const finish = (): MeaningIndex => {
    if (built) return built;
    step(Infinity);
    built = complete();
    return built;
  };
  return {
    step,
    finish,
    get progress() {
      return notes.length ? next / notes.length : 1;
    },
  };

  function complete(): MeaningIndex {
    const started = performance.now();
    lastDoc.clear();
    const sorted = [...df.keys()].sort();
    // A word being typed (no note holds it whole) counts as a common term.
    const idf = (term: string) => Math.log(1 + notes.length / (df.get(term) ?? Math.max(1, notes.length / 10)));
    const startsSome = (prefix: string) => {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid] < prefix) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo].startsWith(prefix);
    };
    const buildMs = spent + performance.now() - started;

    const search = (query: string, opts: { limit?: number; topicId?: string } = {}): MeaningHit[] => {
      const terms = queryTerms(query);
      // Terms no note holds (a bigram across two words, a typo) neither help nor count against coverage.
      const last = terms[terms.length - 1];
      // The word being typed: `regulari` finds regularization (only a Latin word of three letters or more).
      const typing = last && /^[a-z]{3,}$/.test(last.term) && !/\s$/.test(query) ? last.term : undefined;
      const known = terms.filter((t) => df.has(t.term) || (t.term === typing && startsSome(t.term)));
      if (!known.length || known.every((t) => t.filler)) return [];
      const weight = new Map(known.map((t) => [t.term, t.filler ? FILLER_WEIGHT : 1]));
      // Coverage counts a rare term for more than a common one: "positive" says more than "model".
      const informative = new Map(known.map((t) => [t.term, (weight.get(t.term) ?? 1) * idf(t.term)]));
      const total = known.reduce((s, t) => s + (informative.get(t.term) ?? 0), 0);
      const results: SearchResult[] = mini.search(known.map((t) => t.term).join(' '), {
        tokenize: (text) => text.split(' '),
        processTerm: (t) => t,
        boost,
        ...(options.bm25 ? { bm25: options.bm25 } : {}),
        boostTerm: (term) => weight.get(term) ?? 1,
        prefix: (term) => term === typing,
        combineWith: 'OR',
      });
      if (!results.length) return [];
      const limit = opts.limit ?? 50;
      const top = results[0].score;
      const hits: MeaningHit[] = [];
      for (const r of results) {
        const note = notes[r.id as number];
        if (opts.topicId && note.topicId !== opts.topicId && !note.topicId.startsWith(`${opts.topicId}/`)) continue;
        let covered = 0;
        for (const q of r.queryTerms) covered += informative.get(q) ?? 0;
        let field: MeaningField = 'body';
        let fieldRank: number = MEANING_FIELDS.length;
        for (const fields of Object.values(r.match)) {
          for (const f of fields) {
            const k = MEANING_FIELDS.indexOf(f as MeaningField);
            if (k >= 0 && k < fieldRank) {
              fieldRank = k;
              field = f as MeaningField;
            }
          }
        }
        hits.push({ note, score: r.score, relative: r.score / top, coverage: total ? covered / total : 0, field, terms: r.terms });
        if (hits.length >= limit) break;
      }
      return hits;
    };

    return { search, docCount: mini.documentCount, buildMs };
  }
}
