import Fuse from 'fuse.js';
import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import type { Heading, Note } from '../types';
import { codeVariants, hasHan, nameVariants, normalizeText, wordsOfName } from './normalize';
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

/**
 * One string Fuse searches, under the key of the field it comes from (exactly one key is set). One doc per
 * name rather than per note: Fuse costs a few microseconds per string, so the preselection hands it the few
 * hundred strings that share the most bigrams with the query instead of whole notes with ~40 names each.
 */
export interface FuseDoc {
  /** A title (either language) or a variant of it, normalised. */
  t?: string;
  /** An alias, normalised. */
  a?: string;
  /** Pinyin (full, without spaces) of a Chinese title or alias. */
  p?: string;
  /** A code name, normalised (`clip grad norm`, `loraconfig`). */
  c?: string;
  /** A heading's text. */
  h?: string;
  /** A summary (either language). */
  s?: string;
}

export type FuseKey = keyof FuseDoc;

/** One record of Fuse's index (the type Fuse.parseIndex takes). */
export type FuseRecord = NonNullable<ReturnType<Fuse.FuseIndex<FuseDoc>['add']>>;

/**
 * Fuse key weights: titles and aliases above code names above headings above summaries. Pinyin sits with
 * the code names: it is exact evidence of a Chinese name, but a fuzzy hit in a pinyin string is weak.
 * Fuse normalises the weights and uses them as exponents of each key's match score.
 */
export const FUSE_KEYS: readonly { name: FuseKey; weight: number }[] = [
  { name: 't', weight: 1 },
  { name: 'a', weight: 0.9 },
  { name: 'p', weight: 0.5 },
  { name: 'c', weight: 0.6 },
  { name: 'h', weight: 0.4 },
  { name: 's', weight: 0.1 },
];

/**
 * Chosen by measurement (`npm run bench` prints the sweep): on typos generated from the bundled notes'
 * titles and aliases, hit@1 climbs to 99.5% at 0.4 and stays flat above it, while spurious fuzzy hits for
 * gibberish stay at ~1 per query up to 0.45 and jump to 9 at 0.5 and 18 at 0.6. Below 0.4, transposed
 * letters in short words (`epcoh`: two bitap errors in five letters) stop matching.
 */
export const FUSE_THRESHOLD = 0.4;

export const FUSE_OPTIONS: Fuse.IFuseOptions<FuseDoc> = {
  keys: FUSE_KEYS.map((k) => ({ name: k.name, weight: k.weight })),
  threshold: FUSE_THRESHOLD,
  ignoreLocation: true,
  includeScore: true,
  // One value per doc: the doc is the match, so Fuse need not compute match ranges (they cost an array per string).
  includeMatches: false,
  shouldSort: true,
};

/** Names kept per one- and two-character prefix: the shortest, so `f` or `st` answer without walking 10,000 notes. */
export const SHORT_PREFIX_BUCKET = 100;

export interface LookupIndexOptions {
  /** Overrides FUSE_THRESHOLD (for measuring it). */
  fuseThreshold?: number;
}

