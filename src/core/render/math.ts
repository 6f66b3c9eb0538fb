import katex from 'katex';
import { katexOptions } from '../katexOptions';

/** Formulas longer than this are not handed to KaTeX: no real note needs one, and they cost seconds. */
export const MAX_TEX_CHARS = 20_000;
/** Deeper brace nesting than this overflows KaTeX's recursive parser; refuse it up front. */
export const MAX_TEX_DEPTH = 200;

export interface TexResult {
  /** KaTeX HTML, or the error markup showing the source. */
  html: string;
  error?: string;
  /** Commands KaTeX refused because `trust` is off (\href, \url, \htmlClass, \includegraphics…). */
  untrusted: string[];
  /** A size in the formula exceeded `maxSize` and KaTeX capped it. */
  capped?: string;
}

/** Points per unit (TeX's), to find sizes KaTeX will cap at maxSize (in em; 1em ≈ 10pt here). */
const PT_PER_UNIT: Record<string, number> = {
  pt: 1, mm: 2.845, cm: 28.45, in: 72.27, bp: 1.00375, pc: 12, dd: 1.07, cc: 12.84, sp: 1 / 65536, px: 1, em: 10, ex: 4.3, mu: 10 / 18,
};
/**
 * A command and the first size after it. Each whitespace run has exactly one place to go (no two `\s*` touch,
 * and the optional `[…]` is bounded), so the match is linear: `\hphantom` followed by 3,000 spaces used to
 * backtrack for minutes through three adjacent `\s*`.
 */
const SIZE = /\\(?:rule|kern|mkern|hskip|mskip|hspace\*?|vspace\*?|raisebox|mathrlap|hphantom|vphantom)\s*(?:\[[^\]]{0,64}\]\s*)?(?:\{\s*)?(-?[\d.]+)\s*(pt|mm|cm|in|bp|pc|dd|cc|sp|px|em|ex|mu)/g;

function oversize(tex: string): string | undefined {
  const max = katexOptions.maxSize ?? Infinity;
  for (const m of tex.matchAll(SIZE)) {
    const em = Math.abs(Number(m[1])) * PT_PER_UNIT[m[2]] / 10;
    if (em > max) return `${m[1]}${m[2]}`;
  }
  return undefined;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const CLOSERS: Record<string, string> = { $: '$', $$: '$$', '\\(': '\\)', '\\[': '\\]' };

/** The source as the author wrote it, delimiters included. */
export function texSource(tex: string, markup: string, display: boolean): string {
  const open = markup || (display ? '$$' : '$');
  const close = CLOSERS[open] ?? open;
  return display && !tex.includes('\n') ? `${open} ${tex} ${close}` : display ? `${open}\n${tex.replace(/^\n|\n$/g, '')}\n${close}` : `${open}${tex}${close}`;
}

/** A visible error: the escaped source, and the message as a tooltip (inline) or below it (display). */
export function mathErrorHtml(source: string, message: string, display: boolean): string {
  const title = escapeHtml(`Formula error: ${message}`);
  if (!display) return `<span class="math-error" title="${title}"><code>${escapeHtml(source)}</code></span>`;
  return `<div class="math-error math-error-display" title="${title}"><pre><code>${escapeHtml(source)}</code></pre>`
    + `<div class="math-error-message">${escapeHtml(message)}</div></div>`;
}

function braceDepth(tex: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex.charCodeAt(i);
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x7b /* { */) max = Math.max(max, ++depth);
    else if (c === 0x7d /* } */) depth--;
  }
  return max;
}

/**
 * KaTeX builds its output by concatenation, so each result is a tree of thousands of small strings.
 * Kept for the whole render (a 2 MB note has ~25,000 formulas) those trees cost seconds of garbage
 * collection; a regex replace returns one flat copy and lets the tree die young (4x faster here).
 */
const flatten = (s: string): string => s.replace(/^/, '');

/**
 * KaTeX's markup: the visual HTML plus a MathML copy for screen readers, or the HTML alone. The MathML copy
 * doubles a simple formula's size (`x`: 397 characters instead of 206), so notes with many formulas drop it.
 */
export type TexOutput = 'html' | 'htmlAndMathml';

const cache = new Map<string, TexResult>();
const CACHE_MAX = 4000;

/**
 * Renders TeX with the shared KaTeX options. Never throws: parse errors, runaway macros and stack
 * overflows come back as `error` with markup that shows the source. Results are cached by source and output,
 * since notes repeat formulas and the knowledge base re-renders on every reload.
 */
export function renderTex(tex: string, display: boolean, markup = '', output: TexOutput = 'htmlAndMathml'): TexResult {
  const key = `${display ? 'D' : 'I'}${output === 'html' ? 'h' : 'm'}${markup}\u0000${tex}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = computeTex(tex, display, markup, output);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(key, result);
  return result;
}

function computeTex(tex: string, display: boolean, markup: string, output: TexOutput): TexResult {
  const source = texSource(tex, markup, display);
  const fail = (error: string): TexResult => ({ html: mathErrorHtml(source, error, display), error, untrusted: [] });
  if (tex.trim() === '') return fail('empty formula');
  if (tex.length > MAX_TEX_CHARS) return fail(`formula is too long (${tex.length} characters; the limit is ${MAX_TEX_CHARS})`);
  if (braceDepth(tex) > MAX_TEX_DEPTH) return fail(`braces nest more than ${MAX_TEX_DEPTH} levels deep`);
  const untrusted: string[] = [];
  try {
    const html = katex.renderToString(tex, {
      ...katexOptions,
      output,
      displayMode: display,
      throwOnError: true,
      // Still "trust nothing", but we learn which commands were refused so the note can say so.
      trust: (context) => {
        untrusted.push(context.command);
        return false;
      },
    });
    return { html: flatten(html), untrusted, capped: oversize(tex) };
  } catch (e) {
    if (e instanceof RangeError) return fail('formula nests too deeply to render');
    const message = e instanceof Error ? e.message : String(e);
    return fail(message.replace(/^KaTeX parse error: /, ''));
  }
}

/**
 * Plain text with inline `$…$` formulas (a summary, a card) as HTML: the text escaped, each formula rendered by
 * KaTeX (HTML output only), an unclosed `$` kept as text.
 */
export function inlineMathHtml(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/\$([^$\n]+?)\$/g)) {
    out += escapeHtml(text.slice(last, m.index));
    out += renderTex(m[1], false, '$', 'html').html;
    last = m.index! + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}
