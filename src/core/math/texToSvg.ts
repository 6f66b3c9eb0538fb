import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { SVG } from 'mathjax-full/js/output/svg.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/boldsymbol/BoldsymbolConfiguration.js';
import 'mathjax-full/js/input/tex/noundefined/NoUndefinedConfiguration.js';
import 'mathjax-full/js/input/tex/mathtools/MathtoolsConfiguration.js';

/** TeX → standalone SVG (for hovers, where only images can show math). Built on first use; cached per formula and colour. */
export interface TexToSvg {
  /** An SVG document whose glyphs are filled with `color`, or an error message. */
  render(tex: string, color: string): { svg: string } | { error: string };
}

const MAX_CACHE = 500;

export function createTexToSvg(): TexToSvg {
  let convert: ((tex: string) => string) | undefined;
  const cache = new Map<string, { svg: string } | { error: string }>();

  const init = () => {
    const adaptor = liteAdaptor();
    RegisterHTMLHandler(adaptor);
    const tex = new TeX({ packages: ['base', 'ams', 'boldsymbol', 'noundefined', 'mathtools'], formatError: (_jax: unknown, err: Error) => { throw err; } });
    const svg = new SVG({ fontCache: 'none' });
    const doc = mathjax.document('', { InputJax: tex, OutputJax: svg });
    return (source: string) => adaptor.innerHTML(doc.convert(source, { display: true }) as never);
  };

  return {
    render(tex, color) {
      const key = `${color}\u0000${tex}`;
      const hit = cache.get(key);
      if (hit) return hit;
      let result: { svg: string } | { error: string };
      try {
        convert ??= init();
        const svg = convert(tex);
        if (/<g[^>]*data-mml-node="merror"/.test(svg)) {
          const message = /<title>([^<]*)<\/title>/.exec(svg)?.[1] ?? 'TeX error';
          result = { error: message };
        } else {
          // Images do not inherit the editor's colour: write the theme's foreground in.
          result = { svg: svg.replace(/currentColor/g, color).replace('<svg ', '<svg xmlns:xlink="http://www.w3.org/1999/xlink" ') };
        }
      } catch (e) {
        result = { error: (e as Error).message };
      }
      if (cache.size >= MAX_CACHE) cache.clear();
      cache.set(key, result);
      return result;
    },
  };
}

