/**
 * Markdown and TeX source turned into the text a reader sees, for one-line snippets in search results: emphasis and
 * code marks dropped, links reduced to their text, HTML tags removed, and inline math shown without its dollars,
 * braces and backslashes (`$\beta_1$` → `β_1`, `$\frac{a}{b}$` → `a/b`).
 */

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
  lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ',
  psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Sigma: 'Σ', Phi: 'Φ', Omega: 'Ω',
  sum: 'Σ', prod: 'Π', infty: '∞', cdot: '·', times: '×', approx: '≈', leq: '≤', le: '≤', geq: '≥', ge: '≥',
  neq: '≠', ne: '≠', to: '→', rightarrow: '→', leftarrow: '←', nabla: '∇', partial: '∂', sqrt: '√', in: '∈',
  log: 'log', exp: 'exp', max: 'max', min: 'min', mathbb: '', mathrm: '', mathbf: '', text: '', operatorname: '',
  left: '', right: '', big: '', Big: '', quad: ' ', qquad: ' ', ',': ' ', ';': ' ', '!': '',
};

/** Inline TeX as plain text. */
export function plainMath(tex: string): string {
  return tex
    .replace(/\\frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
    .replace(/\\([A-Za-z]+|[,;!])/g, (m, name: string) => GREEK[name] ?? name)
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** One line of Markdown (a list item, a heading, a table row) as the text a reader sees. */
export function plainLine(raw: string): string {
  return raw
    .replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)*/, '')
    .replace(/\$\$([^$]*)\$\$|\$([^$\n]+)\$|\\\((.+?)\\\)/g, (_m, a?: string, b?: string, c?: string) => plainMath(a ?? b ?? c ?? ''))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[\[([^\]|]+)\|([^\]]+)\]\]/g, '$2')
    .replace(/\[\[([^\]]+)\]\]/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/(\*\*|__|~~)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s*\|\s*|\s*\|\s*$/g, '')
    .replace(/\s*\|\s*/g, ' · ')
    .replace(/\s+/g, ' ')
    .trim();
}
