// Links between notes: relative Markdown links to .md files and `[[id]]` wiki links. The renderer and lint both
// resolve links here, so a link the preview follows is a link lint checks.

/** Decodes a run of %XX one UTF-8 sequence at a time, keeping the escapes of any byte that starts no valid one. */
function decodeEscapes(run: string): string {
  const escapes = run.match(/%[0-9a-f]{2}/gi) ?? [];
  let out = '';
  for (let i = 0; i < escapes.length; ) {
    const lead = parseInt(escapes[i].slice(1), 16);
    const size = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let decoded: string | undefined;
    if (size > 0 && i + size <= escapes.length) {
      try {
        decoded = decodeURI(escapes.slice(i, i + size).join(''));
      } catch {
        decoded = undefined;
      }
    }
    if (decoded === undefined) {
      out += escapes[i];
      i++;
    } else {
      out += decoded;
      i += size;
    }
  }
  return out;
}

/**
 * decodeURI that never throws: runs of %XX that are not valid UTF-8 (`%FF`) or not escapes at all (`%`, `%zz`) stay
 * as they are, the rest is decoded. `malformed` tells whether anything had to be kept.
 */
export function decodeLinkPath(path: string): { path: string; malformed: boolean } {
  try {
    return { path: decodeURI(path), malformed: false };
  } catch {
    return { path: path.replace(/(?:%[0-9a-f]{2})+/gi, decodeEscapes), malformed: true };
  }
}

/**
 * Resolves a relative Markdown link from a note to a note id, or undefined when it is not a note link. Never
 * throws: a path with malformed %-escapes (`%FF.md`) keeps them as written, so it resolves to no note.
 */
export function resolveNoteLink(fromId: string, href: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('/')) return undefined;
  const path = decodeLinkPath(href.split('#')[0].split('?')[0]).path;
  if (!path.toLowerCase().endsWith('.md')) return undefined;
  const parts = fromId.split('/').slice(0, -1);
  for (const seg of path.replace(/\.md$/i, '').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** The wiki-link grammar: `[[id]]`, `[[id|text]]`, `[[id#heading]]`, `[[id#heading|text]]` (the inside of the brackets). */
export const WIKI_LINK_INNER = /^([^\]|#\n[]+)(?:#([^\]|\n[]*))?(?:\|([^\]\n[]*))?$/;

export interface WikiLink {
  id: string;
  heading?: string;
  text?: string;
}

/** Parses the inside of `[[…]]`, or undefined when it is not a wiki link. */
export function parseWikiLink(inner: string): WikiLink | undefined {
  const m = WIKI_LINK_INNER.exec(inner);
  if (!m) return undefined;
  return { id: m[1].trim(), heading: m[2]?.trim() || undefined, text: m[3]?.trim() || undefined };
}

/** No bracket or newline inside, which also keeps the search linear (`[^\]]+` ran from every `[[` of a long
 *  `[[a [[a …` line to its end). */
const WIKI_LINKS = /\[\[([^\]|#\n[]+(?:#[^\]|\n[]*)?(?:\|[^\]\n[]*)?)\]\]/g;

/** Every wiki link in a run of plain text. */
export function* wikiLinksIn(text: string): Generator<WikiLink> {
  for (const m of text.matchAll(WIKI_LINKS)) {
    const link = parseWikiLink(m[1]);
    if (link) yield link;
  }
}
