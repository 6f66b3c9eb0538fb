import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import { resolveNoteLink } from '../noteLinks';
import { katexOptions } from '../katexOptions';
import { mathPlugin } from '../markdownMath';
import { headingId, slugify, uniqueSlugger } from '../slug';
import type { Heading, Note } from '../types';
import { highlightCode } from './highlight';
import { mathErrorHtml, renderTex, texSource, type TexOutput } from './math';

type Token = MarkdownIt.Token;
type StateCore = MarkdownIt.StateCore;
type StateInline = MarkdownIt.StateInline;
type StateBlock = MarkdownIt.StateBlock;

/** What the renderer needs of a note; a full `Note` will do (its front matter is then checked too). */
export type NoteToRender = Pick<Note, 'id' | 'path' | 'root' | 'body' | 'bodyLine'> &
  Partial<Pick<Note, 'error' | 'title' | 'titleEn' | 'summary' | 'summaryEn' | 'aliases' | 'tags' | 'fieldLines'>>;

export interface RenderOptions {
  /** A note's title by id, or undefined when there is no such note (links to it render as broken).
   *  Without it, every note link is taken to exist and `[[id]]` shows the id. */
  noteTitle?(id: string): string | undefined;
  /** The URL an image file (an absolute path inside the note's root) loads from, or undefined to drop it.
   *  Without it, images keep the relative path written in the note. */
  resolveImage?(absolutePath: string): string | undefined;
  /** Put a summary of the problems at the top of the HTML (default true). */
  problemBanner?: boolean;
  /** Rendered HTML past which the rest of the note is shown as plain text (default MAX_RENDERED_CHARS). */
  maxHtmlChars?: number;
}

export interface RenderedHeading extends Heading {
  /** The heading's content as inline HTML (math rendered, links removed), for an outline. */
  html: string;
}

export interface RenderProblem {
  /** 0-based line in the note's file. */
  line: number;
  message: string;
}

export interface RenderedNote {
  /** The note body as HTML: nothing executable, no raw HTML from the note, links rewritten (see rewriteLink). */
  html: string;
  /** Every heading (levels 1–6) with the same slugs as `Note.headings`; each heading element's id is
   *  `headingId(slug)`, which cannot be the id of anything else on the preview page. */
  headings: RenderedHeading[];
  problems: RenderProblem[];
}

interface RenderEnv {
  note: NoteToRender;
  options: RenderOptions;
  problems: RenderProblem[];
  headings: RenderedHeading[];
  nestingReported?: boolean;
  references?: Record<string, { href: string; title: string }>;
  /** KaTeX's output for this note (see MATHML_MAX_FORMULAS). */
  mathOutput?: TexOutput;
  [key: string | symbol]: unknown;
}

/** markdown-it's own limit: it silently drops everything from a block nested this deep to the end of its container. */
const MAX_NESTING = 100;
/** Blocks nested this deep are shown as plain paragraphs, well before markdown-it's limit. */
const GUARD_LEVEL = 60;
const MAX_LISTED_PROBLEMS = 50;
/**
 * Rendered HTML the preview is sent at most (characters): past it, the rest of the note is shown as plain text
 * under a notice. A 0.65 MiB note of short formulas renders to 64 Mi characters, more than a webview message
 * takes; every megabyte costs the preview about a third of a second to receive and more to lay out, and the
 * formulas past the cut are never rendered. The largest bundled note renders to 82 K characters.
 */
export const MAX_RENDERED_CHARS = 4 * 1024 * 1024;
/** The plain-text rest of an over-large note is cut here too (characters of source). */
const MAX_REST_CHARS = 8 * 1024 * 1024;
/** Notes with more formulas than this get KaTeX's HTML without its MathML copy, which doubles short formulas. */
export const MATHML_MAX_FORMULAS = 2000;

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// Headings get their slug from the same text `extractHeadings` (noteParser) reads, parsed the same way,
// so the tree's heading targets and the preview's anchors agree even when a heading holds math or links.
const headingTextParser = new MarkdownIt({ html: false });

function headingText(content: string, env: RenderEnv): string {
  const inline = headingTextParser.parseInline(content, { references: env.references ?? {} })[0];
  const text = (inline?.children ?? [])
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('')
    .trim();
  return text || content;
}