export interface LookupIndex {
  readonly snapshot: KnowledgeBaseSnapshot;
  readonly fuseOptions: Fuse.IFuseOptions<FuseDoc>;
  readonly items: readonly LookupItem[];
  /** How many other notes list each note in `related`: a prior for partial matches and the last tie-break. */
  readonly inbound: Readonly<Record<string, number>>;
  /** Item index of each note id. */
  readonly noteItem: ReadonlyMap<string, number>;
  readonly names: readonly NameEntry[];
  /** compact name → name ids. */
  readonly exact: ReadonlyMap<string, number[]>;
  /** The distinct compact names, sorted, for prefix ranges (ids through `exact`). */
  readonly sortedCompacts: readonly string[];
  /**
   * One- and two-character prefix → the SHORT_PREFIX_BUCKET most preferred names starting with it, filled the
   * first time a prefix is typed (see searchConcepts), so `f` or `st` need not walk 10,000 notes' names again.
   */
  readonly shortPrefix: Map<string, Int32Array>;
  /** Word of a name → name ids; words sorted for prefix ranges (`posit enc`). */
  readonly words: ReadonlyMap<string, number[]>;
  readonly sortedWords: readonly string[];
  /** The words of each name of several words (the names in `words`). */
  readonly nameWords: readonly (readonly string[] | undefined)[];
  /** Han character → ids of names containing it (ascending), for substring queries like `熵` or `编码`. */
  readonly hanChars: ReadonlyMap<string, Int32Array>;
  /** Unordered character bigram (see bigramsOf) → ids of the Fuse docs containing it (ascending). */
  readonly bigrams: ReadonlyMap<number, Int32Array>;
  readonly charCodes: CharCodes;
  readonly docs: readonly FuseDoc[];
  /** The (first) item and the key of each Fuse doc. */
  readonly docItem: Int32Array;
  /** Further items of docs that several items share. */
  readonly docAlso: ReadonlyMap<number, readonly number[]>;
  readonly docKey: readonly FuseKey[];
  /** Number of distinct bigrams of each doc. */
  readonly docGrams: Uint16Array;
  /**
   * Fuse's index records of the docs, made the first time a doc is preselected and kept (see fuseRecord):
   * each keystroke hands Fuse an index of a few hundred of them.
   */
  readonly fuseRecords: (FuseRecord | undefined)[];
  /** An empty Fuse index with the weighted keys, used to make records. */
  readonly fuseKeysIndex: Fuse.FuseIndex<FuseDoc>;
  readonly buildMs: number;
}

/**
 * Characters numbered densely (in order of first appearance) so that a bigram key stays a small integer,
 * which Maps hash fastest. Characters no note contains get no number: their bigrams cannot match anyway.
 */
export class CharCodes {
  private readonly ids = new Int32Array(65536);
  private next = 1;
  /** The id of a UTF-16 unit, assigning one when `assign` is set; 0 for an unknown unit. */
  id(unit: number, assign: boolean): number {
    let id = this.ids[unit];
    if (id === 0 && assign && this.next < 32768) {
      id = this.next++;
      this.ids[unit] = id;
    }
    return id;
  }
}

/**
 * Distinct unordered bigrams of a string, spaces ignored, as `min * 32768 + max` of the two characters'
 * ids: transpositions (`epcoh`) keep sharing bigrams with the right word.
 */
export function bigramsOf(text: string, codes: CharCodes, assign: boolean, into: Set<number>): Set<number> {
  into.clear();
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 32) continue;
    const c = codes.id(unit, assign);
    if (prev > 0 && c > 0) into.add(prev < c ? prev * 32768 + c : c * 32768 + prev);
    prev = c;
  }
  return into;
}

/**
 * The Fuse index record of doc `d`, made with Fuse's own FuseIndex.add (so norms and layout are Fuse's) and
 * kept. Made on first use rather than for all docs up front: a keystroke needs a few hundred of them, and
 * building all of them for 10,000 notes would cost a fifth of the index build.
 */
export function fuseRecord(index: LookupIndex, d: number): FuseRecord {
  let record = index.fuseRecords[d];
  if (!record) {
    const maker = index.fuseKeysIndex;
    record = maker.add(index.docs[d], d)!;
    maker.records.length = 0;
    index.fuseRecords[d] = record;
  }
  return record;
}

/** Calls `f` with each unordered bigram key of `text` (spaces ignored); returns how many it called it with. */
function forEachGram(text: string, codes: CharCodes, assign: boolean, f: (gram: number) => void): number {
  let prev = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit === 32) continue;
    const c = codes.id(unit, assign);
    if (prev > 0 && c > 0) {
      f(prev < c ? prev * 32768 + c : c * 32768 + prev);
      n++;
    }
    prev = c;
  }
  return n;
}

