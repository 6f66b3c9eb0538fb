import type { Facet } from '../types';
import { codeKey } from './codeTokens';
import type { Concept, CodeRef } from './conceptIndex';
import type { ConceptMatch, IdentifierMatcher, MatchKind } from './identifierMatcher';
import { isNonMlOrigin, rootModule } from './moduleOrigins';
import { analysePythonSyntax, type Binding, type CodeOccurrence, type PythonSyntax } from './pythonSyntax';
import { GENERIC_WORDS, LIBRARY_NAMESPACES } from './vocabulary';

/**
 * The hover engine for Python: which concept an identifier names, read from the code around it.
 *  - imports give names their qualified origin (`F.kl_div` is `torch.nn.functional.kl_div`); a name from the
 *    standard library or a non-ML tool is no concept unless a note lists its qualified name;
 *  - a variable or `self.` attribute assigned an instance (`scaler = GradScaler()`) means what its class means,
 *    and its attributes are read in that class's context;
 *  - a keyword argument means what it means for its callee (`betas` of AdamW), facets first;
 *  - everything else goes through the word rules of the identifier matcher, and short or declared-ambiguous names
 *    need another occurrence in the file that supports their concept.
 */

/** Why a hover shows this concept. */
export type Via = 'import' | 'assignment' | 'keyword' | MatchKind;

export interface FacetMatch {
  name: string;
  gloss: string;
  glossEn: string;
  formula?: string;
  heading?: string;
}

export interface CodeMatch extends ConceptMatch {
  via: Via;
  /** The qualified API name when an import or assignment told it: `torch.nn.functional.kl_div`. */
  resolved?: string;
  facet?: FacetMatch;
}

export interface CodeHit extends CodeOccurrence {
  match: CodeMatch;
}

export interface CodeAnalysis {
  readonly syntax: PythonSyntax;
  /** The concept under a 0-based position, if any. */
  at(line: number, character: number): CodeHit | undefined;
  /** Every occurrence that names a concept, in document order. */
  hits(): CodeHit[];
}

/** Bare words everyday code uses for other things: they need context like short names do. */
const EVERYDAY = new Set(['patch', 'patches', 'pool', 'pattern', 'compile', 'checkpoint', 'scaler', 'sd', 'padding', 'stride', 'scale']);
/** Words that name a constructor's result rather than a class (`x = Foo.from_pretrained(...)` is a Foo). */
/** Layers every model is built of: a variable holding one is named for what it does. */
const BUILDING_BLOCKS = new Set(['Linear', 'Sequential', 'ModuleList', 'ModuleDict', 'Parameter', 'Identity', 'Dense', 'LazyLinear']);
const FACTORIES = new Set(['from_pretrained', 'from_config', 'from_single_file', 'create', 'build']);

const lastPart = (chain: string) => chain.slice(chain.lastIndexOf('.') + 1);
const isClassName = (name: string) => /^_*[A-Z]/.test(name) && !/^[A-Z0-9_]+$/.test(name);

/** Drops the concept when nothing else supports it; set aside while checking context. */
type Blocked = null;

