import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import type { Note } from '../types';
import { codeKey, singular, splitIdentifier, splitNameVariants } from './codeTokens';

/** How a name entered the index; a higher tier beats a lower one when two notes claim the same words. */
export const enum NameTier {
  Alias = 2,
  Code = 3,
}

export interface ConceptRef {
  noteId: string;
  tier: NameTier;
  /** The name as the note wrote it. */
  name: string;
}

export interface Concept {
  id: string;
  title: string;
  titleEn: string;
  /** Every title, alias and code name, in that order, without duplicates. */
  names: string[];
  summary: string;
  summaryEn: string;
  formula?: string;
}

/** Words that never name a concept on their own: they would light up in every file. */
export const GENERIC_WORDS = new Set([
  'data', 'dataset', 'model', 'models', 'config', 'cfg', 'path', 'device', 'step', 'input', 'output', 'out', 'x', 'y', 'z',
  'i', 'j', 'k', 'n', 'm', 'self', 'cls', 'arg', 'args', 'kwargs', 'param', 'params', 'parameter', 'result', 'value', 'name',
  'file', 'dir', 'root', 'tmp', 'train', 'test', 'eval', 'val', 'valid', 'run', 'main', 'init', 'setup', 'get', 'set', 'load',
  'save', 'fit', 'call', 'forward', 'module', 'layer', 'type', 'mode', 'size', 'num', 'count', 'idx', 'index', 'id', 'key',
  'item', 'list', 'dict', 'str', 'int', 'float', 'bool', 'tensor', 'array', 'np', 'torch', 'tf', 'nn', 'f', 'jax', 'jnp',
  'os', 'sys', 'time', 'log', 'logger', 'print', 'info', 'state', 'image', 'images', 'img', 'text', 'label', 'labels', 'target',
  'targets', 'pred', 'preds', 'prediction', 'score', 'scores', 'result', 'results', 'metric', 'metrics', 'feature', 'features',
  'hidden', 'weight', 'bias', 'shape', 'dim', 'dtype', 'cuda', 'cpu', 'gpu', 'seed', 'verbose', 'debug', 'version', 'url',
  'a', 'b', 'c', 'd', 'e', 'g', 'h', 'l', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'api', 'client', 'response', 'request',
  'prompt', 'message', 'messages', 'query', 'content', 'context', 'token', 'tokens', 'sample', 'samples', 'example', 'examples',
  'line', 'word', 'words', 'char', 'batch_idx', 'loss', 'norm', 'mask', 'head', 'block', 'net', 'network', 'linear', 'cache',
  'sum', 'mean', 'max', 'min', 'std', 'var', 'exp', 'add', 'mul', 'matmul', 'view', 'reshape', 'cat', 'stack', 'zero', 'one',
  'ones', 'zeros', 'rand', 'randn', 'range', 'len', 'total', 'all', 'any', 'new', 'old', 'tmp', 'temp', 'buffer', 'stage',
  'batch', 'store', 'split', 'splits', 'eps', 'kernel', 'memory', 'apply', 'create', 'build', 'update', 'agent', 'env',
  'group', 'groups', 'drop', 'llm', 'opt',
  // library names: importing a library is not using a concept
  'transformers', 'diffusers', 'datasets', 'torchvision', 'accelerate', 'lightning', 'pytorch', 'tensorflow', 'keras',
  'sklearn', 'cv2', 'pandas', 'pd', 'numpy', 'scipy', 'matplotlib', 'plt', 'wandb', 'tqdm', 'json', 'yaml', 'argparse',
]);

/** Leading words that qualify rather than name: num_epochs, max_grad_norm, total_steps, train_batch_size. */
export const PREFIX_WORDS = new Set([
  'num', 'n', 'nb', 'max', 'min', 'total', 'use', 'enable', 'init', 'initial', 'base', 'default', 'global', 'cur', 'current',
  'train', 'training', 'eval', 'val', 'valid', 'validation', 'test', 'start', 'final', 'my', 'new', 'old', 'tmp', 'is', 'do',
  'get', 'set', 'compute', 'calc', 'calculate', 'apply', 'add', 'run', 'per', 'device', 'local', 'with', 'has', 'pre',
  'build', 'make', 'create', 'custom', 'the', 'peak', 'target', 'avg', 'mean', 'log', 'print', 'show', 'plot',
]);

