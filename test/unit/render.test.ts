import * as assert from 'node:assert/strict';
import { createKnowledgeBase, headingId, renderNote, type NoteToRender, type RenderOptions } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

const fields = { title: '甲', title_en: 'A', aliases: [], summary: 's', summary_en: 's' };

function note(body: string, extra: Partial<NoteToRender> = {}): NoteToRender {
  return { id: 'topic/a', path: '/notes/topic/a.md', root: '/notes', body, bodyLine: 0, ...extra };
}

const titles: Record<string, string> = { 'topic/a': '甲', 'topic/b': '乙', 'other/c': '丙' };
const options: RenderOptions = { noteTitle: (id) => titles[id] };
const render = (body: string, opts: RenderOptions = options) => renderNote(note(body), opts);
/** The body without the problem list at its top. */
const bodyOf = (html: string) => html.replace(/^<aside class="render-problems"[\s\S]*?<\/aside>\n/, '');
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('renderNote', () => {
  describe('math', () => {
    it('renders $…$, \\(…\\), $$…$$ and \\[…\\] with KaTeX', () => {
      const { html, problems } = render('Inline $a^2$ and \\(b_1\\).\n\n$$\n\\sum_i x_i\n$$\n\n\\[\n\\frac{1}{2}\n\\]\n\nInline display $$c$$ too.\n');
      assert.deepEqual(problems, []);
      assert.equal(count(html, /<span class="katex">/g), 5);
      assert.equal(count(html, /class="katex-display"/g), 3);
      assert.equal(count(html, /<div class="math-block"/g), 2);
      assert.doesNotMatch(html, /katex-error|math-error/);
    });

    it('leaves prices, code and escaped dollars alone', () => {
      const { html } = render('It costs $5 and $10.\n\n`$x$` and \\$y\\$\n\n```\n$$ z $$\n```\n');
      assert.doesNotMatch(html, /class="katex"/);
      assert.match(html, /It costs \$5 and \$10\./);
    });

    it('shows a bad formula as a visible error with its source and message, never throwing', () => {
      const { html, problems } = render('Before $\\frac{a$ after.\n\n$$\n\\badmacro{x}\n$$\n');
      assert.match(html, /<span class="math-error" title="Formula error: [^"]*"><code>\$\\frac\{a\$<\/code><\/span>/);
      assert.match(html, /class="math-error math-error-display"[^>]*>.*\\badmacro\{x\}/s);
      assert.match(html, /class="math-error-message">[^<]*badmacro/);
      assert.match(html, /Before .* after\./);
      assert.doesNotMatch(html, /katex-error/);
      assert.equal(problems.length, 2);
      assert.deepEqual(problems.map((p) => p.line), [0, 2]);
      assert.match(html, /class="render-problems"/);
    });

    it('escapes the source of a bad formula', () => {
      const { html } = render('$\\frac{<img src=x onerror=alert(1)>$');
      assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
      assert.doesNotMatch(html, /<img/);
    });

    it('reports an unclosed display formula and keeps what follows', () => {
      const { html, problems } = render('$$\nx + y\nmore\n\nNext paragraph.\n');
      assert.ok(problems.some((p) => /not closed/.test(p.message)));
      assert.match(html, /math-error/);
      assert.match(html, /Next paragraph\./);
    });

    it('refuses \\href and friends, and says so', () => {
      const { html, problems } = render('$\\href{javascript:alert(1)}{x}$ $\\url{https://x.org}$');
      assert.doesNotMatch(bodyOf(html), /<a /);
      assert.deepEqual(problems.map((p) => p.message), ['\\href is not allowed in formulas and is shown as text', '\\url is not allowed in formulas and is shown as text']);
    });

    it('bounds macro expansion and sizes', () => {
      const { html, problems } = render('$\\def\\a{\\a}\\a$ and $\\rule{100000em}{100000em}$');
      assert.ok(problems.some((p) => /Too many expansions/.test(p.message)));
      // The source stays in the MathML annotation; the sizes KaTeX lays out are capped.
      assert.doesNotMatch(html, /:\s*100000em/);
      assert.match(html, /border-right-width:20em/);
    });

    it('refuses formulas nested too deeply instead of overflowing the stack', () => {
      const deep = `$${'{'.repeat(3000)}x${'}'.repeat(3000)}$`;
      const { html, problems } = render(deep);
      assert.match(html, /math-error/);
      assert.ok(problems.some((p) => /nest/.test(p.message)));
    });
  });

  describe('links', () => {
    const hrefs = (html: string) => [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]);

    it('turns relative .md links into note links, with the heading as a slug', () => {
      const { html, problems } = render('[b](b.md) [c](../other/c.md#Some%20Heading) [self](./a.md)');
      assert.deepEqual(problems, []);
      assert.match(html, /<a href="#" class="note-link" data-note="topic\/b" title="乙">b<\/a>/);
      assert.match(html, /data-note="other\/c" data-heading="some-heading"/);
      assert.match(html, /data-note="topic\/a"/);
    });

    it('turns [[id]], [[id|text]] and [[id#heading]] into note links titled from the knowledge base', () => {
      const { html } = render('[[topic/b]] and [[other/c|see C]] and [[topic/b#定义 Two]]');
      assert.match(html, /<a href="#" class="note-link" data-note="topic\/b" title="乙">乙<\/a>/);
      assert.match(html, /data-note="other\/c" title="丙">see C<\/a>/);
      assert.match(html, /data-note="topic\/b" data-heading="定义-two" title="乙">乙 › 定义 Two<\/a>/);
    });

    it('shows links to missing notes as broken, and reports them', () => {
      const { html, problems } = render('[x](nope.md) and [[no/such]]');
      assert.equal(count(html, /<span class="broken-link"/g), 2);
      assert.doesNotMatch(bodyOf(html), /<a /);
      assert.equal(problems.length, 2);
    });

    it('keeps #anchors as slugs', () => {
      const { html } = render('[go](#Some-Heading)');
      assert.match(html, /<a href="#some-heading" class="anchor-link" data-heading="some-heading">go<\/a>/);
    });

    it('marks http(s) links, explicit or linkified, as external', () => {
      const { html } = render('[x](https://example.com/a?b=1 "T") and http://example.org');
      const links = hrefs(html);
      assert.equal(links.length, 2);
      for (const a of links) assert.match(a, /class="external-link" data-external=""/);
      assert.match(html, /title="T\nhttps:\/\/example.com\/a\?b=1"/);
    });

    it('drops every other scheme, keeping the text', () => {
      const body = [
        '[js](javascript:alert(1))', '[JS](JAVASCRIPT:alert(1))', '[ent](&#106;avascript:alert(1))', '[cmd](command:workbench.action.quit)',
        '<command:foo>', '[vs](vscode://x/y)', '[file](file:///etc/passwd)', '[data](data:text/html,x)', '[mail](mailto:a@b.c)',
        '[ftp](ftp://x.org/y)', '[rel](notes.txt)', '[abs](/etc/passwd.md)',
      ].join(' ');
      const { html: full, problems } = render(body);
      const html = bodyOf(full);
      for (const a of hrefs(html)) assert.fail(`unexpected link ${a}`);
      assert.doesNotMatch(html, /href=/);
      for (const text of ['js', 'JS', 'ent', 'cmd', 'command:foo', 'vs', 'file', 'data', 'mail', 'ftp', 'rel', 'abs']) {
        assert.ok(html.includes(text), `lost the text ${text}`);
      }
      assert.ok(problems.length >= 8, JSON.stringify(problems));
    });

    it('takes every note link as existing when it has no titles to check against', () => {
      const { html } = render('[[x/y]] [z](z.md)', {});
      assert.equal(count(html, /class="note-link"/g), 2);
      assert.match(html, />x\/y<\/a>/);
    });
  });

  describe('escaping', () => {
    it('shows raw HTML as text and says so', () => {
      const { html, problems } = render('<script>alert(1)</script>\n\nHello <b onclick="x()">bold</b> <!-- c -->\n\n<div style="color:red">x</div>\n');
      assert.doesNotMatch(html, /<script|<b |<div|<!--/);
      assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
      assert.match(html, /&lt;b onclick=&quot;x\(\)&quot;&gt;/);
      assert.deepEqual(problems.map((p) => p.message), ['raw HTML is shown as text: notes are Markdown only']);
    });

    it('escapes link titles, image alts and code', () => {
      const { html } = render('[x](https://e.org "a\\"><script>") ![a"b](p.png) `<i>` and\n\n```python\nprint("<b>")\n```\n');
      assert.doesNotMatch(html, /<script|<i>|<b>/);
      assert.match(html, /&lt;b&gt;/);
    });

    it('does not turn typographic quotes on', () => {
      const { html } = render('"quoted" -- dash');
      assert.match(html, /&quot;quoted&quot; -- dash/);
    });
  });

  describe('headings', () => {
    it('gives headings the same slugs the knowledge base gives them', async () => {
      const body = [
        '# 交叉熵 $H(p,q)$', '', '## 定义', '', '## 定义', '', '### 与 KL 散度 \\(D_{KL}\\) 的关系', '', '## `torch.nn.CrossEntropyLoss` 用法',
        '', '## See [学习率](b.md) & friends!', '', '### Setext-free: 100% *emphasis* __strong__', '', '```', '## not a heading', '```',
        '', '## Label smoothing / 标签平滑', '', '### 定义', '', '## [ref link][r]', '', '[r]: https://example.com', '',
      ].join('\n');
      const text = noteText(fields, body);
      const snapshot = await createKnowledgeBase({ files: inMemoryFiles({ '/notes/topic/a.md': text }), roots: ['/notes'] }).load();
      const kbNote = snapshot.notes.get('topic/a')!;
      const rendered = renderNote(kbNote, options);
      assert.ok(kbNote.headings.length >= 7);
      for (const h of kbNote.headings) {
        const r = rendered.headings.find((x) => x.line === h.line);
        assert.ok(r, `no rendered heading at line ${h.line} (${h.text})`);
        assert.equal(r.slug, h.slug, `heading "${h.text}"`);
        assert.ok(rendered.html.includes(`id="${headingId(h.slug)}"`), `no element with id ${headingId(h.slug)}`);
      }
      const ids = [...rendered.html.matchAll(/<h\d id="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
      assert.ok(ids.includes('h-定义-1'));
    });

    it('gives each heading an outline entry with math rendered and links removed', () => {
      const { headings } = render('## Loss $x^2$ and [link](https://e.org)\n');
      assert.equal(headings.length, 1);
      assert.match(headings[0].html, /class="katex"/);
      assert.doesNotMatch(headings[0].html, /<a /);
      assert.match(headings[0].html, /and link/);
    });

    it('adds a permalink anchor that only points inside the page', () => {
      const { html } = render('## Hello');
      assert.match(html, /<h2 id="h-hello" data-line="0">Hello <a class="header-anchor" href="#h-hello" aria-hidden="true">#<\/a><\/h2>/);
    });
  });

  describe('code', () => {
    it('highlights known languages', () => {
      const { html } = render('```python\ndef f(x):\n    return x  # hi\n```\n\n```bash\necho "$HOME"\n```\n\n```cpp\nint main() {}\n```\n');
      assert.match(html, /<pre class="code-block" data-line="0" data-lang="python"><code class="hljs language-python"><span class="hljs-keyword">def<\/span>/);
      assert.match(html, /language-bash/);
      assert.match(html, /language-cpp/);
      assert.match(html, /hljs-comment/);
    });

    it('shows unknown languages and plain fences escaped, unhighlighted', () => {
      const { html } = render('```brainfuck\n<>+-.\n```\n\n```\n<tag>\n```\n');
      assert.match(html, /data-lang="brainfuck"><code class="hljs">&lt;&gt;\+-\.\n<\/code>/);
      assert.match(html, /<code class="hljs">&lt;tag&gt;\n<\/code>/);
    });

    it('escapes a hostile language name', () => {
      const { html } = render('```"><script>x\ncode\n```\n');
      assert.doesNotMatch(html, /<script/);
    });
  });

  describe('images', () => {
    it('loads images inside the notes root through resolveImage', () => {
      const seen: string[] = [];
      const { html, problems } = render('![a](img/p.png) ![b](../shared/q.svg "T")', {
        ...options,
        resolveImage: (p) => {
          seen.push(p);
          return `https://webview.test${p}`;
        },
      });
      assert.deepEqual(seen, ['/notes/topic/img/p.png', '/notes/shared/q.svg']);
      assert.match(html, /<img src="https:\/\/webview.test\/notes\/topic\/img\/p.png" alt="a" loading="lazy">/);
      assert.deepEqual(problems, []);
    });

    it('drops images outside the root, remote, absolute and data: images', () => {
      const { html, problems } = render('![out](../../etc/x.png) ![web](https://e.org/t.png) ![abs](/etc/x.png) ![d](data:image/png;base64,AAAA)', {
        ...options,
        resolveImage: (p) => `https://webview.test${p}`,
      });
      assert.doesNotMatch(html, /<img/);
      assert.equal(count(html, /class="dropped-image"/g), 4);
      assert.equal(problems.length, 4);
    });

    it('works with Windows paths', () => {
      const seen: string[] = [];
      renderNote(note('![a](img/p.png) ![b](../../x.png)', { path: 'C:\\notes\\topic\\a.md', root: 'C:\\notes' }), {
        resolveImage: (p) => {
          seen.push(p);
          return 'x';
        },
      });
      assert.deepEqual(seen, ['C:\\notes\\topic\\img\\p.png']);
    });
  });

  describe('lines and errors', () => {
    it('puts file lines (body offset included) on blocks', () => {
      const { html } = renderNote(note('para\n\n- item\n\n$$\nx\n$$\n', { bodyLine: 10 }), options);
      assert.match(html, /<p data-line="10">para<\/p>/);
      assert.match(html, /<ul data-line="12">/);
      assert.match(html, /<div class="math-block" data-line="14">/);
    });

    it('shows the note error above what could be read', () => {
      const { html } = renderNote(note('', { error: 'file is binary, not a Markdown note' }), options);
      assert.match(html, /<div class="note-error" role="alert">.*file is binary/s);
      assert.match(html, /Open the source file/);
    });

    it('says when front matter holds HTML', () => {
      const n = note('text', { title: '<b>T</b>', summary: 'fine', fieldLines: { title: 2, summary: 3 } });
      const { problems } = renderNote(n, options);
      assert.deepEqual(problems, [{ line: 1, message: 'front matter `title` holds HTML; it is shown as text' }]);
    });

    it('can leave the problem list out', () => {
      const { html, problems } = render('$\\frac{a$', { ...options, problemBanner: false });
      assert.equal(problems.length, 1);
      assert.doesNotMatch(html, /render-problems/);
    });

    it('renders tables', () => {
      const { html } = render('| a | b |\n|---|:-:|\n| $x$ | 2 |\n');
      assert.match(html, /<table data-line="0">/);
      assert.match(html, /<td><span class="katex">/);
      assert.match(html, /style="text-align:center"/);
    });
  });
});
