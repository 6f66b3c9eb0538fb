import katex from 'katex';
import MarkdownIt from 'markdown-it';
import { mathPlugin } from './markdownMath';
import { classifyPath, type KnowledgeBaseSnapshot } from './knowledgeBase';
import { parseFrontMatter } from './frontMatter';
import { parseNote } from './noteParser';
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

/** Visits every token with the 0-based body lines `[line, end)` of the block it is in. */
function walk(tokens: Token[], visit: (t: Token, line: number, end: number) => void, line = 0, end = 0): void {
  for (const t of tokens) {
    const l = t.map ? t.map[0] : line;
    const e = t.map ? t.map[1] : end;
    visit(t, l, e);
    if (t.children) walk(t.children, visit, l, e);
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

type AddProblem = (line: number, message: string, severity?: Problem['severity'], at?: { column: number; endColumn: number }) => void;

/** The names (titles, aliases) and code names every note claims, for the cross-note checks. */
interface Claims {
  names: Map<string, Note[]>;
  codes: Map<string, Note[]>;
}

/** A note's code names (claim key → the file line that lists it). */
function codeClaims(note: Note): Map<string, number> {
  const claims = new Map<string, number>();
  for (const c of note.code) claims.set(codeClaimKey(c), note.fieldLines.code ?? 1);
  for (const f of note.facets) for (const c of f.code) if (!claims.has(codeClaimKey(c))) claims.set(codeClaimKey(c), f.line);
  return claims;
}

/** The names and code names a note claims, worked out once per note object (lint runs after every edit). */
const claimKeys = new WeakMap<Note, { names: string[]; codes: string[] }>();

function collectClaims(note: Note, claims: Claims): void {
  let keys = claimKeys.get(note);
  if (!keys) {
    keys = { names: [...new Set([note.title, note.titleEn, ...note.aliases].filter(Boolean).map(normaliseName))], codes: [...codeClaims(note).keys()] };
    claimKeys.set(note, keys);
  }
  for (const name of keys.names) {
    const list = claims.names.get(name);
    if (list) list.push(note);
    else claims.names.set(name, [note]);
  }
  for (const code of keys.codes) {
    const list = claims.codes.get(code);
    if (list) list.push(note);
    else claims.codes.set(code, [note]);
  }
}

/**
 * Where a piece of source text sits in the body lines `[from, to)` of a block: markdown-it maps a paragraph to its
 * first line only, and a link on its third line should be reported there.
 */
function locate(bodyLines: string[], from: number, to: number, needle: string, offset = 0): { line: number; at?: { column: number; endColumn: number } } {
  for (let l = from; l < Math.max(to, from + 1) && l < bodyLines.length; l++) {
    const column = needle ? bodyLines[l].indexOf(needle) : -1;
    if (column >= 0) return { line: l, at: { column: column + offset, endColumn: column + needle.length } };
  }
  return { line: from };
}

/** The checks of one note that need no other note's names: fields, facets, code names, related ids, links, math. */
function checkNote(note: Note, snapshot: { notes: ReadonlyMap<string, Note> }, add: AddProblem): void {
  const at = (field: string) => note.fieldLines[field] ?? 1;
  for (const [key, field] of REQUIRED) {
    if (note[key]) continue;
    // A field written but left empty is a draft (a new note), not a broken one.
    if (field in note.fieldLines) add(at(field), `\`${field}\` is empty: write it before sharing the note`, 'warning');
    else add(1, `missing required field \`${field}\``);
  }
  if (!('aliases' in note.fieldLines)) add(1, 'missing required field `aliases` (use `aliases: []` when there are none)');
  // The Chinese fields of the front matter are prose too: Chinese words in ASCII quotes are flagged; a quoted code
  // string (optim="paged_adamw_32bit") is not, and neither is inline code.
  const asciiQuoted = (text: string) => text.replace(/`[^`]*`/g, '').split('"').some((part, i) => i % 2 === 1 && HAN.test(part));
  if (asciiQuoted(note.summary)) add(at('summary'), 'Chinese prose uses “” quotes, not ASCII "…" (in `summary`)', 'warning');
  for (const f of note.facets) if (f.gloss && asciiQuoted(f.gloss)) add(f.line, `Chinese prose uses “” quotes, not ASCII "…" (in the gloss of facet "${f.name}")`, 'warning');

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
  for (const [code, line] of codeClaims(note)) {
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
  const bodyLines = note.body.split('\n');
  const tokens = parser.parse(note.body, {});
  const fileLine = (l: number) => note.bodyLine + l + 1;
  walk(tokens, (t, line, end) => {
    if (t.type === 'math_inline' || t.type === 'math_block') {
      const where = t.type === 'math_inline' ? locate(bodyLines, line, end, t.content) : { line };
      if (t.meta?.unclosed) add(fileLine(where.line), `math block opened with ${t.markup} is not closed`);
      const err = checkTex(t.content, t.type === 'math_block');
      if (err) add(fileLine(where.line), `math does not parse: ${err}`, 'error', where.at);
    } else if (t.type === 'link_open') {
      const href = String(t.attrGet('href') ?? '');
      const target = resolveNoteLink(note.id, href);
      if (target === undefined) return;
      const where = locate(bodyLines, line, end, `(${href}`, 1);
      if (decodeLinkPath(href.split('#')[0].split('?')[0]).malformed) {
        add(fileLine(where.line), `link target "${href}" has a malformed %-escape (a % must start %XX of UTF-8; write a literal % as %25)`, 'error', where.at);
      } else if (!snapshot.notes.has(target)) add(fileLine(where.line), `link target "${href}" does not exist`, 'error', where.at);
    } else if (t.type === 'inline' && HAN.test(t.content)) {
      const prose = (t.children ?? []).filter((c) => c.type === 'text').map((c) => c.content).join('');
      if (HAN.test(prose) && /"/.test(prose)) add(fileLine(line), 'Chinese prose uses “” quotes, not ASCII "…"', 'warning');
    }
    if (t.type === 'text') {
      for (const link of wikiLinksIn(t.content)) {
        if (snapshot.notes.has(link.id)) continue;
        const where = locate(bodyLines, line, end, `[[${link.id}`, 2);
        add(fileLine(where.line), `wiki link [[${link.id}]] does not name a note`, 'error', where.at);
      }
    }
  });
}

/** Names and code names claimed by more than one note; `only` limits the report to some notes (one open document). */
function claimProblems(claims: Claims, only?: (note: Note) => boolean): Problem[] {
  const problems: Problem[] = [];
  // Two notes in different folders claiming a name is how a user's own note takes over a bundled one: worth a
  // warning, not an error (hovers use the note of the folder listed last).
  const report = (n: Note, others: Note[], line: number, clash: string) => {
    if (only && !only(n)) return;
    const elsewhere = others.every((o) => o.root !== n.root);
    const ids = others.map((o) => o.id).join(', ');
    problems.push(elsewhere
      ? { path: n.path, line, message: `${clash} ${ids} in another notes folder; the note of the folder listed last in the settings wins`, severity: 'warning' }
      : { path: n.path, line, message: `${clash} ${ids}; remove it or list it under \`ambiguous\` in every note that uses it`, severity: 'error' });
  };
  for (const [name, list] of claims.names) {
    if (list.length < 2) continue;
    const undeclared = list.filter((n) => !n.ambiguous.some((a) => normaliseName(ambiguousName(a).name) === name));
    for (const n of undeclared) report(n, list.filter((o) => o !== n), n.fieldLines.aliases ?? 1, `name "${name}" also names`);
  }
  for (const [code, list] of claims.codes) {
    if (list.length < 2) continue;
    const undeclared = list.filter((n) => !n.ambiguous.some((a) => codeClaimKey(ambiguousName(a).name) === code));
    for (const n of undeclared) report(n, list.filter((o) => o !== n), n.fieldLines.code ?? 1, `code name "${code}" is also claimed by`);
  }
  return problems;
}

function problemAdder(note: Note, problems: Problem[]): AddProblem {
  return (line, message, severity = 'error', at) => problems.push({ path: note.path, line, message, severity, ...at });
}

export interface LintOptions {
  /** Checks only the files this accepts (the user's own notes), still against every note's names. */
  only?: (path: string) => boolean;
}

/** Checks a loaded knowledge base: the problems found while loading plus schema, names, links and math. */
export function lintKnowledgeBase(snapshot: KnowledgeBaseSnapshot, options: LintOptions = {}): Problem[] {
  const only = options.only ?? (() => true);
  const problems: Problem[] = snapshot.problems.filter((p) => only(p.path));
  const claims: Claims = { names: new Map(), codes: new Map() };
  const idsLower = new Map<string, Note>();

  for (const note of snapshot.notes.values()) {
    if (note.error) continue;
    const add = problemAdder(note, problems);
    const lower = note.id.toLowerCase();
    const clash = idsLower.get(lower);
    if (clash && only(note.path)) add(1, `note id "${note.id}" differs only in case from ${clash.path}`);
    idsLower.set(lower, note);
    collectClaims(note, claims);
    if (!only(note.path)) continue;
    // One note the checks trip over is a problem on that note, not the end of the lint.
    try {
      checkNote(note, snapshot, add);
    } catch (e) {
      add(1, `note could not be checked: ${(e as Error).message}`);
    }
  }
  problems.push(...claimProblems(claims, (n) => only(n.path)));
  return sortProblems(problems);
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line);
}

/** One note file as it is being edited: where it lives and its current text. */
export interface NoteDocument {
  /** The notes root holding the file. */
  root: string;
  /** Absolute path of the file. */
  path: string;
  text: string;
}

/**
 * The lint of one note file against the rest of a loaded knowledge base, for an editor that lints as the user types:
 * the same checks as lintKnowledgeBase, with `text` standing in for what the file held at the last load. Problems
 * are those of this file only.
 */
export function lintNoteText(snapshot: KnowledgeBaseSnapshot, doc: NoteDocument): Problem[] {
  const rel = doc.path.slice(doc.root.length).replace(/\\/g, '/').replace(/^\/+/, '');
  const kind = classifyPath(rel);
  if (kind === 'skip' || !rel) return [];
  if (kind === 'topic') {
    const fm = parseFrontMatter(doc.text);
    return fm.error ? [{ path: doc.path, line: fm.error.line, message: fm.error.message, severity: 'error' }] : [];
  }
  const id = rel.replace(/\.md$/i, '');
  const parsed = parseNote(id, doc.path, doc.root, doc.text);
  const note = parsed.note;
  const problems: Problem[] = [...parsed.problems];
  // What the load found about the file itself and no parse of its text can: another file with the same id.
  problems.push(...snapshot.problems.filter((p) => p.path === doc.path && p.message.startsWith('duplicate note id')));
  if (note.error) return sortProblems(problems);
  const notes = new Map(snapshot.notes);
  const previous = notes.get(id);
  // A note of an earlier folder with this id is replaced by this one, as the load does; one of a later folder wins.
  if (!previous || previous.path === doc.path || snapshot.roots === undefined || snapshot.roots.indexOf(previous.root) <= snapshot.roots.indexOf(doc.root)) notes.set(id, note);
  const add = problemAdder(note, problems);
  const claims: Claims = { names: new Map(), codes: new Map() };
  for (const other of notes.values()) {
    if (other.error) continue;
    if (other.id !== id && other.id.toLowerCase() === id.toLowerCase()) add(1, `note id "${id}" differs only in case from ${other.path}`);
    collectClaims(other, claims);
  }
  if (notes.get(id) !== note) collectClaims(note, claims);
  try {
    checkNote(note, { notes }, add);
  } catch (e) {
    add(1, `note could not be checked: ${(e as Error).message}`);
  }
  problems.push(...claimProblems(claims, (n) => n === note));
  return sortProblems(problems);
}