/** Integer-keyed counts and fill positions of bigram postings (open addressing, linear probing, grows). */
class GramTable {
  private keys: Int32Array;
  private counts: Int32Array;
  private lastDoc: Int32Array;
  private size = 0;
  constructor(capacity: number) {
    this.keys = new Int32Array(capacity).fill(-1);
    this.counts = new Int32Array(capacity);
    this.lastDoc = new Int32Array(capacity).fill(-1);
  }
  private slot(key: number): number {
    const mask = this.keys.length - 1;
    let s = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.keys[s] !== -1 && this.keys[s] !== key) s = (s + 1) & mask;
    return s;
  }
  count(key: number, doc: number): void {
    let s = this.slot(key);
    if (this.keys[s] === -1) {
      if (++this.size * 2 > this.keys.length) {
        this.grow();
        s = this.slot(key);
      }
      this.keys[s] = key;
    }
    if (this.lastDoc[s] !== doc) {
      this.lastDoc[s] = doc;
      this.counts[s]++;
    }
  }
  /** Allocates each key's list; afterwards `counts` holds fill positions. */
  allocate(each: (key: number, list: Int32Array) => void): Int32Array[] {
    const lists: Int32Array[] = new Array(this.keys.length);
    for (let s = 0; s < this.keys.length; s++) {
      if (this.keys[s] === -1) continue;
      lists[s] = new Int32Array(this.counts[s]);
      each(this.keys[s], lists[s]);
      this.counts[s] = 0;
      this.lastDoc[s] = -1;
    }
    return lists;
  }
  fill(key: number, doc: number, lists: Int32Array[]): void {
    const s = this.slot(key);
    if (this.lastDoc[s] === doc) return;
    this.lastDoc[s] = doc;
    lists[s][this.counts[s]++] = doc;
  }
  private grow(): void {
    const { keys, counts, lastDoc } = this;
    this.keys = new Int32Array(keys.length * 2).fill(-1);
    this.counts = new Int32Array(keys.length * 2);
    this.lastDoc = new Int32Array(keys.length * 2).fill(-1);
    for (let s = 0; s < keys.length; s++) {
      if (keys[s] === -1) continue;
      const t = this.slot(keys[s]);
      this.keys[t] = keys[s];
      this.counts[t] = counts[s];
      this.lastDoc[t] = lastDoc[s];
    }
  }
}

const HAN_CHAR = /^\p{Script=Han}$/u;

export const FIELD_ORDER: Record<NameField, number> = { title: 0, alias: 1, code: 2, heading: 3, pinyin: 4, initials: 5 };
/** `seen` bits (1 << FIELD_ORDER) of the title, alias and code fields, and of the pinyin field. */
const NAME_BITS = 0b111;
const PINYIN_BIT = 1 << FIELD_ORDER.pinyin;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Builds the lookup index of a snapshot: every note and heading with its normalised names, pinyin (full and
 * initials) of Chinese names, code-name splits, a Fuse index and the exact / prefix / word / bigram tables.
 * Everything a keystroke needs is computed here, so a search converts no note text.
 */