/** `[[id]]`, `[[id|text]]`, `[[id#heading]]`, `[[id#heading|text]]`: the grammar lint checks. */
function wikiLink(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x5b || src.charCodeAt(start + 1) !== 0x5b) return false;
  // The inner part holds no bracket and no newline: scan only up to the first one. (Searching for `]]` first
  // made each `[[` of a long `[[a [[a …` line scan to its end.)
  let end = start + 2;
  while (end < src.length) {
    const c = src.charCodeAt(end);
    if (c === 0x5b /* [ */ || c === 0x5d /* ] */ || c === 0x0a) break;
    end++;
  }
  if (src.charCodeAt(end) !== 0x5d || src.charCodeAt(end + 1) !== 0x5d) return false;
  const inner = src.slice(start + 2, end);
  const m = /^([^\]|#\n[]+)(?:#([^\]|\n[]*))?(?:\|([^\]\n[]*))?$/.exec(inner);
  if (!m) return false;
  const id = m[1].trim().replace(/\.md$/i, '');
  if (!id) return false;
  if (!silent) {
    const env = state.env as unknown as RenderEnv;
    const heading = m[2]?.trim() || undefined;
    const title = env.options.noteTitle?.(id) ?? id;
    const label = m[3]?.trim() || (heading ? `${title} › ${heading}` : title);
    const open = state.push('link_open', 'a', 1);
    open.attrs = [['href', '#']];
    open.markup = 'wikilink';
    open.meta = { wiki: { id, heading }, source: `[[${inner}]]` };
    const text = state.push('text', '', 0);
    text.content = label;
    state.push('link_close', 'a', -1);
  }
  state.pos = end + 2;
  return true;
}

/**
 * The first block rule: at GUARD_LEVEL, take the lines up to the next blank line as a plain paragraph, so no
 * container opens deeper. Without it, 5,000 nested `>` or `- ` would hit maxNesting and markdown-it would drop
 * the rest of the note.
 */
function nestingGuard(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.level < GUARD_LEVEL || silent) return false;
  let next = startLine + 1;
  // As a paragraph does, take lazy continuation lines (sCount < 0: a quote's line with fewer `>`) too. Stopping
  // at them closed every open quote, and the next line reopened all of them, each scanning to the end of the note:
  // quadratic in the number of lines.
  while (next < endLine && !state.isEmpty(next) && (state.sCount[next] >= state.blkIndent || state.sCount[next] < 0)) next++;
  const env = state.env as unknown as RenderEnv;
  if (!env.nestingReported) {
    env.nestingReported = true;
    addProblem(env, env.note.bodyLine + startLine, `blocks nest more than ${GUARD_LEVEL / 2} levels deep; the deeper part is shown as plain text`);
  }
  const open = state.push('paragraph_open', 'p', 1);
  open.map = [startLine, next];
  const inline = state.push('inline', '', 0);
  inline.content = state.getLines(startLine, next, state.blkIndent, false).trim();
  inline.map = [startLine, next];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  state.line = next;
  return true;
}

function lineOf(token: Token, env: RenderEnv): number {
  return env.note.bodyLine + (token.map?.[0] ?? 0);
}

function addProblem(env: RenderEnv, line: number, message: string): void {
  env.problems.push({ line, message });
}

/** Turns a link into a `<span>` (keeping its text) and its matching close too. */
function unlink(children: Token[], i: number, cls: string, title: string): void {
  const open = children[i];
  open.tag = 'span';
  open.attrs = [['class', cls], ['title', title]];
  let depth = 0;
  for (let j = i + 1; j < children.length; j++) {
    const t = children[j];
    if (t.type === 'link_open') depth++;
    else if (t.type === 'link_close') {
      if (depth === 0) {
        t.tag = 'span';
        return;
      }
      depth--;
    }
  }
}

function schemeOf(href: string): string | undefined {
  return /^\s*([a-z][a-z0-9+.-]*):/i.exec(href)?.[1].toLowerCase();
}

