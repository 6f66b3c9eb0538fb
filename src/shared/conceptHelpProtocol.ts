// Messages between the Concept Help view and its webview, shared by both sides (the webview imports only src/shared).

/**
 * The card as the webview draws it (the core's `ConceptCard` extends it): text fields are set as text; only
 * `formulaHtml` (KaTeX, trust off) is HTML.
 */
export interface HelpCard {
  noteId: string;
  title: string;
  otherTitle: string;
  /** The parameter under the cursor when the note explains it as a facet. */
  facet?: { name: string; gloss: string };
  summary: string;
  /** KaTeX HTML of the facet's formula, else the concept's (KaTeX renders it with trust off: no links, no scripts). */
  formulaHtml?: string;
  /** Bullets of the note's key-points section ("要点", "Key points"), else of its pitfalls section ("常见误区"). */
  keyPoints: { heading: string; items: string[] };
  /** The identifier the card is for. */
  identifier: string;
}

export type HelpToWebview = { type: 'card'; card: HelpCard | undefined; pinned: boolean };

export type HelpFromWebview = { type: 'ready' } | { type: 'openNote' } | { type: 'pin'; pinned: boolean };

export function isHelpFromWebview(m: unknown): m is HelpFromWebview {
  if (!m || typeof m !== 'object') return false;
  const o = m as Record<string, unknown>;
  return o.type === 'ready' || o.type === 'openNote' || (o.type === 'pin' && typeof o.pinned === 'boolean');
}
