// Messages between the Concept Help view and its webview, shared by both sides (the webview imports only src/shared).

/** The card as the webview draws it: text fields are set as text; only `formulaHtml` (KaTeX, trust off) is HTML. */
export interface HelpCard {
  noteId: string;
  title: string;
  otherTitle: string;
  facet?: { name: string; gloss: string };
  summary: string;
  formulaHtml?: string;
  keyPoints: { heading: string; items: string[] };
  identifier: string;
}

export type HelpToWebview = { type: 'card'; card: HelpCard | undefined; pinned: boolean };

export type HelpFromWebview = { type: 'ready' } | { type: 'openNote' } | { type: 'pin'; pinned: boolean };

export function isHelpFromWebview(m: unknown): m is HelpFromWebview {
  if (!m || typeof m !== 'object') return false;
  const o = m as Record<string, unknown>;
  return o.type === 'ready' || o.type === 'openNote' || (o.type === 'pin' && typeof o.pinned === 'boolean');
}
