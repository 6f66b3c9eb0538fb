/**
 * The code cells of a Jupyter notebook as one Python text (cells separated by a blank line), so lines are counted
 * through the cells in order; `cellOfLine` gives each line's 0-based cell index among all cells.
 */
export function notebookCode(json: string): { text: string; cellOfLine: number[] } {
  let nb: unknown;
  try {
    nb = JSON.parse(json);
  } catch (e) {
    throw new Error(`not a valid notebook (JSON): ${(e as Error).message}`);
  }
  // A broken notebook says what is wrong with it, not a TypeError from deep inside.
  if (typeof nb !== 'object' || nb === null || Array.isArray(nb)) throw new Error('not a notebook: the JSON is not an object');
  const cells = (nb as { cells?: unknown }).cells;
  if (!Array.isArray(cells)) {
    if (cells !== undefined) throw new Error('not a notebook: its "cells" is not a list');
    const v3 = Array.isArray((nb as { worksheets?: unknown }).worksheets) ? ' (this looks like nbformat 3; only nbformat 4 notebooks are read)' : '';
    throw new Error(`not a notebook: it has no "cells" list${v3}`);
  }
  const lines: string[] = [];
  const cellOfLine: number[] = [];
  cells.forEach((cell: unknown, index) => {
    if (typeof cell !== 'object' || cell === null || Array.isArray(cell)) throw new Error(`cell ${index + 1} is not an object`);
    const { cell_type: type, source: src } = cell as { cell_type?: unknown; source?: unknown };
    if (type !== 'code') return;
    let source: string;
    if (typeof src === 'string') source = src;
    else if (src === undefined || src === null) source = '';
    else if (Array.isArray(src) && src.every((l) => typeof l === 'string')) source = src.join('');
    else throw new Error(`cell ${index + 1}: "source" is neither text nor a list of lines`);
    // IPython magics and shell escapes are not Python.
    for (const line of source.split(/\r?\n/)) {
      lines.push(/^\s*[%!]/.test(line) ? '' : line);
      cellOfLine.push(index);
    }
    lines.push('');
    cellOfLine.push(index);
  });
  return { text: lines.join('\n'), cellOfLine };
}

/** Maps a line of `notebookCode`'s text back to its cell and the line inside that cell. */
export function notebookPlacer(nb: { cellOfLine: readonly number[] }): (line: number) => { cell: number; line: number } {
  const firstLine = new Map<number, number>();
  nb.cellOfLine.forEach((cell, line) => {
    if (!firstLine.has(cell)) firstLine.set(cell, line);
  });
  return (line) => {
    const cell = nb.cellOfLine[line];
    return { cell, line: line - firstLine.get(cell)! };
  };
}
