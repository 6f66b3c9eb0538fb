import Fuse from 'fuse.js';
import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import type { Heading, Note } from '../types';
import { codeVariants, compactText, hasHan, nameVariants, nameWords, normalizeText } from './normalize';
import { pinyinForms } from './pinyin';

/** One thing the lookup can find: a note (the concept it explains) or one of its headings. */
export interface LookupItem {
  kind: 'note' | 'heading';
  note: Note;
  heading?: Heading;
}

/** Which of an item's names matched; ordered from the strongest evidence to the weakest. */
export type NameField = 'title' | 'alias' | 'code' | 'heading' | 'pinyin' | 'initials';

/** A name of an item as the exact / prefix / word matchers see it. */
export interface NameEntry {
  item: number;
  field: NameField;
  /** The name as written in the note (`F.kl_div`, `交叉熵损失`); for pinyin forms, the Chinese name it spells. */
  text: string;
  /** `compactText` of the name, or the pinyin string. */
  compact: string;
  /** Position among the item's names of this field: earlier aliases are the main ones. */
  rank: number;
}

/** The values Fuse searches for one item, one array per weighted key. */
export interface FuseDoc {
  /** Titles (both languages) and their variants, normalised. */
  t: string[];
  /** Aliases, normalised. */
  a: string[];
  /** Pinyin (full, without spaces) of Chinese titles and aliases. */
  p: string[];
  /** Code names, normalised (`clip grad norm`, `loraconfig`). */
  c: string[];
  /** The heading's text (heading items only). */
  h: string[];
  /** Summaries in both languages (note items only). */
  s: string[];
}

/**
 * Fuse key weights: titles and aliases above code names above headings above summaries. Pinyin sits with
 * the code names: it is exact evidence of a Chinese name, but a fuzzy hit in a pinyin string is weak.
 * Fuse normalises the weights and uses them as exponents of each key's match score.
 */
export const FUSE_KEYS = [
  { name: 't', weight: 1 },
  { name: 'a', weight: 0.9 },
  { name: 'p', weight: 0.5 },
  { name: 'c', weight: 0.6 },
  { name: 'h', weight: 0.4 },
  { name: 's', weight: 0.1 },
] as const;

/** Chosen by measurement on the query set in test/unit/lookup.test.ts (see searchConcepts.ts). */
export const FUSE_THRESHOLD = 0.4;

export const FUSE_OPTIONS: Fuse.IFuseOptions<FuseDoc> = {
  keys: FUSE_KEYS.map((k) => ({ name: k.name, weight: k.weight })),
  threshold: FUSE_THRESHOLD,
  ignoreLocation: true,
  includeScore: true,
  includeMatches: true,
  // A one- or two-letter fuzzy hit inside a long string is noise; the exact and prefix tiers cover short queries.
  minMatchCharLength: 2,
  shouldSort: true,
};

export interface LookupIndexOptions {
  /** Overrides FUSE_THRESHOLD (for measuring it). */
  fuseThreshold?: number;
}

export interface LookupIndex {
  readonly snapshot: KnowledgeBaseSnapshot;
  readonly fuseOptions: Fuse.IFuseOptions<FuseDoc>;
  readonly items: readonly LookupItem[];
  /** How many other notes list each note in `related`: the last tie-break before the id (交叉熵 before 决策树 for `jcs`). */
  readonly inbound: Readonly<Record<string, number>>;
  /** Item index of each note id. */
  readonly noteItem: ReadonlyMap<string, number>;
  readonly names: readonly NameEntry[];
  /** compact name → name ids. */
  readonly exact: ReadonlyMap<string, number[]>;
  /** Name ids sorted by their compact form, for prefix ranges. */
  readonly byCompact: Int32Array;
  /** Words of names (sorted) and the name each belongs to, for partial-word queries. */
  readonly words: readonly string[];
  readonly wordName: Int32Array;
  /** Han character → ids of names containing it (ascending), for substring queries like `熵` or `编码`. */
  readonly hanChars: ReadonlyMap<string, Int32Array>;
  /** Unordered character bigram → ids of items whose searchable strings contain it (ascending). */
  readonly bigrams: ReadonlyMap<string, Int32Array>;
  readonly docs: readonly FuseDoc[];
  readonly fuseIndex: Fuse.FuseIndex<FuseDoc>;
  /** Fuse over every item, with the precomputed index. */
  readonly fuse: Fuse<FuseDoc>;
  readonly buildMs: number;
}

/** Unordered bigram of two characters: transpositions (`epcoh`) keep sharing bigrams with the right word. */
export function bigramKey(a: string, b: string): string {
  return a < b ? a + b : b + a;
}

export function bigramsOf(compact: string, into: Set<string>): void {
  const chars = [...compact];
  for (let i = 0; i + 1 < chars.length; i++) into.add(bigramKey(chars[i], chars[i + 1]));
}

function uniq(values: string[]): string[] {
  return [...new Set(values.filter((v) => v))];
}

/**
 * Builds the lookup index of a snapshot: every note and heading with its normalised names, pinyin (full and
 * initials) of Chinese names, code-name splits, a Fuse index and the exact / prefix / word / bigram tables.
 * Everything a keystroke needs is computed here, so a search converts no note text.
 */
