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
      if (style === 'python' && j - i <= 2 && (text[j] === '"' || text[j] === "'") && /^[rRbBfFuU]{1,2}$/.test(text.slice(i, j))) {
        i = skipString(text, j, style, newline);
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

function skipString(text: string, i: number, style: CommentStyle, newline: (at: number) => void): number {
  const q = text[i];
  const n = text.length;
  const triple = style === 'python' && text.startsWith(q.repeat(3), i);
  if (triple) {
    const end = q.repeat(3);
    let j = i + 3;
    while (j < n && !text.startsWith(end, j)) {
      if (text.charCodeAt(j) === 92) j++;
      else if (text.charCodeAt(j) === 10) newline(j);
      j++;
    }
    return Math.min(n, j + 3);
  }
  let j = i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === 92) {
      j += 2;
      continue;
    }
    if (text[j] === q) return j + 1;
    if (c === 10 && q !== '`') return j; // unterminated: stop at the line end
    if (c === 10) newline(j);
    j++;
  }
  return n;
}
