import type { KatexOptions } from 'katex';

/** KaTeX settings shared by the renderer and lint: no \href/\url trust, bounded sizes and macro expansion. */
export const katexOptions: KatexOptions = {
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 500,
  output: 'htmlAndMathml',
};
