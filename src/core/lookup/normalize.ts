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
  // NFKC is the costly step and changes nothing in plain ASCII.
  const folded = ASCII.test(text) ? text : text.normalize('NFKC');
  return folded.toLowerCase().replace(SEPARATORS, ' ').trim();
}

const ASCII = /^[\x00-\x7f]*$/;

/** `normalizeText` without any spaces: the form exact and prefix matches compare (`cross-entropy` = `crossentropy`). */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}

const HUMPS = /[a-z0-9][A-Z]|[A-Z]{2}[a-z]/;
const HAN_LATIN = /\p{Script=Han}[^\p{Script=Han}]|[^\p{Script=Han}]\p{Script=Han}/u;

/**
 * Words of a name (`norm` is its normalizeText), for partial-word queries (`posit enc` → "positional
 * encoding"): the normalised tokens, split between Han and Latin runs (`KL散度` → kl, 散度) and at
 * camelCase humps (`LoraConfig` → loraconfig, lora, config; `LoRA` → lora, lo, ra).
 */
export function wordsOfName(text: string, norm: string): string[] {
  const tokens = norm.includes(' ') ? norm.split(' ') : [norm];
  const mixed = HAN_LATIN.test(norm);
  const humps = HUMPS.test(text);
  if (!mixed && !humps) return tokens;
  const out = new Set<string>(tokens);
  if (mixed) for (const token of tokens) for (const run of token.split(/(\p{Script=Han}+)/u)) if (run) out.add(run);
  if (humps) {
    const split = text.normalize('NFKC').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2');
    for (const h of normalizeText(split).split(' ')) if (h) out.add(h);
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
  if (!VARIANT_MARK.test(name)) return [name];
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

const VARIANT_MARK = /[(（]| \/ /;

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