/** Trailing words that qualify rather than name: dropout_rate, warmup_steps, loss_fn, kl_loss, lora_config. */
export const SUFFIX_WORDS = new Set([
  'size', 'rate', 'step', 'fn', 'func', 'function', 'loss', 'coef', 'coeff', 'coefficient', 'weight', 'factor', 'ratio',
  'prob', 'p', 'value', 'val', 'scale', 'dim', 'count', 'num', 'type', 'mode', 'layer', 'module', 'config', 'cfg', 'kwarg',
  'arg', 'param', 'list', 'id', 'idx', 'index', 'out', 'output', 'result', 'score', 'tensor', 'term', 'fraction', 'pct',
  'percent', 'threshold', 'per', 'total', 'value', 'enabled', 'flag', 'on', 'type', 'kind',
  'strategy', 'method', 'criterion', 'metric', 'val', 'history', 'callback', 'hook', 'impl', 'op', 'ops',
]);

/** First parts of dotted code entries that are libraries or their usual aliases. */
const LIBRARY_QUALIFIERS = new Set([
  'F', 'nn', 'torch', 'tf', 'keras', 'layers', 'jax', 'jnp', 'optax', 'flax', 'np', 'optim', 'transforms', 'v2', 'A', 'T',
  'sklearn', 'transformers', 'peft', 'diffusers', 'trl', 'deepspeed', 'bnb', 'dist', 'lax', 'torchvision', 'tfds', 'hf',
  'regularizers', 'metrics', 'losses', 'optimizers', 'callbacks', 'activations', 'initializers', 'schedules', 'models',
]);

export interface ConceptIndex {
  readonly concepts: ReadonlyMap<string, Concept>;
  /** codeKey(code entry), case kept → note id, e.g. `F.kl_div` → losses/kl-divergence; `Trainer` does not name `trainer`. */
  readonly exactCode: ReadonlyMap<string, string>;
  /** Lower-case code entries, lower-cased identifiers find them: `NUM_EPOCHS` → `num_epochs`. */
  readonly exactCodeLower: ReadonlyMap<string, string>;
  /** Space-joined words of every name → the best claim on them. */
  readonly phrases: ReadonlyMap<string, ConceptRef>;
}

function uniq(values: string[]): string[] {
  return [...new Set(values.filter(Boolean))];
}

/** Precomputes every name of every note into maps, so matching an identifier is a handful of lookups. */
export function buildConceptIndex(snapshot: KnowledgeBaseSnapshot): ConceptIndex {
  const concepts = new Map<string, Concept>();
  const exactCode = new Map<string, string>();
  const exactCodeLower = new Map<string, string>();
  const phrases = new Map<string, ConceptRef>();
  const notes = [...snapshot.notes.values()].filter((n) => !n.error).sort((a, b) => a.id.localeCompare(b.id));

  const claim = (words: string[], ref: ConceptRef) => {
    if (words.length === 0) return;
    // One generic word names nothing. Two together can when a note calls the concept that (an alias "batch size",
    // "layer norm"), but not because some code entry happens to join them (modelId, X_train).
    if (words.length === 1 && (GENERIC_WORDS.has(words[0]) || words[0].length < 2)) return;
    if (ref.tier === NameTier.Code && words.every((w) => GENERIC_WORDS.has(w))) return;
    const key = words.join(' ');
    const prev = phrases.get(key);
    if (!prev || ref.tier > prev.tier) phrases.set(key, ref);
  };

  for (const note of notes) {
    concepts.set(note.id, toConcept(note));
    for (const code of note.code) {
      const key = codeKey(code);
      // A bare generic word (`prompt`, `compile`-like entries that are also everyday names) is never a concept by itself.
      if (!key.includes('.') && GENERIC_WORDS.has(key.toLowerCase())) continue;
      if (!exactCode.has(key)) exactCode.set(key, note.id);
      if (key === key.toLowerCase() && !exactCodeLower.has(key)) exactCodeLower.set(key, note.id);
      // A dotted entry lends its last part as a name only behind a library (F.kl_div → "kl div"), not behind an
      // object (model.classifier, tokenizer.decode): those parts mean the concept only in that spelling.
      const parts = code.split('.');
      if (parts.length === 1 || LIBRARY_QUALIFIERS.has(parts[0])) {
        claim(splitIdentifier(parts[parts.length - 1]), { noteId: note.id, tier: NameTier.Code, name: code });
      }
    }
    for (const name of [note.titleEn, ...note.aliases]) {
      if (!/[A-Za-z]/.test(name)) continue;
      // Names in Latin script only: "KL 散度" would otherwise claim the bare word "kl" for a half-translated name.
      if (/[^\x00-\x7F]/.test(name)) continue;
      for (const words of splitNameVariants(name)) claim(words, { noteId: note.id, tier: NameTier.Alias, name });
    }
  }
  return { concepts, exactCode, exactCodeLower, phrases };
}

function toConcept(note: Note): Concept {
  return {
    id: note.id,
    title: note.title,
    titleEn: note.titleEn,
    names: uniq([note.title, note.titleEn, ...note.aliases, ...note.code]),
    summary: note.summary,
    summaryEn: note.summaryEn,
    formula: note.formula,
  };
}

export { singular };
