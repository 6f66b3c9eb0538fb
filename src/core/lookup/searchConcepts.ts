import Fuse from 'fuse.js';
import { FIELD_ORDER as NAME_FIELD_ORDER, SHORT_PREFIX_BUCKET, bigramsOf, fuseRecord, type FuseDoc, type FuseKey, type LookupIndex, type LookupItem, type NameEntry, type NameField } from './lookupIndex';
import { compactText, hasHan, normalizeText, queryWords } from './normalize';
import { pinyinForms } from './pinyin';
import { startMeaningIndex, type MeaningField, type MeaningIndex, type MeaningIndexBuilder } from './meaningIndex';
import { contentWordCount } from './textTerms';

/** How a match was found, strongest first. */
export type MatchTier = 'exact' | 'prefix' | 'homophone' | 'words' | 'substring' | 'meaning' | 'combined' | 'fuzzy';

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
  /** For a match by meaning: the field of the note that answered, and the note terms that matched. */
  meaning?: { field: MeaningField; terms: string[] };
}

export interface SearchOptions {
  /** Default 50. */
  limit?: number;
  /** Only notes (and headings of notes) in this topic or below it. */
  topicId?: string;
  /** Set false to skip the fuzzy (Fuse) tier (the per-word searches of a multi-word query do). */
  fuzzy?: boolean;
  /** Set false to skip retrieval by meaning (descriptions and questions); names only. */
  meaning?: boolean;
}

/**
 * Score bands, lower is better. Exact names beat prefixes beat homophones (a Chinese query whose pinyin
 * spells a name) beat partial words beat Chinese substrings beat fuzzy (Fuse) hits; inside a band, the
 * field and how much of the name the query covers decide.
 */
const BAND: Record<MatchTier, number> = { exact: 0, prefix: 0.1, homophone: 0.17, words: 0.2, substring: 0.24, meaning: 0.27, combined: 0.3, fuzzy: 0.35 };
/**
 * The relevance floor of matches by meaning: a note must score this share of the best note's BM25 score and hold
 * this weighted share of the query's content terms, or it is dropped (the tail of notes sharing one common word).
 */
export const MEANING_MIN_RELATIVE = 0.3;
export const MEANING_MIN_COVERAGE = 0.15;
/** A note found by the words of a query one by one, with this score or worse (most words unanswered), is dropped. */
export const NAME_FALLBACK_MAX = 0.66;
/**
 * A query of at most this many content words reads as a name, typed or misspelt ("batch szie"): its matches by
 * meaning go below the close fuzzy name matches (SHORT_QUERY_SHIFT), where a description's stay above them.
 */
export const SHORT_QUERY_WORDS = 3;
/** The longest lone run of Han characters still read as a name (a typo in it is fuzzy-matched). */
export const NAME_HAN_MAX = 8;
const HAN_NAME = new RegExp(`^\\p{Script=Han}{2,${NAME_HAN_MAX}}$`, 'u');
const SHORT_QUERY_SHIFT = 0.18;
const FIELD_PENALTY: Record<NameField | 'summary', number> = {
  title: 0,
  alias: 0.004,
  code: 0.02,
  heading: 0.03,
  pinyin: 0.035,
  initials: 0.06,
  summary: 0.1,
};
/** Tie-break between equally scored results: the field that matched. */
const FIELD_ORDER: Record<NameField | 'summary', number> = { ...NAME_FIELD_ORDER, summary: 6 };
/** Bonus per doubling of a note's inbound `related` links, for non-exact matches, and its cap. */
const IMPORTANCE = 0.006;
const IMPORTANCE_CAP = 0.02;
/** No fuzzy match can score below this. */
const FUZZY_FLOOR = BAND.fuzzy - IMPORTANCE_CAP;
/** Headings rank below notes that match as well (and below their own note when it matched by a name; see the end of searchConcepts). */
const HEADING_PENALTY = 0.05;
const FUSE_KEY_FIELD: Record<FuseKey, NameField | 'summary'> = { t: 'title', a: 'alias', p: 'pinyin', c: 'code', h: 'heading', s: 'summary' };