/** The link policy: note links and #anchors stay inside the preview, http(s) open outside, the rest lose their href. */
function rewriteLink(children: Token[], i: number, env: RenderEnv, line: number): void {
  const t = children[i];
  const wiki = t.meta?.wiki as { id: string; heading?: string } | undefined;
  const href = String(t.attrGet('href') ?? '');
  let target: { id: string; heading?: string } | undefined = wiki;
  if (!target) {
    if (href.startsWith('#')) {
      const slug = slugify(safeDecode(href.slice(1)));
      t.attrs = [['href', `#${encodeURIComponent(slug)}`], ['class', 'anchor-link'], ['data-heading', slug]];
      return;
    }
    const scheme = schemeOf(href);
    if (scheme === 'http' || scheme === 'https') {
      const title = t.attrGet('title');
      t.attrs = [['href', href], ['class', 'external-link'], ['data-external', ''], ['title', title ? `${title}\n${href}` : href]];
      return;
    }
    const id = scheme ? undefined : resolveNoteLink(env.note.id, href);
    if (id === undefined) {
      const what = scheme ? `"${scheme}:" links are not allowed` : 'only notes (.md), #headings and http(s) can be linked';
      unlink(children, i, 'dropped-link', `Link removed: ${what} (${href})`);
      addProblem(env, line, `link "${href}" removed: ${what}`);
      return;
    }
    const hash = href.indexOf('#');
    target = { id, heading: hash >= 0 ? safeDecode(href.slice(hash + 1)) || undefined : undefined };
  }
  const title = env.options.noteTitle ? env.options.noteTitle(target.id) : target.id;
  if (title === undefined) {
    const source = (t.meta?.source as string | undefined) ?? href;
    unlink(children, i, 'broken-link', `No note "${target.id}"`);
    addProblem(env, line, `link "${source}" points to no note`);
    return;
  }
  const slug = target.heading ? slugify(target.heading) : undefined;
  t.attrs = [
    ['href', '#'],
    ['class', 'note-link'],
    ['data-note', target.id],
    ...(slug ? [['data-heading', slug] as [string, string]] : []),
    ['title', title],
  ];
}

function isInside(path: string, root: string): boolean {
  const p = path.replace(/\\/g, '/');
  const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
  return p.startsWith(`${r}/`);
}

