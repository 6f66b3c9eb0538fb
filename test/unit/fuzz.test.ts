// Fuzz (issue 9): a fixed-seed generator of hostile notes — math delimiters, brackets, links with odd URLs and
// schemes, raw HTML, front-matter fragments, CJK, control characters, long lines — run through the knowledge base's
// loader, renderNote and lint; and Python-ish code through the scanner. Every case must not throw, must render
// nothing executable (the link policy of renderNote.ts: hrefs are `#…` or http(s), images only through
// resolveImage), and must finish within a generous bound. A failure prints the case's seed and text.
// The shapes of issue 9's high findings are generated too: YAML aliases with no anchor and small alias bombs in
// front matter, malformed percent-escapes in link targets (`%FF.md`).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import {
  buildConceptIndex,
  createIdentifierMatcher,
  createKnowledgeBase,
  lintKnowledgeBase,
  renderNote,
  scanCode,
  type IdentifierMatcher,
} from '../../src/core';
import { codeBlockMarkdown, inertMarkdown } from '../../src/features/hover/hoverMarkdown';
import { executableParts } from '../fixtures/hostileNotes';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

const SEED = 0x9e3779b9;
const NOTES = 300;
const CODE_FILES = 100;
/** Per case: generous (the slowest case takes a few tens of ms here); a hang or a quadratic blow-up exceeds it. */
const MAX_MS = 2000;
const IMAGE_BASE = 'https://file+.vscode-resource.vscode-cdn.net';