/** The longest query (characters, spaces left out) the fuzzy tier reads. */
export const FUZZY_MAX_LENGTH = 20;
/** How many strings (names, headings, summaries) the bigram preselection hands to Fuse per keystroke. */
export const FUSE_CANDIDATES = 400;
/** How many of the items sharing one Fuse doc (a 直觉 heading in every note) a fuzzy hit is credited to. */
const SHARED_DOC_CAP = 200;
/** How many bigram postings the preselection walks at most (after the three rarest bigrams). */
const PRESELECT_POSTINGS = 60_000;
/** The most names a prefix or word range is walked for (one-letter queries on 10,000 notes). */
const RANGE_CAP = 20000;

/**
 * Queries are cut to this many characters (code points): no name or heading is that long, and every tier's cost
 * grows with the query (the edit distance of fuzzy hits, Fuse's bitap, a search per word when the whole query finds
 * nothing); a 10 kB paste took seconds per keystroke before the cut.
 */
export const MAX_QUERY_LENGTH = 200;
/** When a query finds nothing as a whole, at most this many of its words are looked up one by one. */
export const MAX_QUERY_WORDS = 8;

/** The query as searched: its first MAX_QUERY_LENGTH characters, never cutting a surrogate pair. */
export function capQuery(query: string): string {
  if (query.length <= MAX_QUERY_LENGTH) return query;
  let out = '';
  let n = 0;
  for (const ch of query) {
    if (n++ >= MAX_QUERY_LENGTH) break;
    out += ch;
  }
  return out;
}

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

const tokenMemo = new WeakMap<LookupIndex, Map<string, Map<number, number>>>();

/**
 * Items one word of a multi-word query finds (item → score), without fuzzy. Memoised per index: while a
 * query is typed, its earlier words are looked up again on every keystroke.
 */
function tokenHits(index: LookupIndex, token: string, topicId: string | undefined): Map<number, number> {
  let memo = tokenMemo.get(index);
  if (!memo) {
    memo = new Map();
    tokenMemo.set(index, memo);
  }
  const key = `${topicId ?? ''}\u0000${token}`;
  let hits = memo.get(key);
  if (!hits) {
    hits = new Map();
    for (const m of searchConcepts(index, token, { limit: 300, topicId, fuzzy: false, meaning: false })) hits.set(m.itemIndex, m.score);
    if (memo.size >= 256) memo.clear();
    memo.set(key, hits);
  }
  return hits;
}

/** The most preferred names (shortest, then by field) starting with a one- or two-character prefix; memoised. */
function shortPrefixNames(index: LookupIndex, prefix: string): Int32Array {
  let bucket = index.shortPrefix.get(prefix);
  if (!bucket) {
    const { sortedCompacts, names } = index;
    const ids: number[] = [];
    for (let k = lowerBound(sortedCompacts.length, (i) => sortedCompacts[i] < prefix); k < sortedCompacts.length; k++) {
      if (!sortedCompacts[k].startsWith(prefix)) break;
      for (const id of index.exact.get(sortedCompacts[k])!) ids.push(id);
    }
    const pref = (id: number) => names[id].compact.length * 8 + NAME_FIELD_ORDER[names[id].field];
    ids.sort((a, b) => pref(a) - pref(b) || a - b);
    bucket = Int32Array.from(ids.slice(0, SHORT_PREFIX_BUCKET));
    index.shortPrefix.set(prefix, bucket);
  }
  return bucket;
}

