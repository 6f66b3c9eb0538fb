import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import type { Facet, Note } from '../types';
import { codeKey, splitIdentifier, splitNameVariants } from './codeTokens';
import { GENERIC_WORDS, LIBRARY_NAMESPACES } from './vocabulary';

/** How a name entered the index; a higher tier beats a lower one when two notes claim the same words. */
export const enum NameTier {
  Alias = 2,
  Code = 3,
}

export interface ConceptRef {
  noteId: string;
  tier: NameTier;
  /** The name as the note wrote it. */
  name: string;
}

export interface Concept {
  id: string;
  title: string;
  titleEn: string;
  /** Every title, alias and code name, in that order, without duplicates. */
  names: string[];
  summary: string;
  summaryEn: string;
  formula?: string;
  facets: Facet[];
  related: string[];
}

/** Where a code name points: a note, and one of its facets when the name is a facet's. */
export interface CodeRef {
  noteId: string;
  /** Index into the concept's `facets`. */
  facet?: number;
}





export interface ConceptIndex {
  readonly concepts: ReadonlyMap<string, Concept>;
  /** codeKey(code entry), case kept → note id, e.g. `F.kl_div` → losses/kl-divergence; `Trainer` does not name `trainer`. */
  readonly exactCode: ReadonlyMap<string, string>;
  /** Lower-case code entries, lower-cased identifiers find them: `NUM_EPOCHS` → `num_epochs`. */
  readonly exactCodeLower: ReadonlyMap<string, string>;
  /** Space-joined words of every name → the best claim on them. */
  readonly phrases: ReadonlyMap<string, ConceptRef>;
  /** `Callee(kw)` entries, keyed by the callee's last part and the keyword: `AdamW(betas)`, `LoraConfig(r)`. */
  readonly keywordCode: ReadonlyMap<string, CodeRef>;
  /** Facets' plain, qualified and attribute code names (codeKey) → their note and facet. */
  readonly facetCode: ReadonlyMap<string, CodeRef>;
  /** Names the notes declare `ambiguous` (lower case): as bare words they need supporting context. */
  readonly ambiguousNames: ReadonlySet<string>;
}

const KEYWORD_FORM = /^([A-Za-z_][\w.]*)\(([A-Za-z_]\w*)\)$/;

/** `torch.optim.AdamW(betas)` → `AdamW(betas)`; undefined when the entry is not a Callee(kw) form. */
export function keywordKey(code: string): string | undefined {
  const m = KEYWORD_FORM.exec(code.replace(/\s+/g, ''));
  if (!m) return undefined;
  return `${codeKey(m[1].slice(m[1].lastIndexOf('.') + 1))}(${m[2]})`;
}