/** xorshift32. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  return { next, int, pick };
}
type Rng = ReturnType<typeof prng>;

const MATH = [
  '$', '$$', '\\(', '\\)', '\\[', '\\]', '$x^2$', '$$x$$ text', '$$\n\\frac{a}{b}\n$$', '\\[\n\\sum_i x_i\n\\]', '$5 and $10', '\\$',
  '$\\hphantom   {x}$', '$\\href{javascript:alert(1)}{x}$', '$\\url{javascript:alert(1)}$', '$\\htmlId{evil}{x}$', '$\\htmlStyle{position:fixed}{x}$',
  '$\\includegraphics{https://evil.example/x.png}$', '$\\def\\a{\\a}\\a$', '${{{{{{{{{{x}}}}}}}}}}$', '$\\rule{900em}{900em}$', '$\\kern  9999pt$',
  '$\\frac{a$', '$$\\begin{aligned}a&=b\\\\c&=d\\end{aligned}$$', '$\\text{<script>alert(1)</script>}$', '$\\unicode{x3C}$', '$\\char"3C$',
];
const LINKS = [
  '[', ']', '(', ')', '[[', ']]', '[x](', '](', '[x]', '[[b]]', '[[fuzz/b#H]]', '[[nope|label]]', '[x](b.md)', '[x](../fuzz/b.md#h)', '[x](#Back)',
  '[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](java\tscript:alert(1))', '[x](  javascript:alert(1))', '[x](<javascript:alert(1)>)',
  '[x](data:text/html,<script>alert(1)</script>)', '[x](vbscript:msgbox)', '[x](command:aiNotes.lookup?%5B%22x%22%5D)', '[x](vscode:extension/x)',
  '[x](file:///etc/passwd)', '[x](https://ok.example/a?b=<c>)', '[x](http://ok.example "title\\"quote")', '<javascript:alert(1)>', '<https://ok.example>',
  'https://ok.example/x www.ok.example a@b.example mailto:a@b.example', '![i](img.png)', '![i](../../../../etc/x.png)', '![i](https://evil.example/x.png)',
  '[x](%FF.md)', '[x](%E4%B8.md#%ZZ)', '[[%FF]]', '![i](%C0%AF.png)', '![i](data:image/svg+xml,<svg onload=alert(1)>)', '![i](/abs.png)', '[r]: javascript:alert(1)\n\n[r]', '[r]: https://ok.example\n\n[x][r]', '[![i](img.png)](javascript:x)',
];
const HTML = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">a</a>', '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>', '<style>body{display:none}</style>', '<div>', '</div>', '&lt;script&gt;', '&#x3C;script&#x3E;', '<!-- comment -->',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', '<details open ontoggle=alert(1)>', '<object data="x">', '<base href="https://evil.example/">',
];
const BLOCKS = ['# ', '## Back', '## Content', '### 定义', '> ', '>>>>>>>> ', '- ', '1. ', '```', '```js', '~~~', '    code', '---', '***', '| a | b |\n|---|---|\n| $x$ | 2 |', '\\'];
const TEXT = [
  'text', '交叉熵', '損失関数', '한국어', '［］（）＄', '🙂', 'e\u0301', '\u202eevil\u202c', '\u0000', '\u0007', '\u001b[31m', '\r', '\r\n', '\u2028', '\ufeff',
  '\ud800', '*', '**', '_', '`', '``', '~~', '|', '&', '&amp;', '\t', ' ', '  \n', '\n', '\n\n',
];
const LONG = ['$a ', '\\( ', '[[a ', '](   ', '>', '*', '[', '$$', '`', '<a ', '![', '\\[ x\n\n', '$$ x\n\n', '> - '];
const FRONT = [
  'title: T\ntitle_en: T\naliases: []\nsummary: s\nsummary_en: s', 'title: *a', 'aliases: [*nope]', 'a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b, *b]', 'title: "unterminated', 'title: [a, b', '\ttitle: tab', 'title: a\ntitle: b',
  'formula: \\frac{a}{', 'formula: "\\\\href{javascript:alert(1)}{x}"', 'summary: <script>alert(1)</script>', 'summary: "a\n\n[x](command:aiNotes.lookup)"',
  'title: <img src=x onerror=alert(1)>', 'aliases: [<b>, "[x](javascript:x)"]', 'tags: [a, b, c]', 'related: [fuzz/b, nope]', 'order: nine', 'x: 1\n...', '',
  'code: [torch.nn.CrossEntropyLoss, F.kl_div]', 'title: 交叉熵 $H(p,q)$', 'key: {a: [1, {b: 2}]}', 'title: !!binary aGVsbG8=', '? complex\n: key',
];

function hostileNote(rng: Rng): string {
  let body = '';
  for (let n = 5 + rng.int(60); n > 0; n--) {
    const r = rng.next();
    const piece = r < 0.25 ? rng.pick(MATH) : r < 0.5 ? rng.pick(LINKS) : r < 0.62 ? rng.pick(HTML) : r < 0.75 ? rng.pick(BLOCKS) : rng.pick(TEXT);
    body += piece + rng.pick(['', '', ' ', ' ', '\n', '\n\n']);
    if (rng.next() < 0.03) body += rng.pick(LONG).repeat(200 + rng.int(3000));
  }
  const r = rng.next();
  if (r < 0.4) return body;
  const fields = Array.from({ length: 1 + rng.int(4) }, () => rng.pick(FRONT)).join('\n');
  return r < 0.9 ? `---\n${fields}\n---\n${body}` : r < 0.95 ? `---\n${fields}\n${body}` : `---\n---\n---\n${body}`;
}

const IDENTS = ['num_epochs', 'learning_rate', 'F.kl_div', 'nn.CrossEntropyLoss', 'torch.softmax', 'x', 'self.attn', 'lora_alpha', 'optimizer.step', '交叉熵', '_', '__init__'];
const CODE = [
  ' = ', '(', ')', '[', ']', '{', '}', ':', ',', '.', '\n', '\n    ', '\t', '# comment ', '"""doc', '"""', "'''", '"', "'", 'f"{x}"', 'f"{d["k"]}"',
  "f'{x!r:>{w}}'", 'rb"\\x00"', '\\\n', '\\', '"a\\"b"', '@decorator\n', 'lambda x: x', 'import torch\n', 'from torch import nn\n', '\u0000', '\r\n', '🙂',
];

function pythonish(rng: Rng): string {
  let s = '';
  for (let n = 10 + rng.int(200); n > 0; n--) s += rng.next() < 0.4 ? rng.pick(IDENTS) : rng.pick(CODE);
  if (rng.next() < 0.1) s += rng.pick(['x = "', '# ', 'f"{', '(']) + 'a'.repeat(2000 + rng.int(20000));
  return s;
}

function timed<T>(what: string, f: () => T): T {
  const t0 = Date.now();
  const result = f();
  const ms = Date.now() - t0;
  assert.ok(ms < MAX_MS, `${what} took ${ms} ms`);
  return result;
}

describe(`fuzz (seed ${SEED.toString(16)})`, function () {
  this.timeout(120_000);
  const ok = noteText({ title: '乙', title_en: 'B', aliases: [], summary: 's', summary_en: 's' }, '# B\n\n## H\n');

  it(`${NOTES} hostile notes load, render and lint without throwing, run nothing and finish in time`, async () => {
    const rng = prng(SEED);
    for (let i = 0; i < NOTES; i++) {
      const text = hostileNote(rng);
      const where = `case ${i}: ${JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…` : text)}`;
      try {
        const files = inMemoryFiles({ '/n/fuzz/a.md': text, '/n/fuzz/b.md': ok });
        const snapshot = await createKnowledgeBase({ files, roots: ['/n'] }).load();
        const note = snapshot.notes.get('fuzz/a');
        assert.ok(note, 'the note loads');
        const { html, headings } = timed('render', () =>
          renderNote(note, { noteTitle: (id) => snapshot.notes.get(id)?.title, resolveImage: (p) => `${IMAGE_BASE}${p}` }),
        );
        assert.deepEqual(executableParts(html), []);
        for (const [, attr, url] of html.matchAll(/\s(href|src)="([^"]*)"/g)) {
          if (attr === 'href') assert.match(url, /^(#|https?:\/\/)/, `href="${url}"`);
          else assert.ok(url.startsWith(`${IMAGE_BASE}/n/`), `src="${url}"`);
        }
        const ids = [...html.matchAll(/<h[1-6] id="([^"]*)"/g)].map((m) => m[1]);
        assert.ok(ids.every((id) => id.startsWith('h-')) && new Set(ids).size === ids.length, `heading ids ${ids.join(' ')}`);
        assert.ok(ids.length <= headings.length);
        timed('lint', () => lintKnowledgeBase(snapshot));
        // What a hover would show of this note.
        for (const s of [note.title, note.summary, note.titleEn]) assert.doesNotMatch(inertMarkdown(s).replace(/\\[\s\S]/g, ''), /[!-/:-@[-`{-~\n]/);
        if (note.formula) assert.ok(codeBlockMarkdown(note.formula).startsWith('```'));
      } catch (e) {
        (e as Error).message = `${where}\n${(e as Error).message}`;
        throw e;
      }
    }
  });

  it(`${CODE_FILES} Python-ish files scan without throwing, with positions inside the text, in time`, async () => {
    const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.resolve(__dirname, '../../../notes')] }).load();
    const matcher: IdentifierMatcher = createIdentifierMatcher(buildConceptIndex(snapshot));
    const rng = prng(SEED ^ 0x5a5a5a5a);
    let hits = 0;
    for (let i = 0; i < CODE_FILES; i++) {
      const text = pythonish(rng);
      const lines = text.split(/\r\n|\r|\n/).length;
      const found = timed(`scan of case ${i}`, () => scanCode(text, matcher));
      for (const o of found) {
        assert.ok(Number.isInteger(o.line) && o.line >= 0 && o.line < lines, `case ${i}: line ${o.line} of ${lines}`);
        assert.ok(Number.isInteger(o.start) && o.start >= 0 && o.start <= o.end, `case ${i}: ${o.start}..${o.end}`);
      }
      hits += found.length;
    }
    assert.ok(hits > 0, 'the generated code names concepts');
  });
});
