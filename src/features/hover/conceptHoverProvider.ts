import * as vscode from 'vscode';
import type { TexToSvg } from '../../core';
import type { NotesHost } from '../notesHost';
import type { ConceptFinder } from './conceptFinder';
import { conceptHoverMarkdown } from './conceptHover';

/** The concept hover in code: the note's title, summary and formula, with links to open or look it up. */
export class ConceptHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly host: NotesHost,
    private readonly finder: ConceptFinder,
    private readonly tex: TexToSvg,
    private readonly isEnabled: (document: vscode.TextDocument) => boolean,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.isEnabled(document)) return undefined;
    try {
      const hit = await this.finder.at(document, position, token);
      if (!hit || token.isCancellationRequested) return undefined;
      const range = new vscode.Range(hit.line, hit.start, hit.line, hit.end);
      return new vscode.Hover(conceptHoverMarkdown(hit.match.concept, this.host.lang(), this.tex, hit.chain, { facet: 'facet' in hit.match ? hit.match.facet : undefined, resolved: hit.match.resolved }), range);
    } catch (e) {
      this.host.log.error(`hover failed: ${(e as Error).message}`);
      return undefined;
    }
  }
}