function uniq(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** What one note claims, worked out once per note object (a note an update did not touch is not worked out again). */
interface NoteClaims {
  concept: Concept;
  ambiguous: string[];
  /** In the order the build applies them: facets' code names, then the note's own. */
  keyword: [string, CodeRef][];
  facet: [string, CodeRef][];
  exact: string[];
  exactLower: string[];
  phrases: [string, ConceptRef][];
}

const claimsOf = new WeakMap<Note, NoteClaims>();

function noteClaims(note: Note): NoteClaims {
  const known = claimsOf.get(note);
  if (known) return known;
  const c: NoteClaims = { concept: toConcept(note), ambiguous: [], keyword: [], facet: [], exact: [], exactLower: [], phrases: [] };
  const claim = (words: string[], ref: ConceptRef) => {
    if (words.length === 0) return;
    // One generic word names nothing. Two together can when a note calls the concept that (an alias "batch size",
    // "layer norm"), but not because some code entry happens to join them (modelId, X_train).
    if (words.length === 1 && (GENERIC_WORDS.has(words[0]) || words[0].length < 2)) return;
    if (ref.tier === NameTier.Code && words.every((w) => GENERIC_WORDS.has(w))) return;
    c.phrases.push([words.join(' '), ref]);
  };
  for (const a of note.ambiguous) c.ambiguous.push(a.split(':')[0].trim().toLowerCase());
  note.facets.forEach((f, facet) => {
    for (const code of f.code) {
      const kw = keywordKey(code);
      if (kw) c.keyword.push([kw, { noteId: note.id, facet }]);
      else c.facet.push([codeKey(code), { noteId: note.id, facet }]);
    }
  });
  for (const code of note.code) {
    const kw = keywordKey(code);
    if (kw) {
      c.keyword.push([kw, { noteId: note.id }]);
      continue;
    }
    const key = codeKey(code);
    // A bare generic word (`prompt`, `compile`-like entries that are also everyday names) is never a concept by itself.
    if (!key.includes('.') && GENERIC_WORDS.has(key.toLowerCase())) continue;
    c.exact.push(key);
    if (key === key.toLowerCase()) c.exactLower.push(key);
    // A dotted entry lends its last part as a name only behind a library (F.kl_div → "kl div"), not behind an
    // object (model.classifier, tokenizer.decode): those parts mean the concept only in that spelling.
    // Behind a library, a one-word last part is a class or function of a tool (transformers.Trainer,
    // accelerate.Accelerator, prune.remove, torch.Generator), not the concept's name: `trainer` or `remove` in
    // user code is not about it. The note's own bare entries and aliases still claim the word when it is.
    const parts = code.split('.');
    const last = splitIdentifier(parts[parts.length - 1]);
    if (parts.length === 1 || (LIBRARY_NAMESPACES.has(parts[0]) && last.length > 1)) {
      claim(last, { noteId: note.id, tier: NameTier.Code, name: code });
    }
  }
  for (const name of [note.titleEn, ...note.aliases]) {
    if (!/[A-Za-z]/.test(name)) continue;
    // Names in Latin script only: "KL 散度" would otherwise claim the bare word "kl" for a half-translated name.
    if (/[^\x00-\x7F]/.test(name)) continue;
    for (const words of splitNameVariants(name)) claim(words, { noteId: note.id, tier: NameTier.Alias, name });
  }
  claimsOf.set(note, c);
  return c;
}

/**
 * Precomputes every name of every note into maps, so matching an identifier is a handful of lookups. What each note
 * claims is kept per note object, so after an update that changed a few notes the build only fills the maps again.
 */
export function buildConceptIndex(snapshot: KnowledgeBaseSnapshot): ConceptIndex {
  const concepts = new Map<string, Concept>();
  const exactCode = new Map<string, string>();
  const exactCodeLower = new Map<string, string>();
  const phrases = new Map<string, ConceptRef>();
  const keywordCode = new Map<string, CodeRef>();
  const facetCode = new Map<string, CodeRef>();
  const ambiguousNames = new Set<string>();
  // First claim wins, so notes of the roots listed last (the user's own folders, after the bundled notes) go first:
  // a user's note that claims a name a bundled note also claims is the one hovers show.
  const rank = (n: Note) => snapshot.roots?.indexOf(n.root) ?? 0;
  const notes = [...snapshot.notes.values()].filter((n) => !n.error).sort((a, b) => rank(b) - rank(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  for (const note of notes) {
    const c = noteClaims(note);
    concepts.set(note.id, c.concept);
    for (const a of c.ambiguous) ambiguousNames.add(a);
    for (const [k, ref] of c.keyword) if (!keywordCode.has(k)) keywordCode.set(k, ref);
    for (const [k, ref] of c.facet) if (!facetCode.has(k)) facetCode.set(k, ref);
    for (const k of c.exact) if (!exactCode.has(k)) exactCode.set(k, note.id);
    for (const k of c.exactLower) if (!exactCodeLower.has(k)) exactCodeLower.set(k, note.id);
    for (const [k, ref] of c.phrases) {
      const prev = phrases.get(k);
      if (!prev || ref.tier > prev.tier) phrases.set(k, ref);
    }
  }
  return { concepts, exactCode, exactCodeLower, phrases, keywordCode, facetCode, ambiguousNames };
}

function toConcept(note: Note): Concept {
  return {
    id: note.id,
    title: note.title,
    titleEn: note.titleEn,
    names: uniq([note.title, note.titleEn, ...note.aliases, ...note.code]),
    summary: note.summary,
    summaryEn: note.summaryEn,
    formula: note.formula,
    facets: note.facets,
    related: note.related,
  };
}