/** Joins a relative path onto the note's folder, resolving `.` and `..`; keeps the note path's separator. */
function resolveRelative(notePath: string, rel: string): string {
  const sep = notePath.includes('/') ? '/' : '\\';
  const parts = notePath.split(/[\\/]/).slice(0, -1);
  for (const seg of rel.split(/[\\/]/)) {
    if (seg === '..') {
      if (parts.length > 1) parts.pop();
    } else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join(sep);
}

/** Images: only files inside the note's root, through the host's URL mapping. */
function rewriteImage(t: Token, env: RenderEnv, line: number): void {
  const src = String(t.attrGet('src') ?? '');
  const drop = (why: string) => {
    t.meta = { ...(t.meta ?? {}), dropped: why };
    addProblem(env, line, `image "${src.length > 80 ? `${src.slice(0, 80)}…` : src}" not shown: ${why}`);
  };
  if (schemeOf(src) || src.startsWith('/') || src.startsWith('\\')) return drop('only images stored beside the notes are shown');
  const rel = safeDecode(src.split(/[?#]/)[0]);
  if (!rel) return drop('empty path');
  const abs = resolveRelative(env.note.path, rel);
  if (!isInside(abs, env.note.root)) return drop('it is outside the notes folder');
  const url = env.options.resolveImage ? env.options.resolveImage(abs) : src;
  if (!url) return drop('it cannot be loaded');
  t.attrSet('src', url);
  t.attrSet('loading', 'lazy');
}

const RAW_HTML = /<\/?[a-z][a-z0-9-]*(?:[\s/>]|$)/i;
/** markdown-it refuses these URLs itself and leaves the whole `[text](url)` as text; we only say so.
 *  (No two `\s*` touch: `](` and 100,000 spaces would backtrack quadratically.) */
const REFUSED_LINK = /\]\(\s*(?:<\s*)?((?:javascript|vbscript|file|data)\s*:)/i;

function rewriteInline(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  let rawHtmlLine: number | undefined;
  const refused = new Set<number>();
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const line = lineOf(block, env);
    const children = block.children;
    for (let i = 0; i < children.length; i++) {
      const t = children[i];
      if (t.type === 'link_open') rewriteLink(children, i, env, line);
      else if (t.type === 'image') rewriteImage(t, env, line);
      else if (t.type === 'math_inline') t.meta = { ...(t.meta ?? {}), line };
      else if (t.type === 'text') {
        if (rawHtmlLine === undefined && RAW_HTML.test(t.content)) rawHtmlLine = line;
        const m = REFUSED_LINK.exec(t.content);
        if (m && !refused.has(line)) {
          refused.add(line);
          addProblem(env, line, `a link to "${m[1].replace(/\s+/g, '')}" is shown as text: only notes, #headings and http(s) can be linked`);
        }
      }
    }
  }
  if (rawHtmlLine !== undefined) addProblem(env, rawHtmlLine, 'raw HTML is shown as text: notes are Markdown only');
}

/** Front-matter text is shown as text everywhere; an author who wrote HTML there should learn that. */
function checkFrontMatter(note: NoteToRender, env: RenderEnv): void {
  const fields: Array<[string, string | string[] | undefined]> = [
    ['title', note.title], ['title_en', note.titleEn], ['summary', note.summary], ['summary_en', note.summaryEn],
    ['aliases', note.aliases], ['tags', note.tags],
  ];
  for (const [key, value] of fields) {
    if (value === undefined || (note.fieldLines && !(key in note.fieldLines))) continue;
    const text = Array.isArray(value) ? value.join(' ') : value;
    if (RAW_HTML.test(text)) addProblem(env, (note.fieldLines?.[key] ?? 1) - 1, `front matter \`${key}\` holds HTML; it is shown as text`);
  }
}

/** Picks KaTeX's output for the note: with MathML (for screen readers) unless the note has very many formulas. */
function mathOutput(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  let formulas = 0;
  for (const t of state.tokens) {
    if (t.type === 'math_block') formulas++;
    else if (t.type === 'inline' && t.children) for (const c of t.children) if (c.type === 'math_inline') formulas++;
  }
  env.mathOutput = formulas > MATHML_MAX_FORMULAS ? 'html' : 'htmlAndMathml';
}

/**
 * A formula's HTML, rendered when the renderer reaches it (so the formulas of a note's part shown as plain text cost
 * nothing) and once per token (a heading's formula is rendered for the outline and the body), with its problems.
 */
function mathHtml(t: Token, env: RenderEnv, display: boolean, line: number): string {
  const meta = (t.meta ??= {}) as { html?: string; unclosed?: boolean };
  if (meta.html !== undefined) return meta.html;
  if (meta.unclosed) {
    const message = `math block opened with ${t.markup} is not closed`;
    addProblem(env, line, message);
    return (meta.html = mathErrorHtml(t.markup + t.content, message, true));
  }
  const result = renderTex(t.content, display, t.markup, env.mathOutput);
  if (result.error) addProblem(env, line, `formula error: ${result.error}`);
  for (const command of new Set(result.untrusted)) addProblem(env, line, `${command} is not allowed in formulas and is shown as text`);
  if (result.capped) addProblem(env, line, `the size ${result.capped} in a formula is over the ${katexOptions.maxSize}em limit and was capped`);
  return (meta.html = result.html);
}

function headingIds(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  const slug = uniqueSlugger();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open') continue;
    const inline = tokens[i + 1];
    const text = headingText(inline?.content ?? '', env);
    const s = slug(text);
    t.attrSet('id', headingId(s));
    const children = (inline?.children ?? []).filter((c) => c.type !== 'link_open' && c.type !== 'link_close');
    const html = state.md.renderer.renderInline(children, state.md.options, env);
    env.headings.push({ level: Number(t.tag.slice(1)), text, line: lineOf(t, env), slug: s, html });
  }
}

/** `data-line` (0-based file line) on every block, so a host can scroll to a line as VS Code's preview does. */
function blockLines(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  for (const t of state.tokens) {
    if (t.map && t.nesting >= 0 && t.type !== 'inline') t.attrSet('data-line', String(lineOf(t, env)));
  }
}

function createParser(): MarkdownIt.MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false, maxNesting: MAX_NESTING });
  md.use(mathPlugin);
  md.block.ruler.before('table', 'nesting_guard', nestingGuard);
  md.inline.ruler.before('link', 'wiki_link', wikiLink);
  md.core.ruler.push('ai_notes_links', rewriteInline);
  md.core.ruler.push('ai_notes_math', mathOutput);
  md.core.ruler.push('ai_notes_headings', headingIds);
  md.core.ruler.push('ai_notes_lines', blockLines);
  // Ids are set above; markdown-it-anchor keeps them and adds the permalink.
  md.use(anchor, {
    level: 1,
    tabIndex: false,
    permalink: anchor.permalink.linkInsideHeader({ symbol: '#', placement: 'after', class: 'header-anchor', ariaHidden: true }),
  });

  const rules = md.renderer.rules;
  rules.math_inline = (tokens, idx, _options, e) => {
    const t = tokens[idx];
    const env = e as RenderEnv;
    return mathHtml(t, env, Boolean(t.meta?.display), (t.meta?.line as number | undefined) ?? env.note.bodyLine);
  };
  rules.math_block = (tokens, idx, _options, e) => {
    const t = tokens[idx];
    return `<div class="math-block" data-line="${escapeHtml(String(t.attrGet('data-line') ?? ''))}">${mathHtml(t, e as RenderEnv, true, lineOf(t, e as RenderEnv))}</div>\n`;
  };
  rules.fence = (tokens, idx) => {
    const t = tokens[idx];
    const lang = md.utils.unescapeAll(t.info).trim().split(/\s+/)[0] ?? '';
    const highlighted = lang ? highlightCode(t.content, lang.toLowerCase()) : undefined;
    const body = highlighted ? highlighted.html : escapeHtml(t.content);
    const langAttr = lang ? ` data-lang="${escapeHtml(lang)}"` : '';
    const cls = highlighted ? `hljs language-${escapeHtml(highlighted.language)}` : 'hljs';
    return `<pre class="code-block" data-line="${escapeHtml(String(t.attrGet('data-line') ?? ''))}"${langAttr}><code class="${cls}">${body}</code></pre>\n`;
  };
  const defaultImage = rules.image!;
  rules.image = (tokens, idx, options, env, self) => {
    const t = tokens[idx];
    if (t.meta?.dropped) {
      const alt = self.renderInlineAsText(t.children ?? [], options, env);
      return `<span class="dropped-image" title="${escapeHtml(`Image not shown: ${String(t.meta.dropped)}`)}">${escapeHtml(alt || 'image')}</span>`;
    }
    return defaultImage(tokens, idx, options, env, self);
  };
  return md;
}

