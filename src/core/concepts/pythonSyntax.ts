import type { SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import type { IdentifierOccurrence } from './codeIdentifiers';

/**
 * What the hover engine needs to know about a Python text, read from a real parse (@lezer/python): every identifier
 * outside strings and comments (f-string expressions included) with its role, what each import brings in, and what
 * each variable or `self.` attribute was assigned. No concepts here: this is syntax only.
 */

/** How an identifier is used. */
export type OccurrenceRole =
  /** a plain name or the head of a chain: `model`, `F` in `F.kl_div` */
  | 'name'
  /** a name after a dot: `kl_div` in `F.kl_div`, `padding_side` in `tokenizer.padding_side` */
  | 'attribute'
  /** `lr` in `AdamW(params, lr=1e-3)` */
  | 'keyword'
  /** a name an import brings in: `F` in `import torch.nn.functional as F`, `patch` in `from unittest.mock import patch` */
  | 'import'
  /** a module path inside an import: `torch`, `nn` in `import torch.nn.functional as F` */
  | 'module'
  /** the name a `def` or `class` defines */
  | 'definition'
  /** a parameter of a `def` or `lambda` */
  | 'parameter';

export interface CodeOccurrence extends IdentifierOccurrence {
  role: OccurrenceRole;
  /** `keyword`: the dotted callee (`torch.optim.AdamW`), '' when the callee is not a dotted name. */
  callee?: string;
  /** `import` and `module`: the qualified name the token stands for (`torch.nn.functional` for `F`). */
  qualified?: string;
  /** The chain ending here is called: `AdamW` in `AdamW(...)`. */
  called?: boolean;
}

/** What a variable or attribute was assigned, as far as it matters for concepts. */
export type BoundValue =
  /** `x = A.b(...)`, through `.to(device)`/`.cuda()`-style passes: the callee chain */
  | { kind: 'call'; callee: string }
  /** `x = a.b`: another name */
  | { kind: 'alias'; chain: string }
  /** `b, t, c = x.shape`, `n = x.size(0)`: a tensor's dimension, never a hyperparameter */
  | { kind: 'shape' }
  /** anything else: a literal, an expression, a tuple target */
  | { kind: 'other' };

export interface Binding {
  /** 0-based line of the assignment. */
  line: number;
  value: BoundValue;
}

export interface PythonSyntax {
  /** Identifiers in document order. */
  occurrences: CodeOccurrence[];
  /** Local name → qualified origin: `F` → `torch.nn.functional`, `LC` → `peft.LoraConfig`, `torch` → `torch`. */
  imports: Map<string, string>;
  /** Modules imported with `*`, in order. */
  starImports: string[];
  /** Target chain (`scaler`, `self.ffn_norm`) → its assignments in document order. */
  bindings: Map<string, Binding[]>;
}

/** Method calls that hand back the same object (`X(...).to(device)` is still an X). */
const PASS_THROUGH = new Set(['to', 'cuda', 'cpu', 'eval', 'train', 'half', 'float', 'double', 'bfloat16', 'requires_grad_', 'share_memory', 'apply']);

/** Notebook magics and shell escapes (`%matplotlib inline`, `!pip install`) are not Python: blank them, keeping positions. */
export function blankMagics(text: string): string {
  if (!/^[ \t]*[%!]/m.test(text)) return text;
  return text.replace(/^([ \t]*)([%!][^\n]*)/gm, (_m, indent: string, rest: string) => indent + ' '.repeat(rest.length));
}

export function parsePython(text: string): Tree {
  return parser.parse(blankMagics(text));
}

/** Reads a parsed Python text; `tree` defaults to a fresh parse of `text`. */
export function analysePythonSyntax(text: string, tree: Tree = parsePython(text)): PythonSyntax {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const src = (n: SyntaxNode) => text.slice(n.from, n.to);
  const occurrences: CodeOccurrence[] = [];
  const imports = new Map<string, string>();
  const starImports: string[] = [];
  const bindings = new Map<string, Binding[]>();

  const add = (n: SyntaxNode, chain: string, role: OccurrenceRole, extra: Partial<CodeOccurrence> = {}) => {
    const line = lineOf(n.from);
    occurrences.push({ line, start: n.from - lineStarts[line], end: n.to - lineStarts[line], name: src(n), chain, qualifier: false, role, ...extra });
  };

  /** The dotted name an expression is (`a.b.c`), or undefined when it is not one (`f(x).y`, `a[0]`). */
  const chainOf = (n: SyntaxNode | null): string | undefined => {
    if (!n) return undefined;
    if (n.name === 'VariableName') return src(n);
    if (n.name !== 'MemberExpression') return undefined;
    const last = n.lastChild;
    if (!last || last.name !== 'PropertyName') return undefined;
    const head = chainOf(n.firstChild);
    return head === undefined ? undefined : `${head}.${src(last)}`;
  };

  /** The value of an assignment as far as concepts care: `X(...).to(dev)` is a call of X. */
  const valueOf = (n: SyntaxNode | null): BoundValue => {
    let node = n;
    while (node && node.name === 'CallExpression') {
      const callee = node.firstChild;
      if (callee?.name === 'MemberExpression' && callee.lastChild?.name === 'PropertyName' && PASS_THROUGH.has(src(callee.lastChild)) && callee.firstChild?.name === 'CallExpression') {
        node = callee.firstChild;
        continue;
      }
      const chain = chainOf(callee);
      if (chain && /\.(size|dim)$/.test(chain)) return { kind: 'shape' };
      return chain ? { kind: 'call', callee: chain } : { kind: 'other' };
    }
    if (node?.name === 'MemberExpression' && node.lastChild?.name === ']' && /(^|\.)shape$/.test(chainOf(node.firstChild) ?? '')) return { kind: 'shape' };
    const chain = chainOf(node);
    if (chain && /\.shape$/.test(chain)) return { kind: 'shape' };
    return chain ? { kind: 'alias', chain } : { kind: 'other' };
  };

  const bind = (target: SyntaxNode, value: BoundValue) => {
    const chain = chainOf(target);
    if (!chain) return;
    const list = bindings.get(chain) ?? [];
    list.push({ line: lineOf(target.from), value });
    bindings.set(chain, list);
  };

  const readImport = (stmt: SyntaxNode) => {
    const kids: SyntaxNode[] = [];
    for (let c = stmt.firstChild; c; c = c.nextSibling) kids.push(c);
    let i = 0;
    let from = '';
    if (kids[0]?.name === 'from') {
      i = 1;
      const parts: SyntaxNode[] = [];
      for (; i < kids.length && kids[i].name !== 'import'; i++) {
        if (kids[i].name === 'VariableName') parts.push(kids[i]);
        from += src(kids[i]);
      }
      let prefix = from.startsWith('.') ? from.slice(0, from.length - from.replace(/^\.+/, '').length) : '';
      for (const p of parts) {
        prefix = prefix && !prefix.endsWith('.') ? `${prefix}.${src(p)}` : `${prefix}${src(p)}`;
        add(p, src(p), 'module', { qualified: prefix });
      }
      i++; // `import`
      for (; i < kids.length; i++) {
        const k = kids[i];
        if (k.name === '*') starImports.push(from);
        if (k.name !== 'VariableName') continue;
        const qualified = from.endsWith('.') ? `${from}${src(k)}` : `${from}.${src(k)}`;
        if (kids[i + 1]?.name === 'as' && kids[i + 2]?.name === 'VariableName') {
          add(k, src(k), 'module', { qualified });
          imports.set(src(kids[i + 2]), qualified);
          add(kids[i + 2], src(kids[i + 2]), 'import', { qualified });
          i += 2;
        } else {
          imports.set(src(k), qualified);
          add(k, src(k), 'import', { qualified });
        }
      }
      return;
    }
    // import a.b.c [as d], e
    i = 1;
    while (i < kids.length) {
      const parts: SyntaxNode[] = [];
      for (; i < kids.length && kids[i].name !== ',' && kids[i].name !== 'as'; i++) if (kids[i].name === 'VariableName') parts.push(kids[i]);
      const dotted = parts.map(src).join('.');
      if (kids[i]?.name === 'as' && kids[i + 1]?.name === 'VariableName') {
        parts.forEach((p, j) => add(p, src(p), 'module', { qualified: parts.slice(0, j + 1).map(src).join('.') }));
        imports.set(src(kids[i + 1]), dotted);
        add(kids[i + 1], src(kids[i + 1]), 'import', { qualified: dotted });
        i += 2;
      } else if (parts.length) {
        // `import torch.nn` binds `torch`; the later parts are its modules.
        imports.set(src(parts[0]), src(parts[0]));
        parts.forEach((p, j) => add(p, src(p), j === 0 ? 'import' : 'module', { qualified: parts.slice(0, j + 1).map(src).join('.') }));
      }
      if (kids[i]?.name === ',') i++;
      else if (i < kids.length && kids[i].name !== 'VariableName') i++;
    }
  };

  const visitName = (n: SyntaxNode) => {
    const parent = n.parent;
    const pname = parent?.name;
    if (n.name === 'PropertyName') {
      if (pname !== 'MemberExpression') return add(n, src(n), 'attribute');
      const chain = chainOf(parent!) ?? `.${src(n)}`;
      return add(n, chain, 'attribute', { qualifier: isObject(parent!), called: isCallee(parent!) });
    }
    // VariableName
    if (pname === 'ArgList' && n.nextSibling?.name === 'AssignOp') {
      return add(n, src(n), 'keyword', { callee: chainOf(parent!.prevSibling) ?? '' });
    }
    if (pname === 'ParamList') {
      const prev = n.prevSibling?.name;
      if (prev !== 'AssignOp') return add(n, src(n), 'parameter');
    }
    if (pname === 'LambdaExpression' && n.nextSibling) {
      // lambda parameters come before the `:`
      let c: SyntaxNode | null = n.nextSibling;
      while (c && c.name !== ':') c = c.nextSibling;
      if (c) return add(n, src(n), 'parameter');
    }
    if ((pname === 'FunctionDefinition' || pname === 'ClassDefinition') && n.prevSibling?.name.match(/^(def|class)$/)) {
      return add(n, src(n), 'definition');
    }
    if (pname === 'Decorator') {
      // `@torch.no_grad()` is flat: At VariableName . VariableName ArgList
      let chain = src(n);
      for (let p = n.prevSibling; p && (p.name === '.' || p.name === 'VariableName'); p = p.prevSibling) chain = p.name === '.' ? `.${chain}` : `${src(p)}${chain}`;
      const isLast = n.nextSibling?.name !== '.';
      return add(n, chain, chain.includes('.') ? 'attribute' : 'name', { qualifier: !isLast, called: isLast && n.nextSibling?.name === 'ArgList' });
    }
    if (pname === 'MemberExpression' && parent!.firstChild === n) {
      return add(n, src(n), 'name', { qualifier: parent!.lastChild?.name === 'PropertyName', called: false });
    }
    return add(n, src(n), 'name', { called: isCallee(n) });
  };

  /** The node is the object of a `.`: `a` in `a.b`. */
  const isObject = (n: SyntaxNode) => n.parent?.name === 'MemberExpression' && n.parent.firstChild === n && n.parent.lastChild?.name === 'PropertyName';
  const isCallee = (n: SyntaxNode) => n.parent?.name === 'CallExpression' && n.parent.firstChild === n;

  const visitAssign = (stmt: SyntaxNode) => {
    const kids: SyntaxNode[] = [];
    for (let c = stmt.firstChild; c; c = c.nextSibling) kids.push(c);
    const ops = kids.map((k, i) => (k.name === 'AssignOp' ? i : -1)).filter((i) => i >= 0);
    if (ops.length === 0) return;
    const value = valueOf(kids[kids.length - 1]);
    let start = 0;
    for (const op of ops) {
      const targets = kids.slice(start, op).filter((k) => k.name !== 'TypeDef' && k.name !== ',');
      // `a, b = ...`: each target gets no particular value, except that unpacking a shape gives dimensions
      const tuple = targets.length > 1 || targets[0]?.name === 'TupleExpression';
      const each = tuple ? { kind: value.kind === 'shape' ? 'shape' : 'other' } as BoundValue : value;
      for (const t of targets) {
        if (t.name === 'TupleExpression') for (let c = t.firstChild; c; c = c.nextSibling) bind(c, each);
        else bind(t, each);
      }
      start = op + 1;
    }
  };

  const cursor = tree.cursor();
  for (;;) {
    const name = cursor.name;
    let descend = true;
    if (name === 'Comment' || name === 'String') descend = false;
    else if (name === 'ImportStatement') {
      readImport(cursor.node);
      descend = false;
    } else if (name === 'VariableName' || name === 'PropertyName') visitName(cursor.node);
    else if (name === 'AssignStatement') visitAssign(cursor.node);
    else if (name === 'WithStatement') {
      const kids: SyntaxNode[] = [];
      for (let c = cursor.node.firstChild; c; c = c.nextSibling) kids.push(c);
      kids.forEach((k, i) => {
        if (k.name === 'as' && kids[i + 1]) bind(kids[i + 1], valueOf(kids[i - 1] ?? null));
      });
    }
    if (descend && cursor.firstChild()) continue;
    while (!cursor.nextSibling()) {
      if (!cursor.parent()) {
        occurrences.sort((a, b) => a.line - b.line || a.start - b.start);
        return { occurrences, imports, starImports, bindings };
      }
    }
  }
}
