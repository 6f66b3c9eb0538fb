// The link edits a rename or move of note files needs: note ids are paths under a notes folder (`topic/name`), so
// `[[old]]`, `related: [old]` and relative `.md` links to a moved note change, and so do the moved note's own relative
// links to elsewhere (its folder changed). Links in code (fences, `spans`) are text, not links, and stay as written.
import { resolveNoteLink } from '../noteLinks';

/** A Markdown file of a notes folder, as the editor holds it now (paths as before the rename). */
export interface NoteText {
  path: string;
  root: string;
  text: string;
  /** Bundled notes are read-only: never edited, though they count for which note an id names. */
  bundled?: boolean;
}

/** A file or a folder renamed or moved: `oldPath` → `newPath`. */
export interface PathRename {
  oldPath: string;
  newPath: string;
}

/** A replacement of a range of one line (0-based line, columns, end exclusive) of the file at `path`. */
export interface LinkEdit {
  path: string;
  line: number;
  character: number;
  endCharacter: number;
  newText: string;
}

export interface RenameLinksInput {
  /** The notes folders in priority order (a later folder's note wins an id), bundled first when it is loaded. */
  roots: readonly string[];
  notes: readonly NoteText[];
  renames: readonly PathRename[];
}

const norm = (p: string) => p.replace(/\\/g, '/').replace(/\/+$/, '');

/** The innermost root holding a path, or undefined. */
function rootOf(path: string, roots: readonly string[]): string | undefined {
  const p = norm(path);
  return roots.map(norm).filter((r) => p.startsWith(`${r}/`)).sort((a, b) => b.length - a.length)[0];
}

/** The note id of a Markdown file (its path under its root without `.md`), or undefined outside the roots. */
function idOf(path: string, roots: readonly string[]): string | undefined {
  const root = rootOf(path, roots);
  if (root === undefined || !/\.md$/i.test(path)) return undefined;
  return norm(path).slice(root.length + 1).replace(/\.md$/i, '');
}

/** Where a file ends up after the renames (a folder rename moves everything under it), or undefined if it stays. */
function movedPath(path: string, renames: readonly PathRename[]): string | undefined {
  const p = norm(path);
  for (const r of renames) {
    const from = norm(r.oldPath);
    if (p === from) return norm(r.newPath);
    if (p.startsWith(`${from}/`)) return norm(r.newPath) + p.slice(from.length);
  }
  return undefined;
}

/** The relative path from the folder of note `fromId` to note `toId`, without `.md`. */
function relativeId(fromId: string, toId: string): string {
  const from = fromId.split('/').slice(0, -1);
  const to = toId.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}

/** A line with its inline code spans blanked out (same length), so columns still match the original. */
function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] !== '`') {
      out += line[i++];
      continue;
    }
    let run = 1;
    while (line[i + run] === '`') run++;
    const fence = '`'.repeat(run);
    let close = line.indexOf(fence, i + run);
    while (close >= 0 && line[close + run] === '`') close = line.indexOf(fence, close + run + 1);
    if (close < 0) {
      out += line.slice(i, i + run);
      i += run;
      continue;
    }
    out += ' '.repeat(close + run - i);
    i = close + run;
  }
  return out;
}

