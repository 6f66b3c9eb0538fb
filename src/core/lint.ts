import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { mathPlugin } from './markdownMath';
import type { KnowledgeBaseSnapshot } from './knowledgeBase';
import { katexOptions } from './katexOptions';
import { codeKey } from './concepts/codeTokens';
import { GENERIC_WORDS } from './concepts/conceptIndex';
import type { Note, Problem } from './types';

const REQUIRED: Array<[keyof Note, string]> = [
  ['title', 'title'],
  ['titleEn', 'title_en'],
  ['summary', 'summary'],
  ['summaryEn', 'summary_en'],
];

const parser = new MarkdownIt({ html: false }).use(mathPlugin);

/** Normalises a name for uniqueness checks: case, width and spacing do not make two names different. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_\-]+/g, ' ').trim();
}

function checkTex(tex: string, displayMode: boolean): string | undefined {
  try {
    katex.renderToString(tex, { ...katexOptions, displayMode, throwOnError: true });
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^KaTeX parse error: /, '');
  }
}

type Token = MarkdownIt.Token;

/** `[[id]]`, `[[id#heading]]`, `[[id|text]]` as the renderer reads them: no bracket or newline inside, which also
 *  keeps the search linear (`[^\]]+` ran from every `[[` of a long `[[a [[a …` line to its end). */
const WIKI_LINK = /\[\[([^\]|#\n[]+)(?:#[^\]|\n[]*)?(?:\|[^\]\n[]*)?\]\]/g;

function walk(tokens: Token[], visit: (t: Token, line: number) => void, line = 0): void {
  for (const t of tokens) {
    const l = t.map ? t.map[0] : line;
    visit(t, l);
    if (t.children) walk(t.children, visit, l);
  }
}

/** Resolves a relative Markdown link from a note to a note id, or undefined when it is not a note link. */
export function resolveNoteLink(fromId: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  const path = decodeURI(href.split('#')[0].split('?')[0]);
  if (!path.toLowerCase().endsWith('.md')) return undefined;
  const parts = fromId.split('/').slice(0, -1);
  for (const seg of path.replace(/\.md$/i, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Checks a loaded knowledge base: the problems found while loading plus schema, names, links and math. */
export function lintKnowledgeBase(snapshot: KnowledgeBaseSnapshot): Problem[] {
  const problems: Problem[] = [...snapshot.problems];
  const names = new Map<string, Note[]>();
  const codes = new Map<string, Note[]>();
  const idsLower = new Map<string, Note>();

  for (const note of snapshot.notes.values()) {
    if (note.error) continue;
    const at = (field: string) => note.fieldLines[field] ?? 1;
    const add = (line: number, message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ path: note.path, line, message, severity });
    for (const [key, field] of REQUIRED) if (!note[key]) add(1, `missing required field \`${field}\``);
    if (!('aliases' in note.fieldLines)) add(1, 'missing required field `aliases` (use `aliases: []` when there are none)');
    const lower = note.id.toLowerCase();
    const clash = idsLower.get(lower);
    if (clash) add(1, `note id "${note.id}" differs only in case from ${clash.path}`);
    idsLower.set(lower, note);

    for (const name of new Set([note.title, note.titleEn, ...note.aliases].filter(Boolean).map(normaliseName))) {
      const list = names.get(name) ?? [];
      list.push(note);
      names.set(name, list);
    }
    for (const code of new Set(note.code.map((c) => codeKey(c).toLowerCase()))) {
      const list = codes.get(code) ?? [];
      list.push(note);
      codes.set(code, list);
      if (!code.includes('.') && GENERIC_WORDS.has(code)) {
        add(at('code'), `code name "${code}" is too generic to name a concept; hovers ignore it`, 'warning');
      }
    }
    for (const id of note.related) {
      if (!snapshot.notes.has(id)) add(at('related'), `related note "${id}" does not exist`);
    }
    if (note.formula) {
      const err = checkTex(note.formula, true);
      if (err) add(at('formula'), `formula does not parse: ${err}`);
    }
    const tokens = parser.parse(note.body, {});
    walk(tokens, (t, line) => {
      const fileLine = note.bodyLine + line + 1;
      if (t.type === 'math_inline' || t.type === 'math_block') {
        if (t.meta?.unclosed) add(fileLine, `math block opened with ${t.markup} is not closed`);
        const err = checkTex(t.content, t.type === 'math_block');
        if (err) add(fileLine, `math does not parse: ${err}`);
      } else if (t.type === 'link_open') {
        const href = String(t.attrGet('href') ?? '');
        const target = resolveNoteLink(note.id, href);
        if (target !== undefined && !snapshot.notes.has(target)) add(fileLine, `link target "${href}" does not exist`);
      } else if (t.type === 'text') {
        for (const m of t.content.matchAll(WIKI_LINK)) {
          if (!snapshot.notes.has(m[1].trim())) add(fileLine, `wiki link [[${m[1]}]] does not name a note`);
        }
      }
    });
  }

  for (const [name, list] of names) {
    if (list.length < 2) continue;
    const undeclared = list.filter((n) => !n.ambiguous.some((a) => normaliseName(a) === name));
    if (undeclared.length === 0) continue;
    for (const n of undeclared) {
      const others = list.filter((o) => o !== n).map((o) => o.id).join(', ');
      problems.push({ path: n.path, line: n.fieldLines.aliases ?? 1, message: `name "${name}" also names ${others}; remove it or list it under \`ambiguous\` in every note that uses it`, severity: 'error' });
    }
  }
  for (const [code, list] of codes) {
    if (list.length < 2) continue;
    const undeclared = list.filter((n) => !n.ambiguous.some((a) => codeKey(a).toLowerCase() === code));
    for (const n of undeclared) {
      const others = list.filter((o) => o !== n).map((o) => o.id).join(', ');
      problems.push({ path: n.path, line: n.fieldLines.code ?? 1, message: `code name "${code}" is also claimed by ${others}; keep it in the note it means, or list it under \`ambiguous\` in every note that uses it`, severity: 'error' });
    }
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}