/** Name ids with a word starting with `prefix`, walking at most RANGE_CAP of them. */
function* wordRange(index: LookupIndex, prefix: string): Generator<number> {
  const { sortedWords } = index;
  let walked = 0;
  for (let k = lowerBound(sortedWords.length, (i) => sortedWords[i] < prefix); k < sortedWords.length && walked < RANGE_CAP; k++) {
    if (!sortedWords[k].startsWith(prefix)) return;
    for (const id of index.words.get(sortedWords[k])!) {
      yield id;
      walked++;
    }
  }
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

interface Scratch {
  acc: Float64Array;
  touched: Int32Array;
}
const scratchOf = new WeakMap<LookupIndex, Scratch>();

/**
 * The Fuse docs most likely to be within the threshold of the query: those sharing the most IDF-weighted
 * unordered bigrams with it, relative to their own length (a long summary shares some bigrams with anything).
 * Rare bigrams are counted first and common ones only while the walk stays under PRESELECT_POSTINGS: a typo
 * spoils two or three bigrams, the rare ones left still find the name.
 */
function preselect(index: LookupIndex, norm: string, limit: number): number[] {
  const n = index.docs.length;
  let scratch = scratchOf.get(index);
  if (!scratch) {
    scratch = { acc: new Float64Array(n), touched: new Int32Array(n) };
    scratchOf.set(index, scratch);
  }
  const { acc, touched } = scratch;
  const lists: Int32Array[] = [];
  for (const g of bigramsOf(norm, index.charCodes, false, new Set<number>())) {
    const list = index.bigrams.get(g);
    if (list) lists.push(list);
  }
  lists.sort((x, y) => x.length - y.length);
  let count = 0;
  let walked = 0;
  let total = 0;
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l];
    if (l >= 3 && walked + list.length > PRESELECT_POSTINGS) break;
    walked += list.length;
    const idf = Math.log(1 + n / list.length);
    total += idf;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (acc[i] === 0) touched[count++] = i;
      acc[i] += idf;
    }
  }
  const q = Math.max(1, lists.length);
  for (let t = 0; t < count; t++) {
    const i = touched[t];
    // Dice-like: shared weight over the larger of the two bigram counts, so a short name that holds the
    // query beats a paragraph that happens to contain its bigrams.
    acc[i] = acc[i] / total / Math.sqrt(Math.max(q, index.docGrams[i]) / q) + 1e-9;
  }
  // A size-`limit` min-heap keeps the best without sorting everything touched.
  const heap: number[] = [];
  const worse = (a: number, b: number) => acc![a] < acc![b] || (acc![a] === acc![b] && a > b);
  for (let t = 0; t < count; t++) {
    const i = touched[t];
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
      for (let c = 0; ; ) {
        const l = 2 * c + 1;
        const r = l + 1;
        let m = c;
        if (l < heap.length && worse(heap[l], heap[m])) m = l;
        if (r < heap.length && worse(heap[r], heap[m])) m = r;
        if (m === c) break;
        [heap[c], heap[m]] = [heap[m], heap[c]];
        c = m;
      }
    }
  }
  for (let t = 0; t < count; t++) acc[touched[t]] = 0;
  return heap.sort((a, b) => a - b);
}

/**
 * Finds notes and headings for what the user typed: Chinese, English, abbreviations, pinyin (full or
 * initials), code names, partial words and typos. Cheap enough to run on every keystroke: all note text
 * was normalised and converted to pinyin when the index was built.
 */
/**
 * Searches names; when a query of several words finds nothing as a whole ("GAN 训练不稳定"), it falls back to its
 * words one by one and ranks notes by how many of the words they answer, so a query never comes back empty only
 * because one of its words names nothing. Only the first MAX_QUERY_LENGTH characters (and, word by word, the first
 * MAX_QUERY_WORDS words) are searched, so the cost of a keystroke stays bounded whatever was pasted.
 */
export function searchConcepts(index: LookupIndex, rawQuery: string, options: SearchOptions = {}): LookupMatch[] {
  const query = capQuery(rawQuery);
  if (options.meaning === false) return searchNames(index, query, options);
  // ICU cuts a mistyped Chinese name into more words than it has (卷积神经网路 → 卷积 神经 网 路): a lone Han run of up to
  // NAME_HAN_MAX characters is read as a name.
  const short = contentWordCount(query) <= SHORT_QUERY_WORDS || HAN_NAME.test(query.trim());
  // A description is the meaning index's to answer: its names are looked up without the (costly) fuzzy tiers.
  const names = searchNames(index, query, short ? options : { ...options, fuzzy: false });
  return mergeMeaning(names, searchMeaning(index, query, options, short), options.limit ?? 50);
}

const meaningBuilders = new WeakMap<LookupIndex, MeaningIndexBuilder>();

function builderOf(index: LookupIndex): MeaningIndexBuilder {
  let b = meaningBuilders.get(index);
  if (!b) {
    b = startMeaningIndex(index.snapshot);
    meaningBuilders.set(index, b);
  }
  return b;
}

/** The meaning index of a lookup index, built on first use (what warmMeaningIndex has not built yet, at once). */
export function meaningIndexOf(index: LookupIndex): MeaningIndex {
  return builderOf(index).finish();
}

/**
 * Builds the meaning index of `index` ahead of use, about `budgetMs` at a time: a host calls it from idle callbacks
 * until it returns true, so a large knowledge base never blocks typing for the whole build.
 */