export function analyseCode(text: string, matcher: IdentifierMatcher, syntax: PythonSyntax = analysePythonSyntax(text)): CodeAnalysis {
  const index = matcher.index;
  const { occurrences, imports, starImports, bindings } = syntax;
  const memo = new Map<CodeOccurrence, CodeMatch | Blocked>();
  const chainMemo = new Map<string, CodeMatch | Blocked>();
  let context: Set<string> | undefined;

  const concept = (id: string): Concept => index.concepts.get(id)!;
  const fromRef = (ref: CodeRef, matched: string, via: Via, resolved?: string): CodeMatch => {
    const c = concept(ref.noteId);
    const f = ref.facet === undefined ? undefined : c.facets[ref.facet];
    return { concept: c, kind: 'code', matched, via, ...(resolved ? { resolved } : {}), ...(f ? { facet: facetOf(f) } : {}) };
  };
  const exactCode = (name: string): string | undefined => {
    const key = codeKey(name);
    return index.exactCode.get(key) ?? index.exactCodeLower.get(key.toLowerCase());
  };
  const withFacet = (m: CodeMatch, name: string): CodeMatch => {
    if (m.facet) return m;
    const ref = index.facetCode.get(codeKey(name));
    if (ref && ref.noteId === m.concept.id) return fromRef(ref, name, m.via, m.resolved);
    return m;
  };

  /** The latest binding of a chain at or before a line, else its first one (an attribute set in a later method). */
  const bindingAt = (chain: string, line: number): Binding | undefined => {
    const list = bindings.get(chain);
    if (!list) return undefined;
    let found: Binding | undefined;
    for (const b of list) if (b.line <= line) found = b;
    return found ?? list[0];
  };

  /** The qualified name of a chain through the imports: `F.kl_div` → `torch.nn.functional.kl_div`. */
  const qualify = (chain: string): string | undefined => {
    const dot = chain.indexOf('.');
    const head = dot === -1 ? chain : chain.slice(0, dot);
    const rest = dot === -1 ? '' : chain.slice(dot);
    const origin = imports.get(head);
    if (origin) return origin + rest;
    if (starImports.length && !bindings.has(head) && !GENERIC_WORDS.has(head)) {
      const ml = starImports.find((m) => !isNonMlOrigin(m));
      if (!ml) return `${starImports[0]}.${chain}`;
    }
    return undefined;
  };

  /** What a qualified name means: exact qualified entries, then the chain as written, then the word rules on its last part. */
  const matchQualified = (qualified: string, written: string): CodeMatch | Blocked | undefined => {
    const facetRef = index.facetCode.get(codeKey(qualified));
    if (facetRef) return fromRef(facetRef, qualified, 'import', qualified);
    const parts = qualified.split('.');
    for (let k = 0; k < parts.length - 1; k++) {
      const suffix = parts.slice(k).join('.');
      const id = exactCode(suffix);
      if (id) return { concept: concept(id), kind: 'code', matched: suffix, via: 'import', resolved: qualified };
    }
    if (isNonMlOrigin(qualified)) return null;
    if (rootModule(qualified) === '') return undefined; // a relative import: the project's own code, read by its words
    const writtenId = written.includes('.') ? exactCode(written) : undefined;
    if (writtenId) return { concept: concept(writtenId), kind: 'code', matched: written, via: 'import', resolved: qualified };
    const m = matcher.match(lastPart(qualified));
    // A known API's name read by a part of its words (StandardScaler → "scaler") is too weak to stand.
    if (!m || m.kind === 'part') return null;
    return withFacet({ ...m, via: m.kind === 'code' ? 'import' : m.kind, resolved: qualified }, lastPart(qualified));
  };

  /** The concept a chain has at a line, for callees and receivers (no context check: the caller decides). */
  const matchChain = (chain: string, line: number, depth = 0): CodeMatch | Blocked | undefined => {
    const key = `${chain}\0${depth}`;
    if (chainMemo.has(key)) return chainMemo.get(key);
    chainMemo.set(key, null); // cycles (`x = x.to(d)`) end here
    let result: CodeMatch | Blocked | undefined;
    const q = qualify(chain);
    if (q) result = matchQualified(q, chain);
    else {
      const b = depth < 4 ? bindingAt(chain, line) : undefined;
      const bound = b ? fromBinding(chain, b, depth) : undefined;
      if (bound !== undefined) result = bound;
      else {
        const dot = chain.lastIndexOf('.');
        const receiver = dot === -1 ? undefined : chain.slice(0, dot);
        const member = receiver && depth < 4 ? matchMember(receiver, chain.slice(dot + 1), chain, line, depth) : undefined;
        if (member !== undefined) result = member;
        else {
          const m = matcher.match(chain);
          result = m ? withFacet({ ...m, via: m.kind }, lastPart(chain)) : undefined;
        }
      }
    }
    chainMemo.set(key, result ?? null);
    return result;
  };

  /** A variable bound to an instance means its class; bound to a non-ML call it means nothing; otherwise undefined (read its name). */
  const fromBinding = (chain: string, b: Binding, depth: number): CodeMatch | Blocked | undefined => {
    if (b.value.kind === 'shape') return null;
    if (b.value.kind !== 'call') return undefined;
    const callee = b.value.callee;
    const q = qualify(callee);
    if (q && isNonMlOrigin(q)) return null;
    const last = lastPart(callee);
    const constructs = isClassName(last) || (FACTORIES.has(last) && callee.includes('.') && isClassName(lastPart(callee.slice(0, callee.lastIndexOf('.')))));
    if (!constructs) return undefined;
    // `model = GPT(config)`: a generic variable name keeps to itself; `scaler`, `self.ffn_norm` take the class's concept.
    const own = lastPart(chain);
    if (GENERIC_WORDS.has(own.toLowerCase()) || own.length <= 1) return undefined;
    const cls = FACTORIES.has(last) ? callee.slice(0, callee.lastIndexOf('.')) : callee;
    // A name that says what it is (`self.wq = nn.Linear(...)` is a query projection) beats a generic building block,
    // and beats any class unless the name is a short or everyday word (`scaler = StandardScaler()`).
    const mine = matcher.match(own);
    if (mine && (mine.kind === 'code' || mine.kind === 'name') && (BUILDING_BLOCKS.has(lastPart(cls)) || !needsContext(own))) return undefined;
    const m = matchChain(cls, b.line, depth + 1);
    if (!m) return null;
    return { ...m, via: 'assignment', resolved: m.resolved ?? qualify(cls) ?? cls };
  };

  /** `receiver.attr` where the receiver is a known instance: its class's facets and code, or words of the same concept. */
  const matchMember = (receiver: string, attr: string, chain: string, line: number, depth: number): CodeMatch | Blocked | undefined => {
    const b = bindingAt(receiver, line);
    if (!b || b.value.kind !== 'call') return undefined;
    const owner = fromBinding(receiver, b, depth + 1);
    if (owner === undefined) return undefined;
    const cls = b.value.callee;
    for (const written of [`${lastPart(cls)}.${attr}`, chain]) {
      const ref = index.facetCode.get(codeKey(written));
      if (ref) return fromRef(ref, written, 'assignment', `${qualify(cls) ?? cls}.${attr}`);
      const id = exactCode(written);
      if (id) return { concept: concept(id), kind: 'code', matched: written, via: 'assignment', resolved: `${qualify(cls) ?? cls}.${attr}` };
    }
    const m = matcher.match(attr);
    if (!m) return null;
    if (owner && m.concept.id === owner.concept.id) return withFacet({ ...m, via: 'assignment', resolved: `${owner.resolved ?? cls}.${attr}` }, attr);
    // An attribute of a known class that words tie to another concept: only a strong match of a specific word.
    if (m.kind === 'code' || m.kind === 'name') return owner ? null : { ...m, via: m.kind };
    return null;
  };

  const matchKeyword = (occ: CodeOccurrence): CodeMatch | Blocked | undefined => {
    const callee = occ.callee ?? '';
    const q = callee ? qualify(callee) : undefined;
    const kwRef = callee ? index.keywordCode.get(`${codeKey(lastPart(callee))}(${occ.name})`) : undefined;
    if (kwRef) return fromRef(kwRef, `${lastPart(callee)}(${occ.name})`, 'keyword', q ? `${q}(${occ.name})` : undefined);
    if (q && isNonMlOrigin(q)) return null;
    const owner = callee ? matchChain(callee, occ.line) : undefined;
    if (owner) {
      const f = owner.concept.facets.findIndex((x) => x.code.some((c) => c === occ.name));
      if (f >= 0) return fromRef({ noteId: owner.concept.id, facet: f }, occ.name, 'keyword', q ? `${q}(${occ.name})` : undefined);
    }
    const m = matcher.match(occ.name);
    if (!m) return undefined;
    if (owner && m.concept.id === owner.concept.id) return withFacet({ ...m, via: 'keyword', resolved: q ? `${q}(${occ.name})` : undefined }, occ.name);
    // A keyword of an API with a concept that the words tie to another concept: only a strong match counts.
    if (owner && (m.kind === 'affix' || m.kind === 'part')) return null;
    // A strong name in a call of a known API stands without more context (`lr=` of AdamW).
    return withFacet({ ...m, via: owner ? 'keyword' : m.kind, ...(owner && q ? { resolved: `${q}(${occ.name})` } : {}) }, occ.name);
  };

  const needsContext = (name: string) => name.replace(/^_+|_+$/g, '').length <= 3 || EVERYDAY.has(name.toLowerCase()) || index.ambiguousNames.has(name.toLowerCase());

  const raw = (occ: CodeOccurrence): CodeMatch | Blocked | undefined => {
    switch (occ.role) {
      case 'module': {
        const id = occ.qualified?.includes('.') ? exactCode(occ.qualified) : undefined;
        return id ? { concept: concept(id), kind: 'code', matched: occ.qualified!, via: 'import', resolved: occ.qualified } : null;
      }
      case 'import':
        // `from torch import optim`: a namespace, like the module parts of an import
        if (occ.qualified && LIBRARY_NAMESPACES.has(lastPart(occ.qualified)) && isModulePath(occ.qualified)) return null;
        return occ.qualified ? matchQualified(occ.qualified, occ.qualified) : undefined;
      case 'keyword':
        return matchKeyword(occ);
      case 'definition':
      case 'parameter': {
        const m = matcher.match(occ.name);
        return m ? withFacet({ ...m, via: m.kind }, occ.name) : undefined;
      }
      default: {
        if (occ.qualifier) {
          // A module on the way to a name (`optim` in `torch.optim.AdamW`) is a namespace, not a concept.
          const q = qualify(occ.chain);
          const head = occ.chain.split('.')[0];
          if (q || (occ.chain.includes('.') && LIBRARY_NAMESPACES.has(head))) {
            const id = occ.chain.includes('.') ? exactCode(occ.chain) ?? (q ? exactCode(q) : undefined) : undefined;
            if (id) return { concept: concept(id), kind: 'code', matched: occ.chain, via: 'code', ...(q ? { resolved: q } : {}) };
            if (q && isModulePath(q)) return null;
          }
        }
        return matchChain(occ.chain, occ.line);
      }
    }
  };

  /** A qualified name that is a module or namespace, not an API: every part lower-case and no call. */
  const isModulePath = (q: string) => q.split('.').every((p) => !isClassName(p));

  /** Concepts the file shows through names that need no context. */
  const contextConcepts = (): Set<string> => {
    if (context) return context;
    context = new Set();
    for (const occ of occurrences) {
      const m = raw(occ);
      if (m && (m.via !== m.kind || !needsContext(occ.name))) context.add(m.concept.id);
    }
    return context;
  };

  const supported = (m: CodeMatch, occ: CodeOccurrence): boolean => {
    if (m.via === 'import' || m.via === 'keyword' || m.via === 'assignment') return true;
    if (!needsContext(occ.name)) return true;
    // `kind: code` on a qualified spelling (`F.kl_div`) is specific enough
    if (m.kind === 'code' && m.matched.includes('.')) return true;
    const ctx = contextConcepts();
    // Only the same concept supports it: related notes are too loose (a state_dict is not evidence of Stable Diffusion).
    return ctx.has(m.concept.id);
  };

  const matchOf = (occ: CodeOccurrence): CodeMatch | undefined => {
    if (memo.has(occ)) return memo.get(occ) ?? undefined;
    const m = raw(occ);
    const result = m && supported(m, occ) ? m : null;
    memo.set(occ, result);
    return result ?? undefined;
  };

  return {
    syntax,
    at(line, character) {
      let lo = 0;
      let hi = occurrences.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (occurrences[mid].line < line) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < occurrences.length && occurrences[i].line === line; i++) {
        const occ = occurrences[i];
        if (occ.start <= character && character <= occ.end) {
          const m = matchOf(occ);
          return m ? { ...occ, match: m } : undefined;
        }
      }
      return undefined;
    },
    hits() {
      const out: CodeHit[] = [];
      for (const occ of occurrences) {
        const m = matchOf(occ);
        if (m) out.push({ ...occ, match: m });
      }
      return out;
    },
  };
}

function facetOf(f: Facet): FacetMatch {
  return { name: f.name, gloss: f.gloss, glossEn: f.glossEn, ...(f.formula ? { formula: f.formula } : {}), ...(f.heading ? { heading: f.heading } : {}) };
}
