// Every word list the concept matcher and lint use, in one place: what is generic, what qualifies a name,
// what is a library, how ML code abbreviates.

/** Words that never name a concept on their own: they would light up in every file. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'data', 'dataset', 'model', 'models', 'config', 'cfg', 'path', 'device', 'step', 'input', 'output', 'out', 'x', 'y', 'z',
  'i', 'j', 'k', 'n', 'm', 'self', 'cls', 'arg', 'args', 'kwargs', 'param', 'params', 'parameter', 'result', 'value', 'name',
  'file', 'dir', 'root', 'tmp', 'train', 'test', 'eval', 'val', 'valid', 'run', 'main', 'init', 'setup', 'get', 'set', 'load',
  'save', 'fit', 'call', 'forward', 'module', 'layer', 'type', 'mode', 'size', 'num', 'count', 'idx', 'index', 'id', 'key',
  'item', 'list', 'dict', 'str', 'int', 'float', 'bool', 'tensor', 'array', 'np', 'torch', 'tf', 'nn', 'f', 'jax', 'jnp',
  'os', 'sys', 'time', 'log', 'logger', 'print', 'info', 'state', 'image', 'images', 'img', 'text', 'label', 'labels', 'target',
  'targets', 'pred', 'preds', 'prediction', 'score', 'scores', 'results', 'metric', 'metrics', 'feature', 'features',
  'hidden', 'weight', 'bias', 'shape', 'dim', 'dtype', 'cuda', 'cpu', 'gpu', 'seed', 'verbose', 'debug', 'version', 'url',
  'a', 'b', 'c', 'd', 'e', 'g', 'h', 'l', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'api', 'client', 'response', 'request',
  'prompt', 'message', 'messages', 'query', 'content', 'context', 'token', 'tokens', 'sample', 'samples', 'example', 'examples',
  'line', 'word', 'words', 'char', 'batch_idx', 'loss', 'norm', 'mask', 'head', 'block', 'net', 'network', 'linear', 'cache',
  'sum', 'mean', 'max', 'min', 'std', 'var', 'exp', 'add', 'mul', 'matmul', 'view', 'reshape', 'cat', 'stack', 'zero', 'one',
  'ones', 'zeros', 'rand', 'randn', 'range', 'len', 'total', 'all', 'any', 'new', 'old', 'temp', 'buffer', 'stage',
  'batch', 'store', 'split', 'splits', 'eps', 'kernel', 'memory', 'apply', 'create', 'build', 'update', 'agent', 'env',
  'group', 'groups', 'drop', 'llm', 'opt',
  // library names: importing a library is not using a concept
  'transformers', 'diffusers', 'datasets', 'torchvision', 'accelerate', 'lightning', 'pytorch', 'tensorflow', 'keras',
  'sklearn', 'cv2', 'pandas', 'pd', 'numpy', 'scipy', 'matplotlib', 'plt', 'wandb', 'tqdm', 'json', 'yaml', 'argparse',
]);

/** Leading words that qualify rather than name: num_epochs, max_grad_norm, total_steps, train_batch_size. */
export const PREFIX_WORDS: ReadonlySet<string> = new Set([
  'num', 'n', 'nb', 'max', 'min', 'total', 'use', 'enable', 'init', 'initial', 'base', 'default', 'global', 'cur', 'current',
  'train', 'training', 'eval', 'val', 'valid', 'validation', 'test', 'start', 'final', 'my', 'new', 'old', 'tmp', 'is', 'do',
  'get', 'set', 'compute', 'calc', 'calculate', 'apply', 'add', 'run', 'per', 'device', 'local', 'with', 'has', 'pre',
  'build', 'make', 'create', 'custom', 'the', 'peak', 'target', 'avg', 'mean', 'log', 'print', 'show', 'plot',
]);

/** Trailing words that qualify rather than name: dropout_rate, warmup_steps, loss_fn, kl_loss, lora_config. */
export const SUFFIX_WORDS: ReadonlySet<string> = new Set([
  'size', 'rate', 'step', 'fn', 'func', 'function', 'loss', 'coef', 'coeff', 'coefficient', 'weight', 'factor', 'ratio',
  'prob', 'p', 'value', 'val', 'scale', 'dim', 'count', 'num', 'type', 'mode', 'layer', 'module', 'config', 'cfg', 'kwarg',
  'arg', 'param', 'list', 'id', 'idx', 'index', 'out', 'output', 'result', 'score', 'tensor', 'term', 'fraction', 'pct',
  'percent', 'threshold', 'per', 'total', 'enabled', 'flag', 'on', 'kind',
  'strategy', 'method', 'criterion', 'metric', 'history', 'callback', 'hook', 'impl', 'op', 'ops',
]);

/**
 * Libraries, their usual aliases and their namespace modules (`torch`, `F`, `keras.layers`, `sklearn.metrics`).
 * Two uses, one list: a module path through them is a namespace, not a concept (`optim` in `torch.optim.SGD`),
 * and a dotted code entry behind one lends its last part as a name (`F.kl_div` → "kl div").
 */
export const LIBRARY_NAMESPACES: ReadonlySet<string> = new Set([
  'torch', 'nn', 'F', 'tf', 'keras', 'tensorflow', 'jax', 'jnp', 'flax', 'optax', 'np', 'numpy', 'transformers',
  'peft', 'diffusers', 'sklearn', 'torchvision', 'datasets', 'accelerate', 'deepspeed', 'trl', 'lightning', 'pl',
  'layers', 'optim', 'transforms', 'v2', 'A', 'T', 'bnb', 'dist', 'lax', 'tfds', 'hf', 'regularizers', 'metrics',
  'losses', 'optimizers', 'callbacks', 'activations', 'initializers', 'schedules', 'models',
]);

/** Python keywords and the builtins that are never concepts. */
export const PYTHON_KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
  'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
  'return', 'try', 'while', 'with', 'yield', 'match', 'case', 'print', 'self', 'super', 'len', 'range',
]);

/** Abbreviations common in ML code, expanded to the words notes use. */
export const ABBREVIATIONS: Readonly<Record<string, string[]>> = {
  grad: ['gradient'],
  accum: ['accumulation'],
  attn: ['attention'],
  emb: ['embedding'],
  embed: ['embedding'],
  embd: ['embedding'],
  norm: ['normalization'],
  optim: ['optimizer'],
  sched: ['scheduler'],
  ce: ['cross', 'entropy'],
  pos: ['positional'],
  posenc: ['positional', 'encoding'],
  enc: ['encoding'],
  ckpt: ['checkpoint'],
  quant: ['quantization'],
  reg: ['regularization'],
  temp: ['temperature'],
  lstm: ['lstm'],
  ffn: ['feed', 'forward'],
  mlp: ['mlp'],
  conv: ['convolution'],
  bn: ['batch', 'normalization'],
  ln: ['layer', 'normalization'],
  kd: ['knowledge', 'distillation'],
  distill: ['distillation'],
  aug: ['augmentation'],
  tok: ['tokenizer'],
  vocab: ['vocabulary'],
  acc: ['accuracy'],
  cv: ['cross', 'validation'],
  cm: ['confusion', 'matrix'],
  ds: ['dataset'],
  gen: ['generation'],
  hparam: ['hyperparameter'],
  hyp: ['hyperparameter'],
  bsz: ['batch', 'size'],
  bs: ['batch', 'size'],
  wd: ['weight', 'decay'],
  pe: ['positional', 'encoding'],
  ep: ['epoch'],
  neg: ['negative'],
  birnn: ['rnn'],
  bilstm: ['lstm'],
  w2v: ['word2vec'],
};
