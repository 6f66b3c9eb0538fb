import { promises as fs } from 'node:fs';
import { buildConceptIndex, createIdentifierMatcher, scanCode } from '../core';
import { loadNotes, type CliCommand } from './shared';

export const scanCommand: CliCommand = {
  usage: 'scan <file> [--json]         list the identifiers in a code file that name a concept (what the hover explains)',
  async run(args) {
    const file = args.positional[0];
    if (!file) {
      console.error('scan: give a code file to scan');
      return 2;
    }
    const raw = await fs.readFile(file, 'utf8');
    const notebook = /\.ipynb$/i.test(file) ? notebookCode(raw) : undefined;
    const text = notebook?.text ?? raw;
    const snapshot = await loadNotes(args);
    const matcher = createIdentifierMatcher(buildConceptIndex(snapshot));
    const style = /\.(js|ts|jsx|tsx|c|cc|cpp|h|hpp|java|rs|go|swift|kt|scala)$/i.test(file) ? 'c' : 'python';
    const hits = scanCode(text, matcher, style);
    if (args.flags.json) {
      const out = hits.map((h) => ({
        ...(notebook ? { cell: notebook.cellOfLine[h.line] } : {}),
        line: h.line + 1,
        col: h.start + 1,
        endCol: h.end + 1,
        text: h.name,
        concept: { id: h.match.concept.id, title: h.match.concept.title, title_en: h.match.concept.titleEn, names: h.match.concept.names },
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const h of hits) {
        console.log(`${file}:${h.line + 1}:${h.start + 1}  ${h.chain.padEnd(28)} → ${h.match.concept.titleEn || h.match.concept.title} (${h.match.concept.id}) [${h.match.kind}]`);
      }
      console.error(`${hits.length} concept occurrence(s)`);
    }
    return 0;
  },
};

/**
 * The code cells of a Jupyter notebook as one Python text (cells separated by a blank line), so lines are counted
 * through the cells in order; `cellOfLine` gives each line's 0-based cell index among all cells.
 */
export function notebookCode(json: string): { text: string; cellOfLine: number[] } {
  let nb: { cells?: Array<{ cell_type?: string; source?: string | string[] }> };
  try {
    nb = JSON.parse(json);
  } catch (e) {
    throw new Error(`not a valid notebook (JSON): ${(e as Error).message}`);
  }
  const lines: string[] = [];
  const cellOfLine: number[] = [];
  (nb.cells ?? []).forEach((cell, index) => {
    if (cell.cell_type !== 'code') return;
    const source = Array.isArray(cell.source) ? cell.source.join('') : cell.source ?? '';
    // IPython magics and shell escapes are not Python.
    for (const line of source.split(/\r?\n/)) {
      lines.push(/^\s*[%!]/.test(line) ? '' : line);
      cellOfLine.push(index);
    }
    lines.push('');
    cellOfLine.push(index);
  });
  return { text: lines.join('\n'), cellOfLine };
}
