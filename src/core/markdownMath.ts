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
  mathBlockPlugin(md);
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

/** An ATX heading line (`# …` to `###### …`), as markdown-it reads one. */
const HEADING_LINE = /^#{1,6}(?:[ \t]|$)/;

/** Where the first `close` in `text` is, skipping `\$$` (an escaped dollar) as the inline rule does; -1 if none. */
function closerIn(text: string, close: string): number {
  for (let at = text.indexOf(close); at >= 0; at = text.indexOf(close, at + 1)) {
    let backslashes = 0;
    for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) backslashes++;
    if (close === '\\]' || backslashes % 2 === 0) return at;
  }
  return -1;
}

/**
 * `$$` / `\[` at the start of a line opens a display block that ends at the first line ending with `$$` / `\]`.
 * Display math cannot hold a blank line (TeX's rule), and a heading line is not math: the search for the closing
 * line stops at either (or where the container ends), and an unclosed block is shown as an error up to there.
 * So a stray `$$` swallows no heading, and every line scanned belongs to the block, which keeps the scan linear
 * (each unclosed `$$` used to search the rest of the note). `$$x^2$$ is the square.` — text after the closing
 * delimiter on the first line — is not a block: the paragraph's inline rule shows it as display math, as VS Code's
 * Markdown math does.
 */
function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const line = state.src.slice(state.bMarks[startLine] + state.tShift[startLine], state.eMarks[startLine]);
  let open: string;
  let close: string;
  if (line.startsWith('$$')) [open, close] = ['$$', '$$'];
  else if (line.startsWith('\\[')) [open, close] = ['\\[', '\\]'];
  else return false;
  const first = line.slice(open.length);
  const closeAt = closerIn(first, close);
  if (closeAt >= 0 && first.slice(closeAt + close.length).trim() !== '') return false;
  if (silent) return true;

  const push = (content: string, lines: [number, number], unclosed: boolean) => {
    const token = state.push('math_block', 'math', 0);
    token.block = true;
    token.content = content;
    token.markup = open;
    token.map = lines;
    if (unclosed) token.meta = { unclosed: true };
    state.line = lines[1];
    return true;
  };
  // One-line block: $$ x $$.
  if (closeAt >= 0) return push(first.slice(0, closeAt), [startLine, startLine + 1], false);

  const parts = [first];
  let next = startLine + 1;
  for (; next < endLine; next++) {
    if (state.isEmpty(next) || state.sCount[next] < state.blkIndent) break;
    const text = state.src.slice(state.bMarks[next] + state.tShift[next], state.eMarks[next]);
    if (state.sCount[next] - state.blkIndent < 4 && HEADING_LINE.test(text)) break;
    const trimmed = text.trimEnd();
    if (trimmed.endsWith(close)) {
      parts.push(trimmed.slice(0, -close.length));
      return push(parts.join('\n'), [startLine, next + 1], false);
    }
    parts.push(text);
  }
  // Unclosed: a math block up to where the search stopped, so the error shows where it is and nothing is lost.
  return push(parts.join('\n'), [startLine, next], true);
}

/** Only the block rule: for readers that want the block structure the renderer sees but plain inline text. */
export function mathBlockPlugin(md: Md): void {
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] });
}