export function warmMeaningIndex(index: LookupIndex, budgetMs: number): boolean {
  const b = builderOf(index);
  if (!b.step(budgetMs)) return false;
  b.finish();
  return true;
}

/** Notes matching a description or question, as LookupMatches in the meaning band, above the relevance floor. */
function searchMeaning(index: LookupIndex, query: string, options: SearchOptions, short: boolean): LookupMatch[] {
  if (compactText(query).length < 2) return [];
  const out: LookupMatch[] = [];
  const shift = short ? SHORT_QUERY_SHIFT : 0;
  for (const hit of meaningIndexOf(index).search(query, { limit: options.limit ?? 50, topicId: options.topicId })) {
    if (hit.relative < MEANING_MIN_RELATIVE || hit.coverage < MEANING_MIN_COVERAGE) continue;
    const itemIndex = index.noteItem.get(hit.note.id);
    if (itemIndex === undefined) continue;
    // Inside the band: how close to the best BM25 score (2 parts) and how much of the query the note holds (5 parts).
    const score = BAND.meaning + shift + 0.1 * ((2 * (1 - hit.relative) + 5 * (1 - hit.coverage)) / 7);
    out.push({
      item: index.items[itemIndex],
      itemIndex,
      score: Math.round(score * 10000) / 10000,
      tier: 'meaning',
      field: hit.field === 'title' ? 'title' : hit.field === 'alias' ? 'alias' : hit.field === 'code' ? 'code' : 'summary',
      matched: hit.note.title,
      meaning: { field: hit.field, terms: hit.terms },
    });
  }
  return out;
}

/** One ranking: a note found both ways keeps its better score; name matches keep their order among themselves. */
function mergeMeaning(names: LookupMatch[], meaning: LookupMatch[], limit: number): LookupMatch[] {
  if (!meaning.length) return names;
  const byItem = new Map<number, LookupMatch>();
  for (const m of names) byItem.set(m.itemIndex, m);
  for (const m of meaning) {
    const prev = byItem.get(m.itemIndex);
    if (!prev) byItem.set(m.itemIndex, m);
    else if (m.score < prev.score) byItem.set(m.itemIndex, { ...m, score: m.score });
  }
  return [...byItem.values()].sort((a, b) => a.score - b.score || a.itemIndex - b.itemIndex).slice(0, limit);
}

