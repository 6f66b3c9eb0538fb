import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { mathPlugin } from './markdownMath';
import type { KnowledgeBaseSnapshot } from './knowledgeBase';
import { katexOptions } from './katexOptions';
import { codeKey } from './concepts/codeTokens';
import { GENERIC_WORDS } from './concepts/vocabulary';
import { decodeLinkPath, resolveNoteLink, wikiLinksIn } from './noteLinks';
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

function walk(tokens: Token[], visit: (t: Token, line: number) => void, line = 0): void {
  for (const t of tokens) {
    const l = t.map ? t.map[0] : line;
    visit(t, l);
    if (t.children) walk(t.children, visit, l);
  }
}

/** The name an `ambiguous` entry declares: `"lr: the learning rate almost everywhere"` declares `lr`. */
export function ambiguousName(entry: string): { name: string; reason?: string } {
  const m = /^([^:：]+?)\s*[:：]\s*(.+)$/.exec(entry);
  return m ? { name: m[1].trim(), reason: m[2].trim() } : { name: entry.trim() };
}

/** `Callee(kw)`, the keyword-argument form of a code name: `LoraConfig(r)`, `torch.optim.AdamW(betas)`. */
const KEYWORD_FORM = /^([A-Za-z_][\w.]*)\(([A-Za-z_]\w*)\)$/;

/** The key two code names are compared by: case, outer underscores and `Callee(kw)` spacing do not count. */
function codeClaimKey(code: string): string {
  const kw = KEYWORD_FORM.exec(code.replace(/\s+/g, ''));
  return (kw ? `${codeKey(kw[1])}(${kw[2]})` : codeKey(code)).toLowerCase();
}

/** Chinese prose: a line with Han characters, once code spans and math are taken out. */
const HAN = /[\u3400-\u9fff]/;

type AddProblem = (line: number, message: string, severity?: Problem['severity']) => void;

/** The checks of one note; names and code names are collected for the cross-note checks. */
function lintNote(
  note: Note,
  snapshot: KnowledgeBaseSnapshot,
  add: AddProblem,
  names: Map<string, Note[]>,
  codes: Map<string, Note[]>,
  idsLower: Map<string, Note>,
): void {
  const at = (field: string) => note.fieldLines[field] ?? 1;
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
  const declared = note.ambiguous.map(ambiguousName);
  const facetHeadings = new Set(note.headings.map((h) => h.text));
  note.facets.forEach((f, i) => {
    const label = f.name ? `facet "${f.name}"` : `facet ${i + 1}`;
    if (!f.name) add(f.line, `${label} has no \`name\``);
    if (!f.gloss) add(f.line, `${label} has no \`gloss\``);
    if (!f.glossEn) add(f.line, `${label} has no \`gloss_en\``);
    if (f.code.length === 0) add(f.line, `${label} has no \`code\` names`);
    if (f.heading && !facetHeadings.has(f.heading)) add(f.line, `${label}: heading "${f.heading}" is not a heading of this note`);
    if (f.formula) {
      const err = checkTex(f.formula, true);
      if (err) add(f.line, `${label}: formula does not parse: ${err}`);
    }
    for (const code of f.code) if (/[()]/.test(code) && !KEYWORD_FORM.test(code.replace(/\s+/g, ''))) add(f.line, `${label}: "${code}" is not a code name or Callee(keyword)`);
  });
  const claims = new Map<string, number>();
  for (const c of note.code) claims.set(codeClaimKey(c), at('code'));
  for (const f of note.facets) for (const c of f.code) if (!claims.has(codeClaimKey(c))) claims.set(codeClaimKey(c), f.line);
  for (const [code, line] of claims) {
    const list = codes.get(code) ?? [];
    list.push(note);
    codes.set(code, list);
    if (!/[.(]/.test(code) && GENERIC_WORDS.has(code)) {
      add(line, `code name "${code}" is too generic to name a concept; hovers ignore it`, 'warning');
    }
    if (/^[a-z0-9]{1,3}$/i.test(code) && !declared.some((d) => d.reason && d.name.toLowerCase() === code)) {
      add(line, `bare code name "${code}" is too short to name a concept on its own: use a qualified or Callee(kw) form, or list it under \`ambiguous\` with a reason ("${code}: why it means this concept")`);
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
      if (target === undefined) return;
      if (decodeLinkPath(href.split('#')[0].split('?')[0]).malformed) {
        add(fileLine, `link target "${href}" has a malformed %-escape (a % must start %XX of UTF-8; write a literal % as %25)`);
      } else if (!snapshot.notes.has(target)) add(fileLine, `link target "${href}" does not exist`);
    } else if (t.type === 'inline' && HAN.test(t.content)) {
      const prose = (t.children ?? []).filter((c) => c.type === 'text').map((c) => c.content).join('');
      if (HAN.test(prose) && /"/.test(prose)) add(fileLine, 'Chinese prose uses “” quotes, not ASCII "…"', 'warning');
    }
    if (t.type === 'text') {
      for (const link of wikiLinksIn(t.content)) {
        if (!snapshot.notes.has(link.id)) add(fileLine, `wiki link [[${link.id}]] does not name a note`);
      }
    }
  });
}

/** Checks a loaded knowledge base: the problems found while loading plus schema, names, links and math. */
export function lintKnowledgeBase(snapshot: KnowledgeBaseSnapshot): Problem[] {
  const problems: Problem[] = [...snapshot.problems];
  const names = new Map<string, Note[]>();
  const codes = new Map<string, Note[]>();
  const idsLower = new Map<string, Note>();

  for (const note of snapshot.notes.values()) {
    if (note.error) continue;
    const add = (line: number, message: string, severity: Problem['severity'] = 'error') =>
      problems.push({ path: note.path, line, message, severity });
    // One note the checks trip over is a problem on that note, not the end of the lint.
    try {
      lintNote(note, snapshot, add, names, codes, idsLower);
    } catch (e) {
      add(1, `note could not be checked: ${(e as Error).message}`);
    }
  }

  for (const [name, list] of names) {
    if (list.length < 2) continue;
    const undeclared = list.filter((n) => !n.ambiguous.some((a) => normaliseName(ambiguousName(a).name) === name));
    if (undeclared.length === 0) continue;
    for (const n of undeclared) {
      const others = list.filter((o) => o !== n).map((o) => o.id).join(', ');
      problems.push({ path: n.path, line: n.fieldLines.aliases ?? 1, message: `name "${name}" also names ${others}; remove it or list it under \`ambiguous\` in every note that uses it`, severity: 'error' });
    }
  }
  for (const [code, list] of codes) {
    if (list.length < 2) continue;
    const undeclared = list.filter((n) => !n.ambiguous.some((a) => codeClaimKey(ambiguousName(a).name) === code));
    for (const n of undeclared) {
      const others = list.filter((o) => o !== n).map((o) => o.id).join(', ');
      problems.push({ path: n.path, line: n.fieldLines.code ?? 1, message: `code name "${code}" is also claimed by ${others}; keep it in the note it means, or list it under \`ambiguous\` in every note that uses it`, severity: 'error' });
    }
  }
  return problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}