export function buildLookupIndex(snapshot: KnowledgeBaseSnapshot, options: LookupIndexOptions = {}): LookupIndex {
  const started = performance.now();
  const items: LookupItem[] = [];
  const docs: FuseDoc[] = [];
  const names: NameEntry[] = [];
  const noteItem = new Map<string, number>();
  const seenName = new Set<string>();

  const addName = (item: number, field: NameField, text: string, compact: string, rank: number) => {
    if (!compact) return;
    const key = `${item}\u0000${field}\u0000${compact}`;
    if (seenName.has(key)) return;
    seenName.add(key);
    names.push({ item, field, text, compact, rank });
  };
  const addPinyin = (item: number, text: string, rank: number, into: string[]) => {
    const py = pinyinForms(text);
    if (!py) return;
    addName(item, 'pinyin', text, py.full, rank);
    if (py.initials.length >= 2) addName(item, 'initials', text, py.initials, rank);
    into.push(py.full);
  };

  const notes = [...snapshot.notes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const note of notes) {
    const i = items.length;
    items.push({ kind: 'note', note });
    noteItem.set(note.id, i);
    const t: string[] = [];
    const a: string[] = [];
    const p: string[] = [];
    const c: string[] = [];
    let rank = 0;
    for (const title of uniq([note.title, note.titleEn])) {
      for (const v of nameVariants(title)) {
        addName(i, 'title', v, compactText(v), rank);
        t.push(normalizeText(v));
        addPinyin(i, v, rank, p);
      }
      rank++;
    }
    note.aliases.forEach((alias, r) => {
      for (const v of nameVariants(alias)) {
        addName(i, 'alias', v, compactText(v), r);
        a.push(normalizeText(v));
        addPinyin(i, v, r, p);
      }
    });
    note.code.forEach((code, r) => {
      for (const v of codeVariants(code)) {
        addName(i, 'code', v, compactText(v), r);
        c.push(normalizeText(v));
      }
    });
    docs.push({
      t: uniq(t),
      a: uniq(a),
      p: uniq(p),
      c: uniq(c),
      h: [],
      s: uniq([note.summary, note.summaryEn].map(normalizeText)),
    });

    for (const heading of note.headings) {
      const hi = items.length;
      items.push({ kind: 'heading', note, heading });
      const h = normalizeText(heading.text);
      addName(hi, 'heading', heading.text, compactText(heading.text), 0);
      docs.push({ t: [], a: [], p: [], c: [], h: h ? [h] : [], s: [] });
    }
  }

  const inbound: Record<string, number> = Object.create(null);
  for (const note of notes) for (const r of new Set(note.related)) if (r !== note.id) inbound[r] = (inbound[r] ?? 0) + 1;

  const exact = new Map<string, number[]>();
  names.forEach((n, id) => {
    const list = exact.get(n.compact);
    if (list) list.push(id);
    else exact.set(n.compact, [id]);
  });

  const byCompact = Int32Array.from(names.keys()).sort((x, y) => {
    const a = names[x].compact;
    const b = names[y].compact;
    return a < b ? -1 : a > b ? 1 : x - y;
  });

  const wordPairs: [string, number][] = [];
  const hanLists = new Map<string, number[]>();
  names.forEach((n, id) => {
    if (n.field === 'pinyin' || n.field === 'initials') return;
    for (const w of nameWords(n.text)) wordPairs.push([w, id]);
    if (hasHan(n.compact)) {
      for (const ch of new Set(n.compact.match(/\p{Script=Han}/gu) ?? [])) {
        const list = hanLists.get(ch);
        if (list) list.push(id);
        else hanLists.set(ch, [id]);
      }
    }
  });
  wordPairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] - y[1]));
  const words = wordPairs.map((w) => w[0]);
  const wordName = Int32Array.from(wordPairs, (w) => w[1]);
  const hanChars = new Map<string, Int32Array>();
  for (const [ch, list] of hanLists) hanChars.set(ch, Int32Array.from(list));

  // Bigram postings over what Fuse searches, summaries excepted (see searchConcepts: candidate preselection).
  const bigramLists = new Map<string, number[]>();
  const grams = new Set<string>();
  docs.forEach((d, i) => {
    grams.clear();
    for (const v of [d.t, d.a, d.p, d.c, d.h]) for (const s of v) bigramsOf(s.replace(/ /g, ''), grams);
    for (const g of grams) {
      const list = bigramLists.get(g);
      if (list) list.push(i);
      else bigramLists.set(g, [i]);
    }
  });
  const bigrams = new Map<string, Int32Array>();
  for (const [g, list] of bigramLists) bigrams.set(g, Int32Array.from(list));

  const fuseIndex = Fuse.createIndex(FUSE_OPTIONS.keys!, docs);
  const fuseOptions = { ...FUSE_OPTIONS, threshold: options.fuseThreshold ?? FUSE_THRESHOLD };
  const fuse = new Fuse(docs, fuseOptions, fuseIndex);

  return {
    snapshot,
    fuseOptions,
    items,
    inbound,
    noteItem,
    names,
    exact,
    byCompact,
    words,
    wordName,
    hanChars,
    bigrams,
    docs,
    fuseIndex,
    fuse,
    buildMs: performance.now() - started,
  };
}
