import type { TexToSvg } from '../../core';
import type { NotesHost } from '../notesHost';

/**
 * MathJax for a hover: loaded by the host's platform on the first formula (a `require` of dist/texToSvg.js in Node,
 * a fetched chunk in the browser). When it cannot load, formulas show as TeX source with the reason.
 */
export async function texForHover(host: NotesHost): Promise<TexToSvg> {
  try {
    return await host.texToSvg();
  } catch (e) {
    const error = `formula images are not available here: ${(e as Error).message}`;
    host.log.error(error);
    return { render: () => ({ error }) };
  }
}