/** Names only: the whole query, else its words one by one. */
function searchNames(index: LookupIndex, query: string, options: SearchOptions): LookupMatch[] {
  const whole = searchWholeQuery(index, query, options);
  if (whole.length > 0) return whole;
  const words = [...new Set(query.split(/\s+/).filter(Boolean))].slice(0, MAX_QUERY_WORDS);
  if (words.length < 2) return whole;
  const limit = options.limit ?? 50;
  const best = new Map<string, { match: LookupMatch; words: number }>();
  for (const word of words) {
    const seen = new Set<string>();
    for (const m of searchWholeQuery(index, word, { ...options, limit: 20 })) {
      const key = m.item.kind === 'note' ? m.item.note.id : `${m.item.note.id}#${m.item.heading?.slug}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const prev = best.get(key);
      if (!prev) best.set(key, { match: m, words: 1 });
      else best.set(key, { match: m.score < prev.match.score ? m : prev.match, words: prev.words + 1 });
    }
  }
  // Every word that went unanswered costs a band, so partial answers rank below whole ones everywhere they mix;
  // past NAME_FALLBACK_MAX (most words unanswered) a note is no answer at all.
  return [...best.values()]
    .map(({ match, words: hit }) => ({ ...match, score: Math.min(1, match.score + 0.3 * (words.length - hit)) }))
    .filter((m) => m.score < NAME_FALLBACK_MAX)
    .sort((a, b) => a.score - b.score || a.itemIndex - b.itemIndex)
    .slice(0, limit);
}

function searchWholeQuery(index: LookupIndex, query: string, options: SearchOptions = {}): LookupMatch[] {
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
    if (items[item].kind === 'heading') score += HEADING_PENALTY;
    const b = best.get(item);
    if (!b || score < b.score || (score === b.score && length < b.length)) best.set(item, { score, tier, field, matched, length });
  };
  const coverage = (len: number) => 1 - Math.min(1, compact.length / Math.max(1, len));

  // Exact names.
  for (const id of index.exact.get(compact) ?? []) {
    const n = names[id];
    offer(n.item, BAND.exact + fieldPenalty(n), 'exact', n.field, n.text, n.compact.length);
  }

  // Names starting with the query: one- and two-letter queries from the precomputed buckets of shortest names.
  const prefixHit = (id: number) => {
    const n = names[id];
    if (n.compact.length > compact.length) {
      offer(n.item, BAND.prefix + 0.06 * coverage(n.compact.length) + fieldPenalty(n), 'prefix', n.field, n.text, n.compact.length);
    }
  };
  if (compact.length <= 2) {
    for (const id of shortPrefixNames(index, compact)) prefixHit(id);
  } else {
    const { sortedCompacts } = index;
    let walked = 0;
    for (let k = lowerBound(sortedCompacts.length, (i) => sortedCompacts[i] < compact); k < sortedCompacts.length && walked < RANGE_CAP; k++) {
      if (!sortedCompacts[k].startsWith(compact)) break;
      for (const id of index.exact.get(sortedCompacts[k])!) {
        prefixHit(id);
        walked++;
      }
    }
  }

  // A dotted code name whose module path differs from the note's: torch.nn.functional.kl_div → kl_div.
  const lastDot = query.lastIndexOf('.');
  if (lastDot > 0) {
    const last = compactText(query.slice(lastDot + 1));
    for (const id of last.length >= 2 && last !== compact ? index.exact.get(last) ?? [] : []) {
      const n = names[id];
      if (n.field === 'code' || n.field === 'alias') offer(n.item, BAND.exact + 0.05 + fieldPenalty(n), 'exact', n.field, n.text, n.compact.length);
    }
  }

  // A Chinese query written with a homophone (交叉商 → jiaochashang).
  if (hasHan(compact)) {
    const py = pinyinForms(compact);
    for (const id of py ? index.exact.get(py.full) ?? [] : []) {
      const n = names[id];
      if (n.field === 'pinyin') offer(n.item, BAND.homophone + fieldPenalty(n), 'homophone', n.field, n.text, n.compact.length);
    }
  }

  // Every query word starts a different word of one name: `posit enc`, `grad clip`, `entropy` in "cross entropy".
  // Candidates come from the longest query word; the other words are checked against each candidate's words.
  const qWords = queryWords(query);
  // (One- and two-letter queries are left to the prefix buckets: every word of 10,000 notes starts somewhere.)
  if (compact.length >= 3 && qWords.length > 0 && qWords.length <= 12) {
    const lead = qWords.reduce((x, y) => (y.length > x.length ? y : x));
    const candidates = wordRange(index, lead);
    const matched = qWords.reduce((n, w) => n + w.length, 0);
    const seenName = new Set<number>();
    for (const id of candidates) {
      if (seenName.has(id)) continue;
      seenName.add(id);
      const ws = index.nameWords[id] ?? [];
      const used = new Set<number>();
      const ok = qWords.every((w) => {
        const at = ws.findIndex((x, i) => !used.has(i) && x.startsWith(w));
        if (at < 0) return false;
        used.add(at);
        return true;
      });
      if (!ok) continue;
      const n = names[id];
      const ratio = 1 - Math.min(1, matched / n.compact.length);
      offer(n.item, BAND.words + 0.06 * ratio + fieldPenalty(n), 'words', n.field, n.text, n.compact.length);
    }
  }

  // Chinese substrings: 编码 in 位置编码, 熵 in 交叉熵.
  if (hasHan(compact)) {
    const chars = [...new Set(compact.match(/\p{Script=Han}/gu) ?? [])];
    const lists = chars.map((c) => index.hanChars.get(c));
    if (lists.every((l) => l)) {
      const shortest = lists.reduce((x, y) => (x!.length <= y!.length ? x : y))!;
      for (let k = 0; k < shortest.length && k < RANGE_CAP; k++) {
        const n = names[shortest[k]];
        if (n.compact.length > compact.length && n.compact.includes(compact)) {
          offer(n.item, BAND.substring + 0.06 * coverage(n.compact.length) + fieldPenalty(n), 'substring', n.field, n.text, n.compact.length);
        }
      }
    }
  }

  // Several words naming one concept in different names, or a concept and one of its headings:
  // `指令微调 sft`, `过拟合 欠拟合`, `交叉熵 直觉` (→ the 直觉 heading of the cross-entropy note). Each word is
  // looked up on its own (without fuzzy); an item qualifies when every word found it or its note.
  const tokens = [...new Set(norm.split(' ').filter((t) => t))];
  if (tokens.length >= 2 && tokens.length <= 6 && options.fuzzy !== false) {
    const perToken = tokens.map((t) => tokenHits(index, t, options.topicId));
    const scoreFor = (hits: Map<number, number>, i: number) => {
      const direct = hits.get(i);
      const item = items[i];
      const viaNote = item.kind === 'heading' ? hits.get(index.noteItem.get(item.note.id)!) : undefined;
      if (direct === undefined) return viaNote;
      return viaNote === undefined ? direct : Math.min(direct, viaNote);
    };
    const candidates = new Set<number>();
    for (const hits of perToken) for (const i of hits.keys()) candidates.add(i);
    for (const i of candidates) {
      let sum = 0;
      let all = true;
      let direct = 0;
      for (const hits of perToken) {
        const sc = scoreFor(hits, i);
        if (sc === undefined) {
          all = false;
          break;
        }
        if (hits.has(i)) direct++;
        sum += sc;
      }
      // A heading qualifies only through words of its own, not through its note's names alone.
      if (!all || (items[i].kind === 'heading' && direct === 0)) continue;
      const item = items[i];
      const label = item.heading ? item.heading.text : item.note.title;
      offer(i, BAND.combined + 0.2 * (sum / perToken.length), 'combined', item.heading ? 'heading' : 'title', label, label.length);
    }
  }

  // Typos and everything else: Fuse with weighted keys, over the docs preselected by bigrams. Skipped when the
  // tiers above already filled the list with matches no fuzzy hit could outrank (one-letter prefixes).
  let sure = 0;
  for (const b of best.values()) if (b.score < FUZZY_FLOOR) sure++;
  // Fuzzy needs four letters (three Han characters): one error in three letters matches half the vocabulary.
  const fuzzyMin = hasHan(compact) ? 3 : 4;
  // …and at most FUZZY_MAX_LENGTH: no name is longer, and a sentence is a description (the meaning index answers it)
  // that would cost Fuse's bitap tens of milliseconds a keystroke.
  if (options.fuzzy !== false && compact.length >= fuzzyMin && compact.length <= FUZZY_MAX_LENGTH && sure < limit) {
    const picked = preselect(index, norm, FUSE_CANDIDATES);
    const records = picked.map((d) => fuseRecord(index, d));
    const fuse = new Fuse(index.docs as FuseDoc[], index.fuseOptions, Fuse.parseIndex<FuseDoc>({ keys: index.fuseKeysIndex.keys, records }));
    const qChars = [...compact];
    for (const r of fuse.search(norm)) {
      // Re-rank by edit distance and coverage: Fuse's bitap counts a swap of two letters as two errors,
      // and its score ignores how much of the name the query covers ("learning rate" vs "… schedules").
      const key = index.docKey[r.refIndex];
      const value = r.item[key]!;
      const vChars = [...value.replace(/ /g, '')];
      const field = FUSE_KEY_FIELD[key];
      const errors = substringDistance(qChars, vChars);
      const score =
        BAND.fuzzy +
        FIELD_PENALTY[field] +
        0.45 * (errors / qChars.length) +
        0.1 * (1 - Math.min(1, qChars.length / vChars.length)) +
        0.05 * (r.score ?? 1);
      offer(index.docItem[r.refIndex], score, 'fuzzy', field, value, vChars.length);
      const also = index.docAlso.get(r.refIndex);
      if (also) for (let k = 0; k < also.length && k < SHARED_DOC_CAP; k++) offer(also[k], score, 'fuzzy', field, value, vChars.length);
    }
  }

  // A heading never ranks above its own note when that note matched by one of its names; when the note
  // matched only fuzzily (`epoch 常见误区` is no name of the epoch note), the heading that matched goes first.
  for (const [i, b] of best) {
    const item = items[i];
    if (item.kind !== 'heading') continue;
    const own = best.get(index.noteItem.get(item.note.id)!);
    if (own && own.tier !== 'fuzzy' && own.score >= b.score) b.score = own.score + 0.001;
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
