import * as path from 'node:path';
import type { TexToSvg } from '../../core';

/** MathJax lives in its own bundle next to extension.js; it is loaded on the first hover that shows a formula. */
export function lazyTexToSvg(): TexToSvg {
  let instance: TexToSvg | undefined;
  return {
    render(source, color) {
      if (!instance) {
        const mod = require(path.join(__dirname, 'texToSvg.js')) as { createTexToSvg(): TexToSvg };
        instance = mod.createTexToSvg();
      }
      return instance.render(source, color);
    },
  };
}
