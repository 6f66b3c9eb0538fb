import type { IdentifierMatcher, ConceptMatch } from './identifierMatcher';
import { findIdentifiers, type CommentStyle, type IdentifierOccurrence } from './codeIdentifiers';
import type { CodeMatch } from './codeEngine';
import { analyseCodeAnySize } from './windowedAnalysis';
import { LIBRARY_NAMESPACES } from './vocabulary';

export interface ScannedConcept extends IdentifierOccurrence {
  match: CodeMatch;
}

/**
 * The lexical path, for languages other than Python: the concept an occurrence names, if any; module paths of ML
 * libraries are skipped unless a `code` entry spells them out.
 */
export function matchOccurrence(occ: IdentifierOccurrence, matcher: IdentifierMatcher): CodeMatch | undefined {
  const match: ConceptMatch | undefined = matcher.match(occ.chain);
  if (!match) return undefined;
  if (occ.qualifier && occ.chain.includes('.') && LIBRARY_NAMESPACES.has(occ.chain.slice(0, occ.chain.indexOf('.'))) && !(match.kind === 'code' && match.matched.includes('.'))) {
    return undefined;
  }
  return { ...match, via: match.kind };
}

/** Every identifier occurrence in a source text that names a concept (what the hover would explain). */
export function scanCode(text: string, matcher: IdentifierMatcher, style: CommentStyle = 'python'): ScannedConcept[] {
  if (style === 'python') return analyseCodeAnySize(text, matcher).hits();
  const out: ScannedConcept[] = [];
  for (const occ of findIdentifiers(text, style)) {
    const match = matchOccurrence(occ, matcher);
    if (match) out.push({ ...occ, match });
  }
  return out;
}

/**
 * The concept under a position (0-based line/character) on the lexical path, or undefined. Pass `occurrences` to
 * reuse a tokenised text. Python goes through `analyseCode(text, matcher).at(line, character)`.
 */
export function conceptAt(
  text: string,
  line: number,
  character: number,
  matcher: IdentifierMatcher,
  style: CommentStyle = 'python',
  occurrences: readonly IdentifierOccurrence[] = findIdentifiers(text, style),
): ScannedConcept | undefined {
  // Occurrences come in document order: binary-search the first one on the line.
  let lo = 0;
  let hi = occurrences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (occurrences[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < occurrences.length && occurrences[i].line === line; i++) {
    const occ = occurrences[i];
    if (occ.start <= character && character <= occ.end) {
      const match = matchOccurrence(occ, matcher);
      return match ? { ...occ, match } : undefined;
    }
  }
  return undefined;
}
