import { analyseCode, type CodeAnalysis, type CodeHit } from './codeEngine';
import type { IdentifierMatcher } from './identifierMatcher';
import { analysePythonSyntax } from './pythonSyntax';

/** Files up to this many lines are analysed whole (about 30 ms for 2,000 lines). */
export const WHOLE_FILE_LINES = 6000;
const BLOCK = 1200;
const MARGIN = 400;
const HEADER_SCAN = 400;
const CACHED_WINDOWS = 4;

/**
 * The engine over a file of any size without a long block: a huge file is read in windows of about 2,000 lines
 * around the position asked for, each with the file's import header in front, so no call parses more than that
 * (a 50,000-line file would otherwise hold the extension host for most of a second). Assignments and context
 * reach as far as the window does; a window that starts inside a triple-quoted string may read a little of it as code.
 */
export function analyseCodeAnySize(text: string, matcher: IdentifierMatcher): Pick<CodeAnalysis, 'at' | 'hits'> {
  const lines = text.split('\n');
  if (lines.length <= WHOLE_FILE_LINES) return analyseCode(text, matcher, analysePythonSyntax(text));
  // The import header: every line up to the last top-level import among the first lines.
  let headerEnd = 0;
  for (let i = 0; i < Math.min(HEADER_SCAN, lines.length); i++) if (/^(import|from)\s/.test(lines[i])) headerEnd = i + 1;
  const header = lines.slice(0, headerEnd);
  const windows = new Map<number, { start: number; analysis: CodeAnalysis }>();

  const windowOf = (block: number) => {
    let w = windows.get(block);
    if (w) {
      windows.delete(block);
      windows.set(block, w); // most recent last
      return w;
    }
    const start = Math.max(headerEnd, block * BLOCK - MARGIN);
    const end = Math.min(lines.length, (block + 1) * BLOCK + MARGIN);
    const windowText = [...header, ...lines.slice(start, end)].join('\n');
    w = { start, analysis: analyseCode(windowText, matcher) };
    if (windows.size >= CACHED_WINDOWS) windows.delete(windows.keys().next().value!);
    windows.set(block, w);
    return w;
  };
  /** A window line back to a file line. */
  const toFile = (hit: CodeHit, start: number): CodeHit => (hit.line < headerEnd ? hit : { ...hit, line: hit.line - headerEnd + start });

  return {
    at(line, character) {
      if (line < headerEnd) return windowOf(0).analysis.at(line, character);
      const w = windowOf(Math.floor(line / BLOCK));
      const hit = w.analysis.at(line - w.start + headerEnd, character);
      return hit && toFile(hit, w.start);
    },
    hits() {
      const out: CodeHit[] = [];
      for (let block = 0; block * BLOCK < lines.length; block++) {
        const w = windowOf(block);
        const from = block === 0 ? 0 : block * BLOCK;
        const to = (block + 1) * BLOCK;
        for (const h of w.analysis.hits()) {
          const mapped = toFile(h, w.start);
          if (block > 0 && h.line < headerEnd) continue; // the header is reported once, by the first block
          if (mapped.line >= from && mapped.line < to) out.push(mapped);
          else if (block === 0 && h.line < headerEnd) out.push(mapped);
        }
      }
      return out;
    },
  };
}