let parser: MarkdownIt.MarkdownIt | undefined;

function problemBanner(problems: RenderProblem[]): string {
  const items = problems.slice(0, MAX_LISTED_PROBLEMS).map(
    (p) => `<li><a href="#" class="source-line" data-source-line="${p.line}">line ${p.line + 1}</a>: ${escapeHtml(p.message)}</li>`,
  );
  if (problems.length > MAX_LISTED_PROBLEMS) items.push(`<li>… and ${problems.length - MAX_LISTED_PROBLEMS} more</li>`);
  const n = problems.length;
  return `<aside class="render-problems" role="note"><details><summary>${n} problem${n === 1 ? '' : 's'} in this note</summary><ul>${items.join('')}</ul></details></aside>\n`;
}

/**
 * markdown-it's `render`, with a budget: once `budget` characters of HTML are out, the rest of the note follows as
 * plain text under a notice (and a problem says so), so a huge note still shows, all of it, in bounded time and size
 * instead of leaving the preview blank. The cut falls between top-level blocks, or inside one (a paragraph between
 * its outermost inline tokens, a list between items) that runs a quarter past the budget; formulas past the cut are
 * never rendered.
 */
function renderWithin(md: MarkdownIt.MarkdownIt, note: NoteToRender, env: RenderEnv, budget: number): string {
  const tokens = md.parse(note.body, env);
  const renderer = md.renderer;
  const render = (list: Token[], i: number) => renderer.rules[list[i].type]?.(list, i, md.options, env, renderer) ?? renderer.renderToken(list, i, md.options);
  // Inside a block, cut only when it alone runs well past the budget; else at the next top-level block.
  const hardLimit = budget + budget / 4;
  let out = '';
  /** Body line where the note started to be shown as plain text inside a block, if it did. */
  let cutLine: number | undefined;
  let line = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.map) line = t.map[0];
    if (t.level === 0 && t.nesting >= 0 && t.map && (cutLine !== undefined || out.length > budget)) {
      return out + truncationNotice(note, env, cutLine ?? line, out.length) + plainRest(note, line);
    }
    if (cutLine === undefined && out.length > hardLimit) cutLine = line;
    if (cutLine !== undefined) {
      // Past the cut inside one huge block: its text as written; only the (small) tags that keep the HTML whole.
      if (t.type === 'inline') out += `<span class="render-rest">${escapeHtml(inlineSource(t.children ?? []))}</span>`;
      else if (t.type === 'math_block') out += `<pre class="render-rest">${escapeHtml(texSource(t.content, t.markup, true))}</pre>\n`;
      else if (t.type === 'fence' || t.type === 'code_block') out += `<pre class="render-rest">${escapeHtml(t.content)}</pre>\n`;
      else out += render(tokens, i);
      continue;
    }
    if (t.type !== 'inline') {
      out += render(tokens, i);
      continue;
    }
    const children = t.children ?? [];
    let depth = 0;
    for (let j = 0; j < children.length; j++) {
      if (depth === 0 && out.length > hardLimit) {
        cutLine = line;
        out += `<span class="render-rest">${escapeHtml(inlineSource(children.slice(j)))}</span>`;
        break;
      }
      out += render(children, j);
      depth += children[j].nesting;
    }
  }
  return cutLine === undefined ? out : out + truncationNotice(note, env, cutLine, out.length);
}

