import { promises as fs } from 'node:fs';
import { buildConceptIndex, createIdentifierMatcher, notebookCode, scanCode, type ScannedConcept } from '../core';
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