const WIKI = /\[\[([^\]|#\n[]+)(?:#[^\]|\n[]*)?(?:\|[^\]\n[]*)?\]\]/g;
/** `[text](href "title")` / `![alt](href)`: group 1 is everything before the href, group 2 the href. */
const INLINE_LINK = /(\[[^\]\n]*\]\(\s*<?)([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
/** A link reference definition: `[label]: href`. */
const REFERENCE = /^( {0,3}\[[^\]\n]+\]:\s*<?)([^\s>]+)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * The edits that keep every link of the user's notes pointing at the same notes after `renames`: links to a moved
 * note get its new id or relative path (fragment and query kept), and a moved note's relative links are recomputed
 * from its new folder. Bundled notes are never edited. Edits are against the texts given (paths before the rename).
 */
export function linkEditsForRenames({ roots, notes, renames }: RenameLinksInput): LinkEdit[] {
  // Old id → new id of every moved Markdown file that is the note its id names (a later folder's note may win it).
  const retarget = new Map<string, string>();
  const newIdOf = new Map<string, string | undefined>();
  const rootIndex = (p: string) => roots.map(norm).indexOf(rootOf(p, roots) ?? '');
  const files = [...notes.map((n) => n.path), ...renames.map((r) => r.oldPath).filter((p) => /\.md$/i.test(p))];
  for (const path of files) {
    const to = movedPath(path, renames);
    const oldId = idOf(path, roots);
    if (to === undefined || oldId === undefined) continue;
    const newId = idOf(to, roots);
    newIdOf.set(norm(path), newId);
    const shadowed = notes.some((n) => movedPath(n.path, renames) === undefined && idOf(n.path, roots) === oldId && rootIndex(n.path) > rootIndex(path));
    if (newId !== undefined && newId !== oldId && !shadowed) retarget.set(oldId, newId);
  }

  const edits: LinkEdit[] = [];
  for (const note of notes) {
    if (note.bundled) continue;
    const fromOld = idOf(note.path, roots);
    if (fromOld === undefined) continue;
    const moved = newIdOf.has(norm(note.path));
    const fromNew = moved ? newIdOf.get(norm(note.path)) : fromOld;
    if (fromNew === undefined) continue; // moved out of the notes folders: its links resolve to nothing any more
    if (retarget.size === 0 && !moved) continue;
    const add = (line: number, character: number, oldText: string, newText: string) => {
      if (newText !== oldText) edits.push({ path: note.path, line, character, endCharacter: character + oldText.length, newText });
    };
    /** The path part of an href naming the same target from the note's new place, or undefined to keep it. */
    const newLinkPath = (href: string, angle: boolean): { path: string; length: number } | undefined => {
      const target = resolveNoteLink(fromOld, href);
      if (target === undefined || (!moved && !retarget.has(target))) return undefined;
      const to = retarget.get(target) ?? target;
      if (resolveNoteLink(fromNew, href) === to) return undefined;
      const cut = href.search(/[#?]/);
      const pathPart = cut < 0 ? href : href.slice(0, cut);
      const ext = /\.md$/i.exec(pathPart)![0];
      let rel = relativeId(fromNew, to) + ext;
      if (pathPart.startsWith('./') && !rel.startsWith('../')) rel = `./${rel}`;
      // Written %-encoded (anywhere in the href): the new path is too; otherwise only what would end the link is.
      if (/%[0-9a-f]{2}/i.test(href)) rel = encodeURI(rel);
      else if (!angle) rel = rel.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
      return { path: rel, length: pathPart.length };
    };
    const addLink = (line: number, character: number, href: string, angle: boolean) => {
      const next = newLinkPath(href, angle);
      if (next) add(line, character, href.slice(0, next.length), next.path);
    };

    const lines = note.text.split(/\r?\n/);
    let i = 0;
    // Front matter: the ids of `related:` (flow or block list).
    if (/^---\s*$/.test(lines[0] ?? '')) {
      let end = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)\s*$/.test(l));
      if (end < 0) end = 0;
      let inRelated = false;
      for (let k = 1; k < end; k++) {
        const line = lines[k];
        const key = /^([A-Za-z_][\w-]*)\s*:(.*)$/.exec(line);
        if (key) {
          inRelated = key[1] === 'related';
          if (!inRelated) continue;
          const open = line.indexOf('[', line.indexOf(':'));
          if (open < 0) continue;
          for (const m of line.slice(open + 1).matchAll(/(["']?)([^,\]"'\s][^,\]"']*?)\1\s*(?=,|\])/g)) {
            const to = retarget.get(m[2]);
            if (to) add(k, open + 1 + m.index! + m[1].length, m[2], to);
          }
          continue;
        }
        const item = inRelated ? /^(\s+-\s+)(["']?)([^"'\s#]+)\2\s*$/.exec(line) : null;
        if (item) {
          const to = retarget.get(item[3]);
          if (to) add(k, item[1].length + item[2].length, item[3], to);
        } else if (line.trim() !== '' && !/^\s+-/.test(line)) inRelated = false;
      }
      i = end + 1;
    }
    // Body: wiki links, inline links and reference definitions outside code.
    let fence: string | undefined;
    for (; i < lines.length; i++) {
      const raw = lines[i];
      const f = FENCE.exec(raw);
      if (fence) {
        if (f && f[1][0] === fence[0] && f[1].length >= fence.length && raw.trim() === f[1]) fence = undefined;
        continue;
      }
      if (f) {
        fence = f[1];
        continue;
      }
      const line = withoutCodeSpans(raw);
      for (const m of line.matchAll(WIKI)) {
        const id = m[1].trim();
        const to = retarget.get(id);
        if (to) add(i, m.index! + 2 + m[1].indexOf(id), id, to);
      }
      for (const m of line.matchAll(INLINE_LINK)) addLink(i, m.index! + m[1].length, m[2], m[1].endsWith('<'));
      const ref = REFERENCE.exec(line);
      if (ref) addLink(i, ref[1].length, ref[2], ref[1].endsWith('<'));
    }
  }
  return edits;
}
