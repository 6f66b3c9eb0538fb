import Fuse from 'fuse.js';
import { bigramsOf, type FuseDoc, type LookupIndex, type LookupItem, type NameEntry, type NameField } from './lookupIndex';
import { compactText, hasHan, normalizeText, queryWords } from './normalize';
import { pinyinForms } from './pinyin';

/** How a match was found, strongest first. */
export type MatchTier = 'exact' | 'prefix' | 'homophone' | 'words' | 'substring' | 'fuzzy';

export interface LookupMatch {
  item: LookupItem;
  /** Index of the item in `index.items`. */
  itemIndex: number;
  /** 0 (perfect) … 1; results come sorted by it. */
  score: number;
  tier: MatchTier;
  field: NameField | 'summary';
  /** The name (or, for fuzzy hits, the normalised string) that matched. */
  matched: string;
}

export interface SearchOptions {
  /** Default 50. */
  limit?: number;
  /** Only notes (and headings of notes) in this topic or below it. */
  topicId?: string;
}

/**
 * Score bands, lower is better. Exact names beat prefixes beat homophones (a Chinese query whose pinyin
 * spells a name) beat partial words beat Chinese substrings beat fuzzy (Fuse) hits; inside a band, the
 * field and how much of the name the query covers decide.
 */
const BAND: Record<MatchTier, number> = { exact: 0, prefix: 0.1, homophone: 0.17, words: 0.2, substring: 0.24, fuzzy: 0.35 };
const FIELD_PENALTY: Record<NameField | 'summary', number> = {
  title: 0,
  alias: 0.004,
  code: 0.02,
  heading: 0.03,
  pinyin: 0.035,
  initials: 0.06,
  summary: 0.1,
};
const FIELD_ORDER: Record<NameField | 'summary', number> = { title: 0, alias: 1, code: 2, heading: 3, pinyin: 4, initials: 5, summary: 6 };
/** Bonus per doubling of a note's inbound `related` links, for non-exact matches, and its cap. */
const IMPORTANCE = 0.006;
const IMPORTANCE_CAP = 0.02;
/** Headings rank below notes that match as well, and below their own note whenever it matches at all. */
const HEADING_PENALTY = 0.05;
const FUSE_KEY_FIELD: Record<string, NameField | 'summary'> = { t: 'title', a: 'alias', p: 'pinyin', c: 'code', h: 'heading', s: 'summary' };

/** Up to this many items, Fuse scans them all; above it, Fuse sees only the items preselected by bigrams. */
export const FUSE_FULL_SCAN_ITEMS = 5000;
/** How many items the bigram preselection hands to Fuse in a large knowledge base. */
export const FUSE_CANDIDATES = 400;
/** The most names a prefix or word range is walked for (one-letter queries on 10,000 notes). */
const RANGE_CAP = 20000;

interface Best {
  score: number;
  tier: MatchTier;
  field: NameField | 'summary';
  matched: string;
  length: number;
}

function fieldPenalty(n: NameEntry): number {
  return FIELD_PENALTY[n.field] + Math.min(n.rank, 20) * 0.0005;
}

/**
 * Fewest edits (insert, delete, substitute, swap two neighbours) turning `p` into some substring of `t`:
 * `epcoh` → "epoch" is 1, `atention` in "self attention" is 1.
 */
