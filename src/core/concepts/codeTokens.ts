/**
 * How code identifiers and concept names are cut into comparable words: `num_train_epochs`,
 * `LoraConfig`, `F.kl_div`, `clip_grad_norm_` and "KL divergence" all become lower-case word lists.
 */

/** Words whose trailing "s" is not a plural. */
const NOT_PLURAL = /(ss|us|is|as|os|ys|ics)$/;

export function singular(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Splits one identifier (no dots) into lower-case words: snake_case, camelCase, PascalCase, acronyms, digits. */
export function splitIdentifier(identifier: string): string[] {
  return identifier
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    // Letters then digits split (conv1 → conv 1, gpt2 → gpt 2), except one letter and its digits (f1, l2, b1, t5).
    .replace(/([A-Za-z]{2,})(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => singular(w.toLowerCase()));
}

/**
 * Words of a human name ("Cross-Entropy", "KL 散度" → ["kl"]); non-ASCII parts are dropped. Case is not a word
 * boundary here ("LoRA" is one word), unlike in identifiers; `splitNameVariants` adds the identifier-style split too.
 */
export function splitName(name: string): string[] {
  return name
    .normalize('NFKC')
    // Letters then digits split (conv1 → conv 1, gpt2 → gpt 2), except one letter and its digits (f1, l2, b1, t5).
    .replace(/([A-Za-z]{2,})(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => singular(w.toLowerCase()));
}

/** A name's word lists: as written ("LoRA" → lora) and split like an identifier ("LayerNorm" → layer norm). */
export function splitNameVariants(name: string): string[][] {
  const plain = splitName(name);
  const camel = name.normalize('NFKC').split(/[^A-Za-z0-9]+/).filter(Boolean).flatMap((p) => splitIdentifier(p));
  return plain.join(' ') === camel.join(' ') ? [plain] : [plain, camel];
}


/** The (dotted) identifier as a lookup key for exact `code` entries: leading/trailing `_` dropped, case kept. */
export function codeKey(identifier: string): string {
  return identifier
    .split('.')
    .map((s) => s.replace(/^_+|_+$/g, ''))
    .join('.');
}
