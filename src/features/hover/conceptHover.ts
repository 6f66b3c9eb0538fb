import * as vscode from 'vscode';
import { displaySummary, displayTitle, otherTitle, type Concept, type TexToSvg } from '../../core';
import { Commands, commandUri } from '../commands';

/** The SVG as a `data:` URI, usable as a Markdown image in a hover. */
function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** One line of note text, inert: whitespace runs (blank lines included) become one space, so nothing can end a block. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

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

/**
 * The hover's Markdown: title (display language first), summary, the formula as an SVG image, and two command links.
 * The hover is trusted for two commands, so every string a note supplies goes in through `appendText` (escaped, one
 * line): a note cannot add links, images or commands of its own, whatever its title, summary or formula holds.
 */
export function conceptHoverMarkdown(concept: Concept, lang: 'zh' | 'en', tex: TexToSvg, identifier: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [Commands.openNote, Commands.lookup] };
  md.supportHtml = false;
  const title = displayTitle(concept, lang);
  const other = otherTitle(concept, lang);
  md.appendMarkdown('**');
  md.appendText(oneLine(title));
  md.appendMarkdown('**');
  if (other) {
    md.appendMarkdown(' · ');
    md.appendText(oneLine(other));
  }
  md.appendMarkdown('\n\n');
  const summary = displaySummary(concept, lang);
  if (summary) {
    md.appendText(oneLine(summary));
    md.appendMarkdown('\n\n');
  }
  if (concept.formula) {
    const rendered = tex.render(concept.formula, formulaColor(vscode.window.activeColorTheme.kind));
    // The image's alt text is ours; the source of a formula MathJax could not read is shown as plain text.
    if ('svg' in rendered) md.appendMarkdown(`![formula](${svgDataUri(rendered.svg)})\n\n`);
    else {
      md.appendText(oneLine(concept.formula));
      md.appendMarkdown('\n\n');
    }
  }
  const open = commandUri(Commands.openNote, { id: concept.id });
  const lookup = commandUri(Commands.lookup, identifier);
  md.appendMarkdown(
    `[$(book) ${vscode.l10n.t('Open note')}](${open} "${vscode.l10n.t('Open the full note')}") · ` +
      `[$(search) ${vscode.l10n.t('Look up…')}](${lookup} "${vscode.l10n.t('Search the knowledge base')}")`,
  );
  return md;
}