export function buildLookupIndex(snapshot: KnowledgeBaseSnapshot, options: LookupIndexOptions = {}): LookupIndex {
  const steps = lookupIndexSteps(snapshot, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** A lookup index built a slice at a time (`step`), or at once for what is left (`finish`). */
export interface LookupIndexBuilder {
  /** Works about `budgetMs`; true once the index is built. */
  step(budgetMs: number): boolean;
  finish(): LookupIndex;
}

/**
 * Starts building a lookup index in slices, so a host can build it ahead of the first query between other work
 * (10,000 notes take over a second at once). `buildMs` of the result is the time worked, not the time since start.
 */
export function startLookupIndex(snapshot: KnowledgeBaseSnapshot, options: LookupIndexOptions = {}): LookupIndexBuilder {
  const steps = lookupIndexSteps(snapshot, options);
  let result: LookupIndex | undefined;
  let worked = 0;
  const advance = (budgetMs: number) => {
    const t0 = performance.now();
    const until = t0 + budgetMs;
    while (!result) {
      const r = steps.next();
      if (r.done) result = r.value;
      else if (performance.now() >= until) break;
    }
    worked += performance.now() - t0;
    if (result) result = { ...result, buildMs: worked };
  };
  return {
    step(budgetMs) {
      if (!result) advance(budgetMs);
      return result !== undefined;
    },
    finish() {
      if (!result) advance(Infinity);
      return result!;
    },
  };
}

/** Items of a loop between two pauses of a sliced build. */
const STEP_ITEMS = 128;

function* lookupIndexSteps(snapshot: KnowledgeBaseSnapshot, options: LookupIndexOptions): Generator<void, LookupIndex, void> {
  const started = performance.now();
  const items: LookupItem[] = [];
  const docs: FuseDoc[] = [];
  const docItemList: number[] = [];
  const docKey: FuseKey[] = [];
  const names: NameEntry[] = [];
  const nameNorm: string[] = [];
  const noteItem = new Map<string, number>();
  // Fields (as bits) in which the current item already has each compact name.
  let seen = new Map<string, number>();

  const addName = (item: number, field: NameField, text: string, norm: string, compact: string, rank: number) => {
    const bits = seen.get(compact) ?? 0;
    const bit = 1 << FIELD_ORDER[field];
    if (!compact || bits & bit) return;
    seen.set(compact, bits | bit);
    names.push({ item, field, text, compact, rank });
    nameNorm.push(norm);
  };
  // Heading docs are shared between the items with the same heading text (the 直觉 and 公式 of every note):
  // Fuse and the bigram postings see each heading string once.
  const headingDoc = new Map<string, number>();
  const docAlso = new Map<number, number[]>();
  const addDoc = (item: number, key: FuseKey, value: string) => {
    if (!value) return;
    if (key === 'h') {
      const d = headingDoc.get(value);
      if (d !== undefined) {
        const also = docAlso.get(d);
        if (!also) docAlso.set(d, [item]);
        else also.push(item);
        return;
      }
      headingDoc.set(value, docs.length);
    }
    docs.push(key === 'h' ? { h: value } : key === 's' ? { s: value } : { [key]: value });
    docItemList.push(item);
    docKey.push(key);
  };
  const pinyinCache = new Map<string, ReturnType<typeof pinyinForms>>();
  const addVariant = (item: number, field: 'title' | 'alias' | 'code', key: FuseKey, text: string, rank: number, doc = true) => {
    const norm = normalizeText(text);
    const compact = norm.replace(/ /g, '');
    // A name the item already has as a title, alias or code name adds nothing (the alias 交叉熵 of the note
    // titled 交叉熵): the earlier, stronger field already answers it.
    if (!compact || (seen.get(compact) ?? 0) & NAME_BITS) return;
    addName(item, field, text, norm, compact, rank);
    if (doc) addDoc(item, key, norm);
    if (field !== 'code' && hasHan(text)) {
      let py = pinyinCache.get(text);
      if (py === undefined && !pinyinCache.has(text)) {
        py = pinyinForms(text);
        pinyinCache.set(text, py);
      }
      if (py && !((seen.get(py.full) ?? 0) & PINYIN_BIT)) {
        addName(item, 'pinyin', text, '', py.full, rank);
        if (py.initials.length >= 2) addName(item, 'initials', text, '', py.initials, rank);
        addDoc(item, 'p', py.full);
      }
    }
  };

  const notes = [...snapshot.notes.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  yield;
  let done = 0;
  for (const note of notes) {
    if (++done % STEP_ITEMS === 0) yield;
    const i = items.length;
    items.push({ kind: 'note', note });
    noteItem.set(note.id, i);
    seen = new Map();
    const titles = note.title === note.titleEn ? [note.title] : [note.title, note.titleEn];
    titles.forEach((title, rank) => {
      for (const v of nameVariants(title)) addVariant(i, 'title', 't', v, rank);
    });
    note.aliases.forEach((alias, rank) => {
      for (const v of nameVariants(alias)) addVariant(i, 'alias', 'a', v, rank);
    });
    // The last segment of `F.kl_div` is a name of its own (exact hits) but not a Fuse doc: bitap finds it inside the whole.
    note.code.forEach((code, rank) => codeVariants(code).forEach((v, k) => addVariant(i, 'code', 'c', v, rank, k === 0)));
    addDoc(i, 's', normalizeText(note.summary));
    addDoc(i, 's', normalizeText(note.summaryEn));

    for (const heading of note.headings) {
      const hi = items.length;
      items.push({ kind: 'heading', note, heading });
      const norm = normalizeText(heading.text);
      const compact = norm.replace(/ /g, '');
      if (!compact) continue;
      names.push({ item: hi, field: 'heading', text: heading.text, compact, rank: 0 });
      nameNorm.push(norm);
      addDoc(hi, 'h', norm);
    }
  }

  const inbound: Record<string, number> = Object.create(null);
  for (const note of notes) for (const r of new Set(note.related)) if (r !== note.id) inbound[r] = (inbound[r] ?? 0) + 1;

  // Exact and prefix tables.
  const exact = new Map<string, number[]>();
  names.forEach((n, id) => push(exact, n.compact, id));
  yield;
  const sortedCompacts = [...exact.keys()].sort();
  yield;

  // Words and Han characters of names (pinyin forms have neither).
  const words = new Map<string, number[]>();
  const nameWordList: (string[] | undefined)[] = new Array(names.length);
  const hanLists = new Map<string, number[]>();
  for (let id = 0; id < names.length; id++) {
    if (id % (STEP_ITEMS * 8) === 0) yield;
    const n = names[id];
    if (n.field === 'pinyin' || n.field === 'initials') continue;
    // A one-word name is found by the prefix tier; the word tier is for names of several words.
    const ws = wordsOfName(n.text, nameNorm[id]);
    if (ws.length > 1) {
      nameWordList[id] = ws;
      for (const w of ws) push(words, w, id);
    }
    if (hasHan(n.compact)) {
      for (const ch of n.compact) {
        if (!HAN_CHAR.test(ch)) continue;
        const list = hanLists.get(ch);
        if (!list) hanLists.set(ch, [id]);
        else if (list[list.length - 1] !== id) list.push(id);
      }
    }
  }
  yield;
  const sortedWords = [...words.keys()].sort();
  yield;
  const hanChars = new Map<string, Int32Array>();
  for (const [ch, list] of hanLists) hanChars.set(ch, Int32Array.from(list));

  // Bigram postings of every Fuse doc: counted, then filled, in an open-addressing table of integer keys
  // (a Map would do millions of hash lookups here); the table also drops a doc's repeated bigrams.
  const docGrams = new Uint16Array(docs.length);
  const charCodes = new CharCodes();
  // Sized to the docs (it grows when it must): the small index of a few updated notes should not clear a million slots.
  const table = new GramTable(1 << Math.min(20, Math.max(10, Math.ceil(Math.log2(docs.length * 16 + 1)))));
  for (let i = 0; i < docs.length; i++) {
    if (i % (STEP_ITEMS * 8) === 0) yield;
    docGrams[i] = Math.min(65535, forEachGram(docs[i][docKey[i]]!, charCodes, true, (g) => table.count(g, i)));
  }
  const bigrams = new Map<number, Int32Array>();
  yield;
  const lists = table.allocate((g, list) => bigrams.set(g, list));
  for (let i = 0; i < docs.length; i++) {
    if (i % (STEP_ITEMS * 8) === 0) yield;
    forEachGram(docs[i][docKey[i]]!, charCodes, false, (g) => table.fill(g, i, lists));
  }

  const fuseOptions = { ...FUSE_OPTIONS, threshold: options.fuseThreshold ?? FUSE_THRESHOLD };
  const fuseKeysIndex = Fuse.createIndex<FuseDoc>(fuseOptions.keys!, []);

  return {
    snapshot,
    fuseOptions,
    items,
    inbound,
    noteItem,
    names,
    exact,
    sortedCompacts,
    shortPrefix: new Map(),
    words,
    sortedWords,
    nameWords: nameWordList,
    hanChars,
    bigrams,
    charCodes,
    docs,
    docItem: Int32Array.from(docItemList),
    docAlso,
    docKey,
    docGrams,
    fuseRecords: new Array(docs.length),
    fuseKeysIndex,
    buildMs: performance.now() - started,
  };
}