export function substringDistance(p: readonly string[], t: readonly string[]): number {
  const m = p.length;
  const n = t.length;
  if (m === 0) return 0;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1).fill(0);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      let d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (p[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && p[i - 1] === t[j - 2] && p[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  let best = m;
  for (let j = 0; j <= n; j++) best = Math.min(best, prev[j]);
  return best;
}

function lowerBound(n: number, less: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (less(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function inTopic(item: LookupItem, topicId: string | undefined): boolean {
  if (!topicId) return true;
  const t = item.note.topicId;
  return t === topicId || t.startsWith(`${topicId}/`);
}

const scratch = new WeakMap<LookupIndex, Float64Array>();

/** Items sharing the most (IDF-weighted) unordered bigrams with the query: Fuse's candidates in a large base. */
function preselect(index: LookupIndex, compact: string, limit: number): number[] {
  const grams = new Set<string>();
  bigramsOf(compact, grams);
  const n = index.items.length;
  let acc = scratch.get(index);
  if (!acc) {
    acc = new Float64Array(n);
    scratch.set(index, acc);
  }
  const touched: number[] = [];
  for (const g of grams) {
    const list = index.bigrams.get(g);
    if (!list) continue;
    const idf = Math.log(1 + n / list.length);
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (acc[i] === 0) touched.push(i);
      acc[i] += idf;
    }
  }
  // A size-`limit` min-heap on acc keeps the best candidates without sorting everything touched.
  const heap: number[] = [];
  const worse = (a: number, b: number) => acc![a] < acc![b] || (acc![a] === acc![b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l], heap[m])) m = l;
      if (r < heap.length && worse(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (const i of touched) {
    if (heap.length < limit) {
      heap.push(i);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!worse(heap[c], heap[p])) break;
        [heap[c], heap[p]] = [heap[p], heap[c]];
        c = p;
      }
    } else if (worse(heap[0], i)) {
      heap[0] = i;
      down(0);
    }
  }
  for (const i of touched) acc[i] = 0;
  return heap.sort((a, b) => a - b);
}

function fuseFor(index: LookupIndex, compact: string): Fuse<FuseDoc> {
  const k = Number(process.env.K || FUSE_CANDIDATES);
  if (index.items.length <= k) return index.fuse;
  const picked = preselect(index, compact, k);
  const records = picked.map((i) => index.fuseIndex.records[i]);
  const sub = Fuse.parseIndex<FuseDoc>({ keys: index.fuseIndex.keys, records });
  return new Fuse(index.docs as FuseDoc[], index.fuseOptions, sub);
}

/**
 * Finds notes and headings for what the user typed: Chinese, English, abbreviations, pinyin (full or
 * initials), code names, partial words and typos. Cheap enough to run on every keystroke: all note text
 * was normalised and converted to pinyin when the index was built.
 */
export function searchConcepts(index: LookupIndex, query: string, options: SearchOptions = {}): LookupMatch[] {
  const limit = options.limit ?? 50;
  const norm = normalizeText(query);
  const compact = norm.replace(/ /g, '');
  if (!compact || limit <= 0) return [];
  const { names, items } = index;
  const best = new Map<number, Best>();

  const offer = (item: number, score: number, tier: MatchTier, field: NameField | 'summary', matched: string, length: number) => {
    if (options.topicId && !inTopic(items[item], options.topicId)) return;
    // Partial matches lean towards the notes others relate to: `注意力` → self-attention before "注意力头".
    if (tier !== 'exact') score -= Math.min(IMPORTANCE_CAP, IMPORTANCE * Math.log2(1 + (index.inbound[items[item].note.id] ?? 0)));
    const b = best.get(item);
    if (!b || score < b.score || (score === b.score && length < b.length)) best.set(item, { score, tier, field, matched, length });
  };
  const coverage = (len: number) => 1 - Math.min(1, compact.length / Math.max(1, len));

  // Exact names.
  for (const id of index.exact.get(compact) ?? []) {
    const n = names[id];
    offer(n.item, BAND.exact + fieldPenalty(n), 'exact', n.field, n.text, n.compact.length);
  }

  // Names starting with the query.
  const start = lowerBound(index.byCompact.length, (i) => names[index.byCompact[i]].compact < compact);
  for (let k = start, walked = 0; k < index.byCompact.length && walked < RANGE_CAP; k++, walked++) {
    const n = names[index.byCompact[k]];
    if (!n.compact.startsWith(compact)) break;
    if (n.compact.length === compact.length) continue;
    offer(n.item, BAND.prefix + 0.06 * coverage(n.compact.length) + fieldPenalty(n), 'prefix', n.field, n.text, n.compact.length);
  }

  // A Chinese query written with a homophone (交叉商 → jiaochashang).
  if (hasHan(compact)) {
    const py = pinyinForms(compact);
    for (const id of py ? index.exact.get(py.full) ?? [] : []) {
      const n = names[id];
      if (n.field === 'pinyin') offer(n.item, BAND.homophone + fieldPenalty(n), 'homophone', n.field, n.text, n.compact.length);
    }
  }

  // Every query word starts a word of the name: `posit enc`, `grad clip`, `entropy` in "cross entropy".
  const words = queryWords(query);
  if (compact.length >= 2 && words.length > 0 && words.length <= 12) {
    let hits: Map<number, number> | undefined;
    for (const w of words) {
      const found = new Map<number, number>();
      const first = lowerBound(index.words.length, (i) => index.words[i] < w);
      for (let k = first, walked = 0; k < index.words.length && walked < RANGE_CAP; k++, walked++) {
        if (!index.words[k].startsWith(w)) break;
        const id = index.wordName[k];
        if (!hits || hits.has(id)) found.set(id, (hits?.get(id) ?? 0) + w.length);
      }
      hits = found;
      if (hits.size === 0) break;
    }
    for (const [id, matchedChars] of hits ?? []) {
      const n = names[id];
      const ratio = 1 - Math.min(1, matchedChars / n.compact.length);
      offer(n.item, BAND.words + 0.06 * ratio + fieldPenalty(n), 'words', n.field, n.text, n.compact.length);
    }
  }

  // Chinese substrings: 编码 in 位置编码, 熵 in 交叉熵.
  if (hasHan(compact)) {
    const chars = [...new Set(compact.match(/\p{Script=Han}/gu) ?? [])];
    const lists = chars.map((c) => index.hanChars.get(c));
    if (lists.every((l) => l)) {
      const shortest = lists.reduce((a, b) => (a!.length <= b!.length ? a : b))!;
      for (const id of shortest) {
        const n = names[id];
        if (n.compact.length > compact.length && n.compact.includes(compact)) {
          offer(n.item, BAND.substring + 0.06 * coverage(n.compact.length) + fieldPenalty(n), 'substring', n.field, n.text, n.compact.length);
        }
      }
    }
  }

  // Typos and everything else: Fuse with weighted keys.
  if (compact.length >= 3) {
    const fuse = fuseFor(index, compact);
    const qChars = [...norm];
    for (const r of fuse.search(norm, { limit: Math.max(limit, 50) })) {
      // Fuse multiplies the scores of every matching value, which favours items with many similar names.
      // Re-rank by the single best value: its key's weight, its edit distance to the query, and how much
      // of it the query covers ("learning rate" beats "learning rate schedules" for `lerning rate`).
      let best: { q: number; field: NameField | 'summary'; value: string } | undefined;
      for (const m of r.matches ?? []) {
        const v = m.value ?? '';
        const field = FUSE_KEY_FIELD[m.key ?? ''] ?? 'summary';
        if (!v) continue;
        const vChars = [...v];
        const errors = substringDistance(qChars, vChars);
        const q = FIELD_PENALTY[field] + 0.45 * (errors / qChars.length) + 0.1 * (1 - Math.min(1, qChars.length / vChars.length));
        if (!best || q < best.q) best = { q, field, value: v };
      }
      if (!best) continue;
      offer(r.refIndex, BAND.fuzzy + best.q + 0.15 * (r.score ?? 1), 'fuzzy', best.field, best.value, best.value.length);
    }
  }

  // Headings: below equally good notes, and below their own note when it matched too.
  for (const [i, b] of best) {
    const item = items[i];
    if (item.kind !== 'heading') continue;
    b.score += HEADING_PENALTY;
    const own = best.get(index.noteItem.get(item.note.id)!);
    if (own && own.score >= b.score) b.score = own.score + 0.001;
  }

  const ranked = [...best.entries()].sort(([ia, a], [ib, b]) => {
    if (a.score !== b.score) return a.score - b.score;
    const ka = items[ia].kind === 'note' ? 0 : 1;
    const kb = items[ib].kind === 'note' ? 0 : 1;
    if (ka !== kb) return ka - kb;
    if (FIELD_ORDER[a.field] !== FIELD_ORDER[b.field]) return FIELD_ORDER[a.field] - FIELD_ORDER[b.field];
    if (a.length !== b.length) return a.length - b.length;
    const ia2 = index.inbound[items[ia].note.id] ?? 0;
    const ib2 = index.inbound[items[ib].note.id] ?? 0;
    if (ia2 !== ib2) return ib2 - ia2;
    const na = items[ia].note.id;
    const nb = items[ib].note.id;
    if (na !== nb) return na < nb ? -1 : 1;
    return (items[ia].heading?.line ?? -1) - (items[ib].heading?.line ?? -1);
  });
  return ranked.slice(0, limit).map(([i, b]) => ({
    item: items[i],
    itemIndex: i,
    score: Math.min(1, Math.round(b.score * 10000) / 10000),
    tier: b.tier,
    field: b.field,
    matched: b.matched,
  }));
}

/** The names a note is known by, for display and the CLI: titles, then aliases, then code names, without repeats. */
export function noteNames(note: { title: string; titleEn: string; aliases: string[]; code: string[] }): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of [note.title, note.titleEn, ...note.aliases, ...note.code]) {
    const key = compactText(n);
    if (!n || seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}
