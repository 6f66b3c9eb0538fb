import { plainLine } from '../lookup/plainText';
import { renderTex } from '../render/math';
import { displaySummary, displayTitle, otherTitle, type Lang, type Note } from '../types';
import type { Concept } from './conceptIndex';
import type { FacetMatch } from './codeEngine';
import type { HelpCard } from '../../shared/conceptHelpProtocol';

/** What the Concept Help view shows for one concept: the webview's card plus where "Open note" opens. */
export interface ConceptCard extends HelpCard {
  /** The heading "Open note" opens at (the facet's), as a slug is made by the caller. */
  heading?: string;
}

const KEY_POINT_HEADINGS = [/^(要点|关键点|核心要点|key points|takeaways)/i, /^(常见误区|误区|pitfalls|common mistakes)/i];
const MAX_POINTS = 6;

/** The bullets right under the first heading that names key points (then pitfalls), as plain text. */
export function keyPointsOf(note: Pick<Note, 'body'>): { heading: string; items: string[] } {
  const lines = note.body.split('\n');
  for (const pattern of KEY_POINT_HEADINGS) {
    const start = lines.findIndex((l) => /^#{2,4}\s/.test(l) && pattern.test(l.replace(/^#+\s*/, '').trim()));
    if (start < 0) continue;
    const items: string[] = [];
    for (let i = start + 1; i < lines.length && items.length < MAX_POINTS; i++) {
      const l = lines[i];
      if (/^#{1,6}\s/.test(l)) break;
      if (/^\s{0,3}([-*+]|\d+[.)])\s+/.test(l)) items.push(plainLine(l).slice(0, 300));
    }
    if (items.length) return { heading: lines[start].replace(/^#+\s*/, '').trim(), items };
  }
  return { heading: '', items: [] };
}

export function conceptCard(concept: Concept, note: Pick<Note, 'body'> | undefined, lang: Lang, identifier: string, facet?: FacetMatch): ConceptCard {
  const formula = facet?.formula || concept.formula;
  const tex = formula ? renderTex(formula, true, '', 'html') : undefined;
  return {
    noteId: concept.id,
    title: displayTitle(concept, lang),
    otherTitle: otherTitle(concept, lang),
    ...(facet ? { facet: { name: facet.name, gloss: (lang === 'en' ? facet.glossEn || facet.gloss : facet.gloss || facet.glossEn) || '' } } : {}),
    summary: displaySummary(concept, lang),
    ...(tex ? { formulaHtml: tex.html } : {}),
    keyPoints: note ? keyPointsOf(note) : { heading: '', items: [] },
    ...(facet?.heading ? { heading: facet.heading } : {}),
    identifier,
  };
}
