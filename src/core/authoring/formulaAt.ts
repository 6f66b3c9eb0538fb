// The formula under a position of a note being written: the front matter's `formula:` value, an inline `$…$`, a
// one-line `$$…$$`, or a `$$` block spanning lines.

export interface FormulaAt {
  tex: string;
  /** First and last line (0-based) and the columns on them that the formula covers. */
  startLine: number;
  startCharacter: number;
  endLine: number;
  endCharacter: number;
}

const BLOCK_SEARCH = 60;

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).replace(/\\\\/g, '\\');
  return v;
}

/** The formula covering (`line`, `character`) in a note's lines, or undefined. */
export function formulaAt(lines: readonly string[], line: number, character: number): FormulaAt | undefined {
  const text = lines[line] ?? '';
  const fm = /^formula:\s*(.+)$/.exec(text);
  if (fm) {
    const tex = unquote(fm[1]);
    return tex ? { tex, startLine: line, startCharacter: 0, endLine: line, endCharacter: text.length } : undefined;
  }
  // `$$…$$` and `$…$` on this line (display first, so `$$x$$` is not read as two empty inline formulas).
  for (const re of [/\$\$([^$]+?)\$\$/g, /(?<![\\$])\$([^$\n]+?)\$(?!\$)/g]) {
    for (const m of text.matchAll(re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (character >= start && character <= end && m[1].trim()) return { tex: m[1].trim(), startLine: line, startCharacter: start, endLine: line, endCharacter: end };
    }
  }
  // A `$$` block: lines that are only `$$` around the cursor's line (or the cursor on one of them).
  const isFence = (l: string | undefined) => l !== undefined && l.trim() === '$$';
  const openAbove = (from: number): number => {
    for (let i = from - 1; i >= Math.max(0, from - BLOCK_SEARCH); i--) {
      if (isFence(lines[i])) return i;
      if ((lines[i] ?? '').includes('$$')) return -1;
    }
    return -1;
  };
  const block = (open: number): FormulaAt | undefined => {
    for (let j = open + 1; j <= Math.min(lines.length - 1, open + BLOCK_SEARCH); j++) {
      if (!isFence(lines[j])) continue;
      const tex = lines.slice(open + 1, j).join('\n').trim();
      return tex ? { tex, startLine: open, startCharacter: 0, endLine: j, endCharacter: lines[j].length } : undefined;
    }
    return undefined;
  };
  if (isFence(text)) {
    const open = openAbove(line);
    return open >= 0 ? block(open) : block(line);
  }
  const open = openAbove(line);
  const found = open >= 0 ? block(open) : undefined;
  return found && found.endLine > line ? found : undefined;
}