/** Inline tokens back to (roughly) the text they were read from: text, code and formulas as written. */
function inlineSource(children: Token[]): string {
  let s = '';
  for (const c of children) {
    if (c.type === 'text' || c.type === 'html_inline') s += c.content;
    else if (c.type === 'code_inline') s += `${c.markup}${c.content}${c.markup}`;
    else if (c.type === 'math_inline') s += texSource(c.content, c.markup, false);
    else if (c.type === 'softbreak' || c.type === 'hardbreak') s += '\n';
    else if (c.type === 'image') s += inlineSource(c.children ?? []);
  }
  return s;
}

function truncationNotice(note: NoteToRender, env: RenderEnv, from: number, rendered: number): string {
  const line = note.bodyLine + from;
  const size = rendered >= 1048576 ? `${(rendered / 1048576).toFixed(1)} MB` : `${Math.ceil(rendered / 1024)} KB`;
  addProblem(env, line, `the note is too large to show in full (${size} of HTML so far): from here on it is shown as plain text`);
  return `<div class="render-truncated" role="note" data-line="${line}"><p>This note is too large to show in full: from line ${line + 1} on it is shown as plain text. `
    + `<a href="#" class="source-line" data-source-line="${line}">Open the source</a> to read it with its formatting.</p></div>\n`;
}

/** The note's text from body line `from` on, escaped (itself cut at MAX_REST_CHARS). */
function plainRest(note: NoteToRender, from: number): string {
  let rest = note.body.split('\n').slice(from).join('\n');
  let cut = '';
  if (rest.length > MAX_REST_CHARS) {
    rest = rest.slice(0, MAX_REST_CHARS);
    cut = '<p class="render-rest-cut">… the rest is in the source file.</p>\n';
  }
  return `<pre class="render-rest" data-line="${note.bodyLine + from}">${escapeHtml(rest)}</pre>\n${cut}`;
}

/**
 * Renders a note's body to safe HTML: markdown-it without raw HTML, KaTeX math, highlighted code, heading ids
 * `headingId(slug)` of the `Note.headings` slugs, and links rewritten to `data-note` / `data-external` / `#anchor`
 * (everything else loses its href). Never throws; what could not be rendered is listed in `problems` and shown in place.
 * The HTML is bounded: past `maxHtmlChars` the rest of the note is shown as plain text, with a notice.
 */
export function renderNote(note: NoteToRender, options: RenderOptions = {}): RenderedNote {
  parser ??= createParser();
  const env: RenderEnv = { note, options, problems: [], headings: [] };
  checkFrontMatter(note, env);
  let body: string;
  try {
    body = renderWithin(parser, note, env, options.maxHtmlChars ?? MAX_RENDERED_CHARS);
  } catch (e) {
    // A bug or an input we did not foresee: show the text rather than nothing.
    env.problems.push({ line: note.bodyLine, message: `the note could not be rendered: ${(e as Error).message}` });
    body = `<pre class="render-failed">${escapeHtml(note.body)}</pre>`;
  }
  let head = '';
  if (note.error) {
    head += `<div class="note-error" role="alert"><p class="note-error-title">This note has a problem</p><p class="note-error-message">${escapeHtml(note.error)}</p>`
      + (note.body.trim() ? '' : '<p class="note-error-hint">Open the source file to see what it holds.</p>')
      + '</div>\n';
  }
  const problems = env.problems.sort((a, b) => a.line - b.line);
  if (options.problemBanner !== false && problems.length) head += problemBanner(problems);
  return { html: head + body, headings: env.headings, problems };
}

