/**
 * Text normalisation shared by the index and the query, so that both sides of every comparison went
 * through the same steps: NFKC (full-width → half-width, 「（」 → 「(」), lower case, separators → spaces.
 */

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /\p{Script=Han}+/gu;

/** Characters that separate words in names and code: `_ - . / : ( ) , ; + * # ' " …` and CJK punctuation. */
const SEPARATORS = /[\s_\-./\\:()[\]{}<>,;+*#'"`!?|&=~^@$%，。、；：！？（）【】《》「」『』“”‘’·…—]+/gu;

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

/** Lower case, NFKC, separators collapsed to single spaces, trimmed: `F.kl_div` → `f kl div`, `交叉熵（CE）` → `交叉熵 ce`. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim();
}

/** `normalizeText` without any spaces: the form exact and prefix matches compare (`cross-entropy` = `crossentropy`). */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}

/**
 * Words of a name, for partial-word queries (`posit enc` → "positional encoding"): split at separators,
 * at camelCase humps (`LoraConfig` → lora, config) and between Han and Latin runs (`KL散度` → kl, 散度).
 * The unsplit tokens are kept too, so `LoRA` yields both `lora` and `lo`, `ra`.
 */
export function nameWords(text: string): string[] {
  const out = new Set<string>();
  for (const token of text.normalize('NFKC').split(SEPARATORS)) {
    if (!token) continue;
    const lower = token.toLowerCase();
    for (const run of lower.split(/(\p{Script=Han}+)/u)) if (run) out.add(run);
    const humps = token
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
      .replace(/(\p{Script=Han}+)/gu, ' $1 ')
      .toLowerCase()
      .split(' ');
    for (const h of humps) if (h) out.add(h);
  }
  return [...out];
}

/** Words of a query: split at separators and between Han and Latin runs only (the user's own spacing). */
export function queryWords(text: string): string[] {
  const out: string[] = [];
  for (const token of normalizeText(text).split(' ')) {
    for (const run of token.split(/(\p{Script=Han}+)/u)) if (run) out.push(run);
  }
  return out;
}

/**
 * The forms a displayed name is also known by: `轮次（Epoch）` → [`轮次（Epoch）`, `轮次`, `Epoch`];
 * `LoRA (Low-Rank Adaptation)` → [..., `LoRA`, `Low-Rank Adaptation`]; `迭代 / 步` → [..., `迭代`, `步`].
 */
export function nameVariants(name: string): string[] {
  const out = new Set<string>([name]);
  const n = name.normalize('NFKC');
  const outside = n.replace(/\([^()]*\)/g, ' ').trim();
  if (outside && outside !== n) out.add(outside);
  for (const m of n.matchAll(/\(([^()]*)\)/g)) if (m[1].trim()) out.add(m[1].trim());
  for (const v of [...out]) {
    if (v.includes(' / ')) for (const part of v.split(' / ')) if (part.trim()) out.add(part.trim());
  }
  return [...out];
}

/** Forms of a code name: the whole (`F.kl_div`) and its last dotted segment (`kl_div`). */
export function codeVariants(code: string): string[] {
  const out = [code];
  const last = code.split('.').pop() ?? '';
  if (last && last !== code && /[A-Za-z]/.test(last)) out.push(last);
  return out;
}

/** Splits text into Han runs and other runs, in order. */
export function hanRuns(text: string): { han: boolean; text: string }[] {
  const out: { han: boolean; text: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(HAN_RUN)) {
    if (m.index! > last) out.push({ han: false, text: text.slice(last, m.index) });
    out.push({ han: true, text: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ han: false, text: text.slice(last) });
  return out;
}
