import * as vscode from 'vscode';
import { displaySummary, displayTitle, otherTitle, type Concept, type TexToSvg } from '../../core';

/** The SVG as a `data:` URI, usable as a Markdown image in a hover. */
function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
import { Commands, commandUri } from '../commands';

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

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+\-.!|]/g, '\\$&');
}

/** The hover's Markdown: title (display language first), summary, the formula as an SVG image, and two command links. */
export function conceptHoverMarkdown(concept: Concept, lang: 'zh' | 'en', tex: TexToSvg, identifier: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [Commands.openNote, Commands.lookup] };
  md.supportHtml = false;
  const title = displayTitle(concept, lang);
  const other = otherTitle(concept, lang);
  md.appendMarkdown(`**${escapeMarkdown(title)}**${other ? ` · ${escapeMarkdown(other)}` : ''}\n\n`);
  const summary = displaySummary(concept, lang);
  if (summary) md.appendMarkdown(`${escapeMarkdown(summary)}\n\n`);
  if (concept.formula) {
    const rendered = tex.render(concept.formula, formulaColor(vscode.window.activeColorTheme.kind));
    if ('svg' in rendered) md.appendMarkdown(`![${escapeMarkdown(concept.formula)}](${svgDataUri(rendered.svg)})\n\n`);
    else md.appendMarkdown(`\`${concept.formula.replace(/`/g, "'")}\`\n\n`);
  }
  const open = commandUri(Commands.openNote, { id: concept.id });
  const lookup = commandUri(Commands.lookup, identifier);
  md.appendMarkdown(
    `[$(book) ${vscode.l10n.t('Open note')}](${open} "${vscode.l10n.t('Open the full note')}") · ` +
      `[$(search) ${vscode.l10n.t('Look up…')}](${lookup} "${vscode.l10n.t('Search the knowledge base')}")`,
  );
  return md;
}
