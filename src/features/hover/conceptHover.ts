import * as vscode from 'vscode';
import { displaySummary, displayTitle, otherTitle, slugify, type Concept, type FacetMatch, type TexToSvg } from '../../core';
import { Commands, commandUri } from '../commands';
import { codeBlockMarkdown, codeSpanMarkdown, inertMarkdown, svgImageMarkdown } from './hoverMarkdown';

/** The formula's colour in a hover image: images do not inherit the theme, so pick the theme's foreground. */
export function formulaColor(kind: vscode.ColorThemeKind): string {
  switch (kind) {
    case vscode.ColorThemeKind.Light:
      return '#1f1f1f';
    case vscode.ColorThemeKind.HighContrastLight:
      return '#000000';
    case vscode.ColorThemeKind.HighContrast:
      return '#ffffff';
    default:
      return '#cccccc';
  }
}

/** The first sentence of a summary (Chinese 。！？ or English . ! ?), for the one-line compact hover. */
export function firstSentence(text: string, maxChars = 140): string {
  const m = /^(.+?[。！？]|.+?[.!?](?=\s|$))/su.exec(text.trim());
  const first = (m ? m[1] : text).trim();
  return first.length > maxChars ? `${first.slice(0, maxChars - 1)}…` : first;
}

/**
 * The hover: title (display language first), summary and the formula as an SVG image, then the two command links.
 * Two Markdown strings: the note's part is untrusted, without theme icons, and every string from the note is inert
 * (hoverMarkdown.ts), so nothing a note holds can become a command link, a remote image or an external link; only
 * the second, which holds no note text, may run our two commands.
 */
export function conceptHoverMarkdown(
  concept: Concept,
  lang: 'zh' | 'en',
  tex: TexToSvg,
  identifier: string,
  why: { facet?: FacetMatch; resolved?: string } = {},
  compact = false,
): vscode.MarkdownString[] {
  const note = new vscode.MarkdownString(undefined, false);
  note.isTrusted = false;
  note.supportHtml = false;
  const title = displayTitle(concept, lang);
  const other = otherTitle(concept, lang);
  note.appendMarkdown(`**${inertMarkdown(title, 300)}**${other ? ` · ${inertMarkdown(other, 300)}` : ''}\n\n`);
  // The parameter under the cursor, when the note explains it as a facet: its own line, under the title.
  const facet = why.facet;
  if (facet) {
    const gloss = lang === 'en' ? facet.glossEn || facet.gloss : facet.gloss || facet.glossEn;
    note.appendMarkdown(`${codeSpanMarkdown(facet.name, 100)} — ${inertMarkdown(gloss, 400)}\n\n`);
  }
  if (why.resolved && !compact) note.appendMarkdown(`<sub>${inertMarkdown(why.resolved, 200)}</sub>\n\n`.replace(/<\/?sub>/g, '_'));
  const summary = displaySummary(concept, lang);
  // Compact (beside a language server's signature and docstring): one line of summary, no formula.
  if (summary) note.appendMarkdown(`${inertMarkdown(compact ? firstSentence(summary) : summary)}\n\n`);
  if (concept.formula && !compact) {
    const rendered = tex.render(concept.formula, formulaColor(vscode.window.activeColorTheme.kind));
    // A formula MathJax cannot read shows as its source, in a fenced block nothing in it can close.
    note.appendMarkdown(`${'svg' in rendered ? svgImageMarkdown(rendered.svg, concept.formula) : codeBlockMarkdown(concept.formula, 'latex')}\n\n`);
  }
  const links = new vscode.MarkdownString(undefined, true);
  links.isTrusted = { enabledCommands: [Commands.openNote, Commands.lookup] };
  links.supportHtml = false;
  const open = commandUri(Commands.openNote, { id: concept.id, ...(facet?.heading ? { heading: slugify(facet.heading) } : {}), fromCode: true });
  const lookup = commandUri(Commands.lookup, identifier);
  links.appendMarkdown(
    `[$(book) ${vscode.l10n.t('Open note')}](${open} "${vscode.l10n.t('Open the full note')}") · ` +
      `[$(search) ${vscode.l10n.t('Look up…')}](${lookup} "${vscode.l10n.t('Search the knowledge base')}")`,
  );
  return [note, links];
}
