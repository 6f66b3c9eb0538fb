import { promises as fs } from 'node:fs';
import { buildConceptIndex, createIdentifierMatcher, scanCode, type ScannedConcept } from '../core';
import { jsonOption, loadNotes, notesOption, type CliCommand } from './shared';

export const scanCommand: CliCommand = {
  usage:
    'scan <file> [--json] [--concepts] [--explain]\n' +
    '                             list the identifiers in a code file that name a concept (what the hover explains);\n' +
    '                             --json prints [{ line, col, endCol, text, concept: { id, title, title_en, names }, via,\n' +
    '                             resolved?, facet? }] (+ cell): via is how it was decided (import, assignment, keyword,\n' +
    '                             code, name, affix, part), resolved the qualified API name, facet { name, gloss, gloss_en, heading };\n' +
    '                             --explain prints the same as text, one hit per line with why;\n' +
    '                             --concepts prints { concepts: { <id>: { title, title_en, names } }, hits: [...] }: the same\n' +
    '                             hits, with each concept\'s names once in the table instead of on every hit',
  options: { ...jsonOption, ...notesOption, concepts: { type: 'boolean' }, explain: { type: 'boolean' } },
  async run(args) {
    const file = args.positional[0];
    if (!file) {
      console.error('scan: give a code file to scan');
      return 2;
    }
    const raw = await fs.readFile(file, 'utf8');
    let notebook: ReturnType<typeof notebookCode> | undefined;
    try {
      notebook = /\.ipynb$/i.test(file) ? notebookCode(raw) : undefined;
    } catch (e) {
      console.error(`scan: ${file}: ${(e as Error).message}`);
      return 2;
    }
    const text = notebook?.text ?? raw;
    const snapshot = await loadNotes(args);
    const matcher = createIdentifierMatcher(buildConceptIndex(snapshot));
    const style = /\.(js|ts|jsx|tsx|c|cc|cpp|h|hpp|java|rs|go|swift|kt|scala)$/i.test(file) ? 'c' : 'python';
    const hits = scanCode(text, matcher, style);
    if (args.flags.concepts) {
      // Each concept's names once, in a table by id; the hits keep the concept's id and titles.
      const concepts: Record<string, { title: string; title_en: string; names: string[] }> = {};
      const out = hits.map((h) => {
        const c = h.match.concept;
        concepts[c.id] ??= { title: c.title, title_en: c.titleEn, names: c.names };
        return { ...position(h, notebook), concept: { id: c.id, title: c.title, title_en: c.titleEn }, ...why(h) };
      });
      process.stdout.write(`${JSON.stringify({ concepts, hits: out }, null, 2)}\n`);
    } else if (args.flags.json) {
      const out = hits.map((h) => ({
        ...position(h, notebook),
        concept: { id: h.match.concept.id, title: h.match.concept.title, title_en: h.match.concept.titleEn, names: h.match.concept.names },
        ...why(h),
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
    } else {
      for (const h of hits) {
        const where = notebook ? `${file} cell ${notebook.cellOfLine[h.line] + 1}:${h.line + 1}:${h.start + 1}` : `${file}:${h.line + 1}:${h.start + 1}`;
        const c = h.match.concept;
        let line = `${where}  ${h.chain.padEnd(28)} → ${c.titleEn || c.title} (${c.id}) [${h.match.via}]`;
        if (args.flags.explain) {
          if (h.match.resolved) line += `  resolved: ${h.match.resolved}`;
          if (h.match.facet) line += `  facet: ${h.match.facet.name}${h.match.facet.heading ? ` → # ${h.match.facet.heading}` : ''}`;
          line += `  matched: ${h.match.matched}`;
        }
        console.log(line);
      }
      console.error(`${hits.length} concept occurrence(s)`);
    }
    return 0;
  },
};

/** Why the hit: how it was decided, the qualified name, the facet. */
function why(h: ScannedConcept) {
  const f = h.match.facet;
  return {
    via: h.match.via,
    ...(h.match.resolved ? { resolved: h.match.resolved } : {}),
    ...(f ? { facet: { name: f.name, gloss: f.gloss, gloss_en: f.glossEn, ...(f.heading ? { heading: f.heading } : {}) } } : {}),
  };
}

function position(h: ScannedConcept, notebook: { cellOfLine: number[] } | undefined) {
  return { ...(notebook ? { cell: notebook.cellOfLine[h.line] } : {}), line: h.line + 1, col: h.start + 1, endCol: h.end + 1, text: h.name };
}

/**
 * The code cells of a Jupyter notebook as one Python text (cells separated by a blank line), so lines are counted
 * through the cells in order; `cellOfLine` gives each line's 0-based cell index among all cells.
 */
export function notebookCode(json: string): { text: string; cellOfLine: number[] } {
  let nb: unknown;
  try {
    nb = JSON.parse(json);
  } catch (e) {
    throw new Error(`not a valid notebook (JSON): ${(e as Error).message}`);
  }
  // A broken notebook says what is wrong with it, not a TypeError from deep inside.
  if (typeof nb !== 'object' || nb === null || Array.isArray(nb)) throw new Error('not a notebook: the JSON is not an object');
  const cells = (nb as { cells?: unknown }).cells;
  if (!Array.isArray(cells)) {
    if (cells !== undefined) throw new Error('not a notebook: its "cells" is not a list');
    const v3 = Array.isArray((nb as { worksheets?: unknown }).worksheets) ? ' (this looks like nbformat 3; only nbformat 4 notebooks are read)' : '';
    throw new Error(`not a notebook: it has no "cells" list${v3}`);
  }
  const lines: string[] = [];
  const cellOfLine: number[] = [];
  cells.forEach((cell: unknown, index) => {
    if (typeof cell !== 'object' || cell === null || Array.isArray(cell)) throw new Error(`cell ${index + 1} is not an object`);
    const { cell_type: type, source: src } = cell as { cell_type?: unknown; source?: unknown };
    if (type !== 'code') return;
    let source: string;
    if (typeof src === 'string') source = src;
    else if (src === undefined || src === null) source = '';
    else if (Array.isArray(src) && src.every((l) => typeof l === 'string')) source = src.join('');
    else throw new Error(`cell ${index + 1}: "source" is neither text nor a list of lines`);
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
