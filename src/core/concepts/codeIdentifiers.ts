import { PYTHON_KEYWORDS } from './vocabulary';
/** One identifier in source code, with the dotted chain that leads to it (`F.kl_div` for `kl_div`). */
export interface IdentifierOccurrence {
  /** 0-based line. */
  line: number;
  /** 0-based start column (UTF-16 units, as editors count). */
  start: number;
  /** 0-based exclusive end column. */
  end: number;
  /** The identifier itself: `kl_div`. */
  name: string;
  /** The dotted chain up to and including it: `F.kl_div`, `self.num_epochs`. */
  chain: string;
  /** Followed by `.`: a module or object others are reached through (`optim` in `torch.optim.SGD`). */
  qualifier: boolean;
}


export type CommentStyle = 'python' | 'c';

const isIdStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
const isIdPart = (c: number) => isIdStart(c) || (c >= 48 && c <= 57);

/**
 * Finds identifiers outside comments and strings. `python` understands `#` comments, '', "", triple quotes and
 * string prefixes (r, b, f, u); `c` understands `//`, `/* *\/`, '' and "" (JavaScript, Julia-ish, C-like).
 */
export function findIdentifiers(text: string, style: CommentStyle = 'python'): IdentifierOccurrence[] {
  const out: IdentifierOccurrence[] = [];
  let line = 0;
  let lineStart = 0;
  let chain = '';
  let chainOpen = false; // the previous significant char was a '.' directly after an identifier
  let i = 0;
  const n = text.length;
  const newline = (at: number) => {
    line++;
    lineStart = at + 1;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      newline(i);
      i++;
      chain = '';
      chainOpen = false;
      continue;
    }
    // comments
    if ((style === 'python' && c === 35) || (style === 'c' && c === 47 && text.charCodeAt(i + 1) === 47)) {
      while (i < n && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    if (style === 'c' && c === 47 && text.charCodeAt(i + 1) === 42) {
      i += 2;
      while (i < n && !(text.charCodeAt(i) === 42 && text.charCodeAt(i + 1) === 47)) {
        if (text.charCodeAt(i) === 10) newline(i);
        i++;
      }
      i += 2;
      continue;
    }
    // strings
    if (c === 34 || c === 39 || (style === 'c' && c === 96)) {
      i = skipString(text, i, style, newline);
      chain = '';
      chainOpen = false;
      continue;
    }
    if (isIdStart(c)) {
      let j = i + 1;
      while (j < n && isIdPart(text.charCodeAt(j))) j++;
      // string prefixes: r'..', f"..", rb'..'
      if (style === 'python' && stringPrefix(text, i, j)) {
        i = skipString(text, j, style, newline, /[fF]/.test(text.slice(i, j)));
        chain = '';
        chainOpen = false;
        continue;
      }
      const name = text.slice(i, j);
      chain = chainOpen ? `${chain}.${name}` : name;
      chainOpen = false;
      if (!(style === 'python' && PYTHON_KEYWORDS.has(name)) && !/^\d/.test(name)) {
        let k = j;
        while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
        out.push({ line, start: i - lineStart, end: j - lineStart, name, chain, qualifier: text.charCodeAt(k) === 46 });
      }
      i = j;
      continue;
    }
    if (c === 46 /* . */ && chain && !chainOpen) {
      chainOpen = true;
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) {
      i++;
      continue;
    }
    chain = '';
    chainOpen = false;
    i++;
  }
  return out;
}

/** A Python string prefix (`r`, `b`, `f`, `rb`, `Rf`…) directly before a quote at `end`. */
function stringPrefix(text: string, start: number, end: number): boolean {
  return end - start <= 2 && (text[end] === '"' || text[end] === "'") && /^[rRbBfFuU]{1,2}$/.test(text.slice(start, end));
}

/**
 * The index just past the string literal opening at `i` (a quote). A backslash escapes the next character, a newline
 * included (a continued line still counts as a line). In a Python f-string (`fstring`) and a JavaScript template
 * literal, the code in `{…}` / `${…}` is skipped as code: its own strings may use the same quote (`f"{d["k"]}"`,
 * PEP 701) without ending the outer one. A string left open stops at the end of its line, except triple-quoted
 * strings and template literals, which may span lines.
 */
function skipString(text: string, i: number, style: CommentStyle, newline: (at: number) => void, fstring = false): number {
  const q = text[i];
  const n = text.length;
  const triple = style === 'python' && text.startsWith(q.repeat(3), i);
  const close = triple ? q.repeat(3) : q;
  const multiline = triple || q === '`';
  const template = q === '`';
  let depth = 0; // nesting of {…} inside an f-string's or template's code
  let j = i + close.length;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 10) {
      if (!multiline) return j; // unterminated: stop at the line end
      newline(j);
      j++;
      continue;
    }
    if (depth === 0) {
      if (c === 92) {
        j++;
        if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) j++;
        if (text.charCodeAt(j) === 10) newline(j);
        j++;
        continue;
      }
      if (text.startsWith(close, j)) return j + close.length;
      if (fstring && c === 123) {
        if (text.charCodeAt(j + 1) === 123) j += 2; // {{ is a literal brace
        else {
          depth = 1;
          j++;
        }
        continue;
      }
      if (template && c === 36 && text.charCodeAt(j + 1) === 123) {
        depth = 1;
        j += 2;
        continue;
      }
      j++;
      continue;
    }
    // Code inside the braces.
    if (c === 34 || c === 39 || (style === 'c' && c === 96)) {
      j = skipString(text, j, style, newline);
      continue;
    }
    if (style === 'python' && isIdStart(c)) {
      let k = j + 1;
      while (k < n && isIdPart(text.charCodeAt(k))) k++;
      if (stringPrefix(text, j, k)) j = skipString(text, k, style, newline, /[fF]/.test(text.slice(j, k)));
      else j = k;
      continue;
    }
    if (c === 123) depth++;
    else if (c === 125) depth--;
    j++;
  }
  return n;
}
