import MarkdownIt from 'markdown-it';
import { parseFrontMatter } from './frontMatter';
import { mathBlockPlugin } from './markdownMath';
import { uniqueSlugger } from './slug';
import type { Facet, Heading, Note, Problem } from './types';

// The renderer's block structure (a `$$` block can hold a `#` line that is not a heading), so the tree lists
// exactly the headings the preview shows; inline text stays plain, as the renderer's heading slugs read it.
// The block pass alone finds the headings; only their own text is then parsed inline (parsing every paragraph's
// inline content was two thirds of loading a note).
const headingParser = new MarkdownIt({ html: false }).use(mathBlockPlugin);
const blockParser = new MarkdownIt({ html: false }).use(mathBlockPlugin);
blockParser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join'], true);

/** Headings of a Markdown body; code blocks and front matter are not mistaken for headings. */
export function extractHeadings(body: string, bodyLine: number, maxLevel = 3): Heading[] {
  // One env for both passes: link reference definitions found by the block pass resolve `[text][ref]` in headings.
  const env = {};
  const tokens = blockParser.parse(body, env);
  const slug = uniqueSlugger();
  const headings: Heading[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open') continue;
    const level = Number(t.tag.slice(1));
    const content = tokens[i + 1]?.content ?? '';
    const inline = content ? headingParser.parseInline(content, env)[0]?.children ?? [] : [];
    const text = inline.filter((c) => c.type === 'text' || c.type === 'code_inline').map((c) => c.content).join('').trim() || content;
    const s = slug(text);
    if (level <= maxLevel) headings.push({ level, text, line: bodyLine + (t.map?.[0] ?? 0), slug: s });
  }
  return headings;
}

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v.trim() : String(v).trim();
}

function strList(v: unknown): string[] {
  if (v === undefined || v === null || v === '') return [];
  const items = Array.isArray(v) ? v : String(v).split(',');
  return items.map((x) => str(x)).filter((x) => x.length > 0);
}

/** The `facets` list; entries that are not mappings are reported and dropped, missing fields are left to lint. */
function parseFacets(v: unknown, line: number, path: string, problems: Problem[], text: string): Facet[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push({ path, line, message: '`facets` must be a list of mappings (name, code, gloss, gloss_en)', severity: 'error' });
    return [];
  }
  const facets: Facet[] = [];
  // Each facet's own line: the `name:` lines after `facets:`, in order (YAML keeps no positions in plain data).
  const lines = text.split('\n');
  const nameLines: number[] = [];
  for (let l = line; l < lines.length && nameLines.length < v.length; l++) if (/^\s*-?\s*name\s*:/.test(lines[l])) nameLines.push(l + 1);
  v.forEach((item, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ path, line: line + i + 1, message: `facet ${i + 1} is not a mapping`, severity: 'error' });
      return;
    }
    const f = item as Record<string, unknown>;
    facets.push({
      name: str(f.name),
      code: strList(f.code),
      gloss: str(f.gloss),
      glossEn: str(f.gloss_en),
      formula: str(f.formula) || undefined,
      heading: str(f.heading) || undefined,
      line: nameLines[i] ?? line,
    });
  });
  return facets;
}

export interface ParsedNote {
  note: Note;
  problems: Problem[];
}

/** Turns a note file's text into a Note. Never throws: problems are reported and the note keeps what could be read. */
export function parseNote(id: string, path: string, root: string, text: string): ParsedNote {
  const fm = parseFrontMatter(text);
  const problems: Problem[] = [];
  if (fm.error) problems.push({ path, line: fm.error.line, message: fm.error.message, severity: 'error' });
  const d = fm.data;
  const fileName = id.split('/').pop() ?? id;
  const orderValue = d.order === undefined ? undefined : Number(d.order);
  if (d.order !== undefined && !Number.isFinite(orderValue)) {
    problems.push({ path, line: fm.fieldLines.order ?? 1, message: '`order` must be a number', severity: 'warning' });
  }
  const headings = extractHeadings(fm.body, fm.bodyLine);
  const h1 = headings.find((h) => h.level === 1)?.text;
  const title = str(d.title) || h1 || fileName;
  const slash = id.lastIndexOf('/');
  const note: Note = {
    id,
    topicId: slash < 0 ? '' : id.slice(0, slash),
    path,
    root,
    title,
    titleEn: str(d.title_en) || '',
    aliases: strList(d.aliases),
    summary: str(d.summary),
    summaryEn: str(d.summary_en),
    order: Number.isFinite(orderValue) ? orderValue : undefined,
    formula: str(d.formula) || undefined,
    code: strList(d.code),
    related: strList(d.related),
    tags: strList(d.tags),
    ambiguous: strList(d.ambiguous),
    facets: parseFacets(d.facets, fm.fieldLines.facets ?? 1, path, problems, text),
    headings: headings.filter((h) => h.level >= 2),
    body: fm.body,
    bodyLine: fm.bodyLine,
    fieldLines: fm.fieldLines,
    error: fm.error ? `${fm.error.message} (line ${fm.error.line})` : undefined,
  };
  return { note, problems };
}
