/** What the text before the cursor asks to be completed in a note. */
export type CompletionContext =
  /** Inside `[[…`: a note id; `start` is the column after `[[`. */
  | { kind: 'wikiLink'; start: number }
  /** Inside `[[id#…`: one of that note's headings; `start` is the column after `#`. */
  | { kind: 'wikiHeading'; id: string; start: number }
  /** An entry of the front matter's `related:` (note ids) or `code:` (code names) list. */
  | { kind: 'related' | 'code'; start: number };

/**
 * The completion asked for at `character` of line `line` of a note's text. Front-matter lists are recognised in
 * flow form (`related: [a, b`) and block form (`  - b` under `related:`).
 */
export function completionContextAt(lines: readonly string[], line: number, character: number): CompletionContext | undefined {
  const before = (lines[line] ?? '').slice(0, character);
  const inFrontMatter = /^---\s*$/.test(lines[0] ?? '') && line > 0 && !lines.slice(1, line).some((l) => /^(---|\.\.\.)\s*$/.test(l));
  if (inFrontMatter) {
    const flow = /^(related|code)\s*:\s*\[(?:[^\]]*,)?\s*([^,\]]*)$/.exec(before);
    if (flow) return { kind: flow[1] as 'related' | 'code', start: character - flow[2].length };
    const item = /^\s+-\s+([^\s#]*)$/.exec(before);
    if (item) {
      for (let l = line - 1; l > 0; l--) {
        const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[l]);
        if (key) return key[1] === 'related' || key[1] === 'code' ? { kind: key[1], start: character - item[1].length } : undefined;
        if (!/^\s+-/.test(lines[l]) && lines[l].trim() !== '') return undefined;
      }
    }
    return undefined;
  }
  const open = before.lastIndexOf('[[');
  if (open < 0) return undefined;
  const inner = before.slice(open + 2);
  if (/[\]|[\n]/.test(inner)) return undefined;
  const hash = inner.indexOf('#');
  if (hash >= 0) return { kind: 'wikiHeading', id: inner.slice(0, hash).trim(), start: open + 2 + hash + 1 };
  return { kind: 'wikiLink', start: open + 2 };
}
