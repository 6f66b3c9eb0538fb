import * as vscode from 'vscode';
import type { HoverMode } from '../configuration';
import type { NotesHost } from '../notesHost';
import type { ConceptFinder } from './conceptFinder';
import { conceptHoverMarkdown } from './conceptHover';
import { texForHover } from './texLoader';

/** The concept hover in code: the note's title, summary and formula, with links to open or look it up. */
export class ConceptHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly host: NotesHost,
    private readonly finder: ConceptFinder,
    private readonly modeOf: (document: vscode.TextDocument) => HoverMode,
  ) {}

  /** Positions whose hovers we are asking VS Code for (auto mode): our own provider stays out of that answer. */
  private readonly probing = new Set<string>();

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const mode = this.modeOf(document);
    const key = `${document.uri.toString()}#${position.line}:${position.character}`;
    if (mode === 'off' || this.probing.has(key)) return undefined;
    const started = Date.now();
    try {
      const hit = await this.finder.at(document, position, token);
      if (!hit || token.isCancellationRequested) return undefined;
      const found = Date.now();
      const compact = mode === 'compact' || (mode === 'auto' && (await this.othersAnswer(document, position, key)));
      const asked = Date.now();
      if (token.isCancellationRequested) return undefined;
      const range = new vscode.Range(hit.line, hit.start, hit.line, hit.end);
      const why = { facet: 'facet' in hit.match ? hit.match.facet : undefined, resolved: hit.match.resolved };
      const tex = await texForHover(this.host);
      const hover = new vscode.Hover(conceptHoverMarkdown(hit.match.concept, this.host.lang(), tex, hit.chain, why, compact), range);
      // The first hover's time, MathJax's loading and the formula's SVG included (the e2e output reports it).
      if (hit.match.concept.formula && this.host.timings.firstHoverMs === undefined) {
        this.host.timings.firstHoverMs = Date.now() - started;
        this.host.timings.firstHoverStages = `find ${found - started} + others ${asked - found} + render ${Date.now() - asked} ms`;
        this.host.log.info(`first formula hover: ${this.host.timings.firstHoverMs} ms (finding the concept ${found - started} ms, asking other hover providers ${asked - found} ms, markdown and SVG ${Date.now() - asked} ms)`);
      }
      return hover;
    } catch (e) {
      this.host.log.error(`hover failed: ${(e as Error).message}`);
      return undefined;
    }
  }

  /**
   * Whether another hover provider (a language server's signature and docstring) answers here. Asked through
   * VS Code's own hover command, with our provider excluded for that position; a provider slower than
   * OTHERS_WAIT_MS counts as silent, so our hover is never held up for long. In the browser every call is a round
   * trip through the window, and the first hover's budget is 150 ms (issue 17): there the wait is WEB_OTHERS_WAIT_MS,
   * and a slower language server only means the full hover instead of the compact one.
   */
  private async othersAnswer(document: vscode.TextDocument, position: vscode.Position, key: string): Promise<boolean> {
    this.probing.add(key);
    const asked = Promise.resolve(vscode.commands.executeCommand<vscode.Hover[] | undefined>('vscode.executeHoverProvider', document.uri, position)).finally(
      () => this.probing.delete(key),
    );
    const hovers = await Promise.race([asked.catch(() => undefined), new Promise<undefined>((r) => setTimeout(r, this.host.hostKind === 'web' ? WEB_OTHERS_WAIT_MS : OTHERS_WAIT_MS))]);
    return (hovers ?? []).some((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).trim() !== ''));
  }
}

const OTHERS_WAIT_MS = 500;
const WEB_OTHERS_WAIT_MS = 80;
