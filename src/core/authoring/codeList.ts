import { parseFrontMatter } from '../frontMatter';
import { flowList } from './noteTemplate';

/**
 * A note's text with `name` added to its front matter's `code:` list, the rest of the file as it was: a flow list
 * (`code: [a]`) gets it at the end, a block list a `  - name` line, a note without `code:` a new `code: [name]`
 * line. Undefined when the note already lists it or has no front matter to add to.
 */
export function addCodeName(text: string, name: string): string | undefined {
  const fm = parseFrontMatter(text);
  if (fm.error || fm.bodyLine === 0) return undefined;
  const existing = fm.data.code;
  const list = Array.isArray(existing) ? existing.map(String) : typeof existing === 'string' && existing ? [existing] : [];
  if (list.includes(name)) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const at = fm.fieldLines.code;
  if (at === undefined) {
    lines.splice(fm.bodyLine - 1, 0, `code: ${flowList([name])}`);
    return lines.join(eol);
  }
  const i = at - 1;
  let end = i + 1;
  while (end < fm.bodyLine - 1 && /^\s+-/.test(lines[end])) end++;
  if (end > i + 1) {
    const indent = /^(\s+)-/.exec(lines[end - 1])![1];
    lines.splice(end, 0, `${indent}- ${flowList([name]).slice(1, -1)}`);
  } else {
    lines[i] = `code: ${flowList([...list, name])}`;
  }
  return lines.join(eol);
}
