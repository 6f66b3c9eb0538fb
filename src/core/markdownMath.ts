import type MarkdownIt from 'markdown-it';

type StateBlock = MarkdownIt.StateBlock;
type StateInline = MarkdownIt.StateInline;
type Md = MarkdownIt.MarkdownIt;

/**
 * A markdown-it plugin that turns `$…$`, `$$…$$`, `\(…\)` and `\[…\]` into `math_inline` / `math_block`
 * tokens (content = TeX source). Rendering is left to the caller (KaTeX in the preview, a parse check in lint),
 * so the preview and the linter agree on what is math.
 */
export function mathPlugin(md: Md): void {
  md.inline.ruler.before('escape', 'math_inline', mathInline);
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a;
}

/** The last closing-delimiter search of each kind, per inline state (see findCloser). */
const lastSearch = new WeakMap<StateInline, Map<string, { from: number; end: number }>>();

/**
 * The first valid closing delimiter for `open` at or after `from`, or -1. Whether a delimiter closes depends only
 * on where it is (escaped, after a space, before a digit), so a search from `from` answers every later search
 * that starts before its result: on a line like `$a $a $a …` or `\( \( …` each opener would otherwise scan to
 * the end of the paragraph, which is quadratic (128 KB took 7–50 s).
 */
function findCloser(state: StateInline, open: string, close: string, from: number): number {
  let memo = lastSearch.get(state);
  if (!memo) lastSearch.set(state, (memo = new Map()));
  const last = memo.get(open);
  if (last && last.from <= from && (last.end < 0 || from <= last.end)) return last.end;
  const src = state.src;
  let end = from;
  for (;;) {
    end = src.indexOf(close, end);
    if (end < 0) break;
    // Skip escaped delimiters like \$.
    let backslashes = 0;
    for (let i = end - 1; i >= from && src[i] === '\\'; i--) backslashes++;
    if (open.startsWith('$') && backslashes % 2 === 1) {
      end += 1;
      continue;
    }
    if (open === '$' && (isSpace(src.charCodeAt(end - 1)) || /\d/.test(src[end + 1] ?? ''))) {
      end += 1;
      continue;
    }
    break;
  }
  memo.set(open, { from, end });
  return end;
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const ch = src.charCodeAt(start);
  let open: string;
  let close: string;
  if (ch === 0x5c /* \ */) {
    const next = src[start + 1];
    if (next === '(') [open, close] = ['\\(', '\\)'];
    else if (next === '[') [open, close] = ['\\[', '\\]'];
    else return false;
  } else if (ch === 0x24 /* $ */) {
    if (src[start + 1] === '$') [open, close] = ['$$', '$$'];
    else [open, close] = ['$', '$'];
  } else {
    return false;
  }
  const from = start + open.length;
  if (open === '$') {
    // Pandoc's rule: `$` must hug its content, and a closing `$` may not be followed by a digit ($5 and $10).
    if (from >= src.length || isSpace(src.charCodeAt(from))) return false;
  }
  const end = findCloser(state, open, close, from);
  if (end < 0) return false;
  if (end === from) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.markup = open;
    token.content = src.slice(from, end);
    token.meta = { display: open === '$$' || open === '\\[' };
  }
  state.pos = end + close.length;
  return true;
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  let pos = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(pos, max);
  let open: string;
  let close: string;
  if (line.startsWith('$$')) [open, close] = ['$$', '$$'];
  else if (line.startsWith('\\[')) [open, close] = ['\\[', '\\]'];
  else return false;
  const first = line.slice(open.length);
  let content: string;
  let next = startLine;
  const firstEnd = first.trimEnd().endsWith(close) ? first.trimEnd().length - close.length : -1;
  if (firstEnd >= 0 && first.trim().length >= close.length) {
    // One-line block: $$ x $$ (text after the closing delimiter makes it inline math instead).
    content = first.trimEnd().slice(0, firstEnd);
  } else {
    const parts = [first];
    let found = false;
    for (next = startLine + 1; next < endLine; next++) {
      pos = state.bMarks[next] + state.tShift[next];
      max = state.eMarks[next];
      if (pos < max && state.sCount[next] < state.blkIndent) break;
      const text = state.src.slice(pos, max);
      if (text.trimEnd().endsWith(close)) {
        parts.push(text.trimEnd().slice(0, -close.length));
        found = true;
        break;
      }
      parts.push(text);
    }
    if (!found) {
      // Unclosed: still a math block up to the end of the paragraph, so the error shows where it is.
      next = startLine;
      while (next + 1 < endLine && !state.isEmpty(next + 1)) next++;
      content = state.getLines(startLine, next + 1, state.tShift[startLine], false).slice(open.length);
      if (silent) return true;
      const token = state.push('math_block', 'math', 0);
      token.block = true;
      token.content = content;
      token.markup = open;
      token.map = [startLine, next + 1];
      token.meta = { unclosed: true };
      state.line = next + 1;
      return true;
    }
    content = parts.join('\n');
  }
  if (silent) return true;
  const token = state.push('math_block', 'math', 0);
  token.block = true;
  token.content = content;
  token.markup = open;
  token.map = [startLine, next + 1];
  state.line = next + 1;
  return true;
}
