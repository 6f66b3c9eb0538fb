import type { IdentifierMatcher, ConceptMatch } from './identifierMatcher';
import { findIdentifiers, type CommentStyle, type IdentifierOccurrence } from './codeIdentifiers';

export interface ScannedConcept extends IdentifierOccurrence {
  match: ConceptMatch;
}

/** Every identifier occurrence in a source text that names a concept (what the hover would explain). */
export function scanCode(text: string, matcher: IdentifierMatcher, style: CommentStyle = 'python'): ScannedConcept[] {
  const out: ScannedConcept[] = [];
  for (const occ of findIdentifiers(text, style)) {
    const match = matcher.match(occ.chain);
    if (match) out.push({ ...occ, match });
  }
  return out;
}

/** The concept under a position (0-based line/character), or undefined. */
export function conceptAt(text: string, line: number, character: number, matcher: IdentifierMatcher, style: CommentStyle = 'python'): ScannedConcept | undefined {
  for (const occ of findIdentifiers(text, style)) {
    if (occ.line === line && occ.start <= character && character <= occ.end) {
      const match = matcher.match(occ.chain);
      return match ? { ...occ, match } : undefined;
    }
    if (occ.line > line) break;
  }
  return undefined;
}
