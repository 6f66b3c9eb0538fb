import { codeKey, splitIdentifier } from './codeTokens';
import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import { buildConceptIndex, NameTier, type Concept, type ConceptIndex } from './conceptIndex';
import { ABBREVIATIONS, GENERIC_WORDS, PREFIX_WORDS, SUFFIX_WORDS } from './vocabulary';

/**
 * How an identifier was matched, strongest first. The rule, applied in this order, first hit wins:
 *  1. `code`   — the dotted identifier (or a suffix of it: torch.optim.AdamW → optim.AdamW → AdamW) is a note's `code` entry.
 *  2. `name`   — all of its words are a note's name (code entries beat aliases/titles for the same words).
 *  3. `affix`  — the same after dropping qualifying words (num_, max_, _size, _steps, _loss…) and expanding abbreviations.
 *  4. `part`   — the longest run of its words that is a name; among equally long runs the rightmost (the head word in
 *               English compounds: lr_scheduler is a scheduler). Single words must be specific (not generic).
 */
export type MatchKind = 'code' | 'name' | 'affix' | 'part';

export interface ConceptMatch {
  concept: Concept;
  kind: MatchKind;
  /** The name of the concept that matched. */
  matched: string;
}

const MAX_MEMO = 50_000;

export interface IdentifierMatcher {
  /** Matches one identifier, possibly dotted (`F.kl_div`, `self.num_epochs`). */
  match(identifier: string): ConceptMatch | undefined;
  readonly index: ConceptIndex;
}

const matchers = new WeakMap<KnowledgeBaseSnapshot, IdentifierMatcher>();

/** The matcher of a snapshot's concept index, built once and shared by everyone who asks (hovers, the concept views). */
export function conceptMatcherOf(snapshot: KnowledgeBaseSnapshot): IdentifierMatcher {
  let m = matchers.get(snapshot);
  if (!m) {
    m = createIdentifierMatcher(buildConceptIndex(snapshot));
    matchers.set(snapshot, m);
  }
  return m;
}

export function createIdentifierMatcher(index: ConceptIndex): IdentifierMatcher {
  const memo = new Map<string, ConceptMatch | null>();

  const byPhrase = (words: string[], kind: MatchKind): ConceptMatch | undefined => {
    const ref = index.phrases.get(words.join(' '));
    if (!ref) return undefined;
    const concept = index.concepts.get(ref.noteId)!;
    return { concept, kind: kind === 'name' && ref.tier === NameTier.Code ? 'name' : kind, matched: ref.name };
  };

  const stripAffixes = (words: string[]): string[] => {
    let w = words;
    while (w.length > 1 && PREFIX_WORDS.has(w[0])) w = w.slice(1);
    while (w.length > 1 && SUFFIX_WORDS.has(w[w.length - 1])) w = w.slice(0, -1);
    return w;
  };

  const expand = (words: string[]): string[] => words.flatMap((w) => ABBREVIATIONS[w] ?? [w]);

  const compute = (identifier: string): ConceptMatch | undefined => {
    const segments = identifier.split('.').filter(Boolean);
    if (segments.length === 0) return undefined;
    // 1. exact code entries, longest dotted suffix first
    for (let k = 0; k < segments.length; k++) {
      const key = codeKey(segments.slice(k).join('.'));
      const id = index.exactCode.get(key) ?? index.exactCodeLower.get(key.toLowerCase());
      if (id) return { concept: index.concepts.get(id)!, kind: 'code', matched: segments.slice(k).join('.') };
    }
    const last = segments[segments.length - 1];
    if (GENERIC_WORDS.has(last.toLowerCase())) return undefined; // `transformers` before it is singularised
    const words = splitIdentifier(last);
    if (words.length === 0) return undefined;
    // 2. the whole identifier is a name (layer_norm, f1 — even when each word alone is too generic)
    const whole = words.length > 1 || !GENERIC_WORDS.has(words[0]) ? byPhrase(words, 'name') : undefined;
    if (whole) return whole;
    if (words.every((w) => GENERIC_WORDS.has(w) || /^\d+$/.test(w))) return undefined;
    // 3. qualifiers dropped, abbreviations expanded
    const variants = [stripAffixes(words), expand(words), stripAffixes(expand(words)), expand(stripAffixes(words))];
    for (const v of variants) {
      if (v.length === 0 || v.join(' ') === words.join(' ')) continue;
      // What is left must name something by itself: not generic, and not just another qualifier (apply_fn → fn).
      if (v.length === 1 && (GENERIC_WORDS.has(v[0]) || PREFIX_WORDS.has(v[0]) || SUFFIX_WORDS.has(v[0]) || v[0].length < 2)) continue;
      const hit = byPhrase(v, 'affix');
      if (hit) return hit;
    }
    // 4. the longest, then rightmost, run of words that is a specific name
    const expanded = expand(words);
    for (const ws of expanded.join(' ') !== words.join(' ') ? [words, expanded] : [words]) {
      for (let len = ws.length - 1; len >= 1; len--) {
        for (let start = ws.length - len; start >= 0; start--) {
          const run = ws.slice(start, start + len);
          // A lone word must be specific: not generic, not a qualifier, and not a letter-digit pair (b1 in b1_x1 is a box corner).
          if (len === 1 && (GENERIC_WORDS.has(run[0]) || PREFIX_WORDS.has(run[0]) || SUFFIX_WORDS.has(run[0]) || run[0].length < 2 || /^[a-z]\d$/.test(run[0]))) continue;
          const hit = byPhrase(run, 'part');
          if (hit) return hit;
        }
      }
    }
    return undefined;
  };

  return {
    index,
    match(identifier) {
      const cached = memo.get(identifier);
      if (cached !== undefined) return cached ?? undefined;
      const result = compute(identifier);
      if (memo.size >= MAX_MEMO) memo.clear();
      memo.set(identifier, result ?? null);
      return result;
    },
  };
}
