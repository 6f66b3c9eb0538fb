// Markdown for what a note puts in a hover (titles, summary, formula), built so that it renders as exactly that text
// or image whatever the note holds. Pure (no vscode), so the unit tests check it with a Markdown parser.

/** Bidirectional-override and isolate controls: they reorder how text reads (Trojan Source), so they are dropped. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
/** Every ASCII punctuation character: CommonMark lets a backslash escape each, and every Markdown construct needs one. */
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

function cut(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  // Do not split a surrogate pair.
  const end = /[\ud800-\udbff]/.test(text[maxChars - 1] ?? '') ? maxChars - 1 : maxChars;
  return `${text.slice(0, end)}…`;
}

/**
 * `text` as inline Markdown that shows exactly `text`: whitespace runs (newlines included) fold to one space,
 * control and bidi characters are dropped, and every ASCII punctuation character is backslash-escaped. No link,
 * image, autolink (`https\:\/\/…` and `a\@b` do not match), HTML, entity, emphasis, code span, table or block can
 * form from it, and nothing in it can end the surrounding construct. Long text is cut at `maxChars`.
 */
export function inertMarkdown(text: string, maxChars = 1000): string {
  const plain = cut(text.replace(BIDI, '').replace(/\s+/g, ' ').replace(CONTROL, '').trim(), maxChars);
  return plain.replace(PUNCTUATION, '\\$&');
}

/**
 * A code span showing `text` as it is (`num_epochs`, not `num\_epochs`: backslashes are literal in a code span): its
 * fence is longer than any run of backticks in it, whitespace folds to one space, controls and bidi characters go.
 */
export function codeSpanMarkdown(text: string, maxChars = 200): string {
  const body = cut(text.replace(BIDI, '').replace(/\s+/g, ' ').replace(CONTROL, '').trim(), maxChars);
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  // A space each side keeps a leading or trailing backtick from joining the fence (CommonMark strips one each side).
  const pad = body.startsWith('`') || body.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * A fenced code block showing `text` verbatim: the fence is longer than any run of backticks in the text, so no line
 * of it can close the block (a blank line cannot either, unlike the code span this replaces).
 */
export function codeBlockMarkdown(text: string, lang = '', maxChars = 2000): string {
  const body = cut(text.replace(BIDI, '').replace(/\r\n?/g, '\n').replace(CONTROL, ''), maxChars);
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${body}\n${fence}`;
}

/** An SVG as a Markdown image (a `data:` URI: base64 holds no character Markdown reads), with inert alt text. */
export function svgImageMarkdown(svg: string, alt: string): string {
  return `![${inertMarkdown(alt, 200)}](data:image/svg+xml;base64,${utf8Base64(svg)})`;
}

/** Base64 of a string's UTF-8 bytes, with `btoa` (a web worker has no Buffer). */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
