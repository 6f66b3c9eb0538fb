// The renderer on the hostile shapes of issue 9: inputs that used to take seconds to minutes (backtracking
// regexes, quadratic scans) or rendered wrongly. Each case checks what the output must be; mocha's timeout
// catches a hang, and the growth of each shape is measured in `npm run bench` (bench/renderBench.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import MarkdownIt from 'markdown-it';
import { createKnowledgeBase, extractHeadings, HEADING_ID_PREFIX, lintKnowledgeBase, renderNote, slugOfHeadingId, type NoteToRender } from '../../src/core';
import { MATHML_MAX_FORMULAS, MAX_RENDERED_CHARS } from '../../src/core/render/renderNote';
import { LIMITS } from '../../src/shared/previewProtocol';
import { buildNoteView, showMessage } from '../../src/features/preview/noteView';
import { executableParts } from '../fixtures/hostileNotes';
import { mathPlugin } from '../../src/core/markdownMath';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

function note(body: string): NoteToRender {
  return { id: 'topic/a', path: '/notes/topic/a.md', root: '/notes', body, bodyLine: 0 };
}
const render = (body: string) => renderNote(note(body), { noteTitle: (id) => (id === 'topic/b' ? 'B' : undefined) });
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;
const fields = { title: '甲', title_en: 'A', aliases: [], summary: 's', summary_en: 's' };

async function lint(body: string) {
  const files = inMemoryFiles({ '/n/t/a.md': noteText(fields, body), '/n/t/b.md': noteText({ ...fields, title: '乙', title_en: 'B' }) });
  return lintKnowledgeBase(await createKnowledgeBase({ files, roots: ['/n'] }).load());
}

/** xorshift32: the same sequence on every run. */
function prng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
}

/**
 * The inline math rule as it was before the search was memoised (a scan to the end of the paragraph from every
 * opener): the oracle the fast rule must agree with.
 */
function referenceMathInline(state: MarkdownIt.StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a;
  let open: string;
  let close: string;
  if (src[start] === '\\' && src[start + 1] === '(') [open, close] = ['\\(', '\\)'];
  else if (src[start] === '\\' && src[start + 1] === '[') [open, close] = ['\\[', '\\]'];
  else if (src[start] === '$') [open, close] = src[start + 1] === '$' ? ['$$', '$$'] : ['$', '$'];
  else return false;
  const from = start + open.length;
  if (open === '$' && (from >= src.length || isSpace(src.charCodeAt(from)))) return false;
  let end = from;
  for (;;) {
    end = src.indexOf(close, end);
    if (end < 0) return false;
    let backslashes = 0;
    for (let i = end - 1; i >= from && src[i] === '\\'; i--) backslashes++;
    if (open.startsWith('$') && backslashes % 2 === 1) {
      end += 1;
      continue;
    }
    if (open === '$' && (isSpace(src.charCodeAt(end - 1)) || /\d/.test(src[end + 1] ?? ''))) {
      end += 1;
      continue;
    }
    break;
  }
  if (end === from) return false;
  if (!silent) {
    const token = state.push('math_inline', 'math', 0);
    token.markup = open;
    token.content = src.slice(from, end);
  }
  state.pos = end + close.length;
  return true;
}

describe('renderNote on hostile shapes (issue 9)', () => {
  describe('formula size check (item 3)', () => {
    it('renders \\hphantom followed by 3,000 spaces', () => {
      const { html, problems } = render(`$\\hphantom${' '.repeat(3000)}x$`);
      assert.equal(count(html, /<span class="katex">/g), 1);
      assert.deepEqual(problems, []);
    });

    it('still finds an oversized size after thousands of spaces, brackets and braces', () => {
      for (const tex of [`\\kern${' '.repeat(3000)}300pt`, `\\rule[${' '.repeat(10)}1pt]${' '.repeat(3000)}{ 500em}{1pt}`, `\\hspace*{${' '.repeat(3000)}99cm}`]) {
        const { problems } = render(`$${tex}$`);
        assert.ok(problems.some((p) => /over the 20em limit and was capped/.test(p.message)), `${tex.replace(/ +/g, ' ')}: ${JSON.stringify(problems)}`);
      }
    });
  });

  describe('one long line (item 5)', () => {
    it('shows `$a $a …` (40,000 openers, none closed) as text, and math after it still renders', () => {
      const { html } = render(`${'$a '.repeat(40_000)}\n\nThen $x^2$.`);
      assert.equal(count(html.split('</p>')[0], /\$a/g), 40_000);
      assert.equal(count(html, /<span class="katex">/g), 1);
    });

    it('shows `\\( ` 40,000 times as text', () => {
      const { html } = render(`${'\\( '.repeat(40_000)}\n\nThen \\(y\\).`);
      assert.equal(count(html.split('</p>')[0], /\(/g), 40_000);
      assert.equal(count(html, /<span class="katex">/g), 1);
    });

    it('finds the same inline math as a scan from every opener would, on random delimiter soup', () => {
      const fast = new MarkdownIt({ html: false }).use(mathPlugin);
      const reference = new MarkdownIt({ html: false });
      reference.inline.ruler.before('escape', 'math_inline', referenceMathInline);
      const next = prng(9);
      const pieces = ['$', '$$', '\\', '\\(', '\\)', '\\[', '\\]', 'a', 'b', ' ', '1', '[', ']', '(', ')', '`', '*', '\n'];
      const mathOf = (md: MarkdownIt.MarkdownIt, src: string) =>
        md.parseInline(src, {})[0].children!.filter((t) => t.type === 'math_inline').map((t) => `${t.markup}|${t.content}`);
      for (let i = 0; i < 2000; i++) {
        let src = '';
        for (let n = 1 + Math.floor(next() * 40); n > 0; n--) src += pieces[Math.floor(next() * pieces.length)];
        assert.deepEqual(mathOf(fast, src), mathOf(reference, src), JSON.stringify(src));
      }
    });

    it('still says a javascript: link after `](` and 100,000 spaces is shown as text', () => {
      const { html, problems } = render(`[x](${' '.repeat(100_000)}javascript:alert(1))`);
      assert.doesNotMatch(html, /href="javascript/);
      assert.ok(problems.some((p) => /"javascript:" is shown as text/.test(p.message)), JSON.stringify(problems));
    });

    it('reads `[[a ` 32,000 times as text and the wiki link after it as a link', async () => {
      const body = `${'[[a '.repeat(32_000)}[[topic/b]] and [[nope]]`;
      const { html } = render(body);
      assert.equal(count(html, /\[\[a /g), 32_000);
      assert.match(html, /<a href="#" class="note-link" data-note="topic\/b" title="B">B<\/a>/);
      assert.match(html, /<span class="broken-link" title="No note &quot;nope&quot;">nope<\/span>/);
      // lint reads wiki links as the renderer does: the names are the short ones, not a run from the first `[[`.
      const wiki = (await lint(body.replace('topic/b', 't/b'))).filter((p) => p.message.startsWith('wiki link'));
      assert.deepEqual(wiki.map((p) => p.message), ['wiki link [[nope]] does not name a note']);
    });
  });

  describe('display math blocks (items 6 and 7)', () => {
    it('shows `$$x^2$$ is the square.` as display math followed by text, as VS Code does', async () => {
      for (const src of ['$$x^2$$ is the square.', '\\[x^2\\] is the square.']) {
        const { html, problems } = render(src);
        assert.deepEqual(problems, [], src);
        assert.match(html, /^<p data-line="0"><span class="katex-display">.*<\/span> is the square\.<\/p>/s, src);
        assert.doesNotMatch(html, /math-error/);
        assert.deepEqual(await lint(src), [], src);
      }
    });

    it('renders 20,000 `$$x$$ text` paragraphs as display math', () => {
      // 5 Mi characters of HTML: past the preview's budget, which is not what this checks.
      const { html, problems } = renderNote(note('$$x$$ text\n\n'.repeat(20_000)), { maxHtmlChars: Infinity });
      assert.deepEqual(problems, []);
      assert.equal(count(html, /class="katex-display"/g), 20_000);
    });

    it('reports each of 10,000 unclosed `$$` and `\\[` where it is, keeping the text between them', () => {
      const body = Array.from({ length: 10_000 }, (_, i) => `${i % 2 ? '\\[' : '$$'} x${i}\n\nText ${i}.\n`).join('\n');
      const { html, problems } = render(body);
      const unclosed = problems.filter((p) => /math block opened with .* is not closed/.test(p.message));
      assert.equal(unclosed.length, 10_000);
      assert.deepEqual(unclosed.slice(0, 3).map((p) => p.line), [0, 4, 8]);
      assert.equal(count(html, /<p data-line="\d+">Text \d+\.<\/p>/g), 10_000);
    });

    it('keeps the headings after a stray `$$` in the preview, as the tree lists them', async () => {
      const body = ['Intro.', '', '$$ stray', '# Heading one', 'text', '', '## Heading two', '', '$$', 'x^2', '$$', ''].join('\n');
      const { html, headings, problems } = render(body);
      assert.deepEqual(headings.map((h) => h.text), ['Heading one', 'Heading two']);
      assert.match(html, /<h1 [^>]*>Heading one/);
      assert.match(html, /<h2 [^>]*>Heading two/);
      assert.deepEqual(problems.map((p) => [p.line, p.message]), [[2, 'math block opened with $$ is not closed']]);
      assert.match(html, /<div class="math-block" data-line="8"><span class="katex-display">/);
      const tree = extractHeadings(body, 0, 6);
      assert.deepEqual(tree.map((h) => [h.line, h.slug]), headings.map((h) => [h.line, h.slug]));
    });

    it('ends a display block at a blank line: TeX allows none inside', () => {
      const { html, problems } = render('$$\na\n\nb\n$$\n');
      assert.ok(problems.some((p) => p.line === 0 && /not closed/.test(p.message)), JSON.stringify(problems));
      assert.match(html, /<p data-line="3">b<\/p>/);
    });

    it('still reads multi-line blocks whose lines look like list items or quotes', () => {
      const { html, problems } = render('$$\na\n+ b\n- c\n> d\n$$\n');
      assert.deepEqual(problems, []);
      assert.equal(count(html, /class="katex-display"/g), 1);
    });

    it('lists the same headings in the tree and the preview, whatever the math around them', () => {
      const next = prng(7);
      const lines = ['$$', '$$ x', 'x $$', '$$x$$ t', '\\[', '\\]', '# H', '## H', '### Sub', '```', '~~~', '', '', 'text', '> q', '> # QH', '- li', '- # LH',
        '    # indented', '$$ a $$', '\\[ b \\]'];
      for (let i = 0; i < 300; i++) {
        const body = Array.from({ length: 4 + Math.floor(next() * 20) }, () => lines[Math.floor(next() * lines.length)]).join('\n');
        const preview = render(body).headings.map((h) => `${h.line}:${h.level}:${h.slug}`);
        const tree = extractHeadings(body, 0, 6).map((h) => `${h.line}:${h.level}:${h.slug}`);
        assert.deepEqual(preview, tree, JSON.stringify(body));
      }
    });
  });

  describe('deeply nested blockquotes (item 13)', () => {
    it('opens each deep quote once: lines of fewer `>` continue the text, as in a paragraph', () => {
      // Depth 0 to 199, ten times. Each line with fewer `>` than the last is a lazy continuation line; the
      // nesting guard stopped there, closing all 60 quotes, and each reopened one scanned to the end of the note.
      const body = Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i % 200)} q${i}`).join('\n');
      const { html, problems } = render(body);
      assert.equal(count(html, /<blockquote/g), 60);
      assert.equal(count(html, /\bq\d+\b/g), 2000, 'every line is shown');
      assert.equal(problems.filter((p) => /nest/.test(p.message)).length, 1);
    });
  });

  describe('heading ids and the page chrome (item 13)', () => {
    /** Every id the preview page's own markup (shell.ts) gives an element. */
    function chromeIds(): string[] {
      const shell = fs.readFileSync(path.resolve(__dirname, '../../../src/features/preview/shell.ts'), 'utf8');
      const ids = [...shell.matchAll(/\bid="([^"$]+)"/g), ...shell.matchAll(/\bbutton\('([^']+)'/g)].map((m) => m[1]);
      assert.ok(ids.includes('back') && ids.includes('content') && ids.includes('outline-list'), ids.join(' '));
      return ids;
    }

    it('gives headings named like the toolbar and the article ids that cannot be theirs', () => {
      const chrome = chromeIds();
      for (const id of chrome) assert.ok(!id.startsWith(HEADING_ID_PREFIX), `chrome id ${id} starts with the heading prefix`);
      const names = [...chrome.map((id) => id.replace(/-/g, ' ')), 'Back', 'Content', 'BACK!', 'h back', 'Related'];
      const { html, headings } = render(names.map((n) => `## ${n}`).join('\n\n'));
      const ids = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
      assert.equal(ids.length, names.length);
      for (const id of ids) assert.ok(!chrome.includes(id), `heading id ${id} is a chrome id`);
      // The slugs stay the plain ones the tree and links use; the id maps back to them.
      assert.deepEqual(ids.map(slugOfHeadingId), headings.map((h) => h.slug));
      for (const slug of ['back', 'content', 'outline-list']) assert.ok(headings.some((h) => h.slug === slug), slug);
    });

    it('points heading links and permalinks at the heading ids', () => {
      const { html } = render('## Back\n\nSee [above](#back) and [[topic/b#Content]].');
      assert.match(html, /<h2 id="h-back" [^>]*>Back <a class="header-anchor" href="#h-back"/);
      assert.match(html, /<a href="#back" class="anchor-link" data-heading="back">above<\/a>/);
      assert.match(html, /data-note="topic\/b" data-heading="content"/);
    });
  });

  describe('output size (item 11)', () => {
    const restOf = (html: string) => /<pre class="render-rest"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';

    it('renders a 0.65 MiB note of short formulas within bounds, the part past them as text, losing no formula', () => {
      const n = 170_000;
      const body = '$x$ '.repeat(n);
      const { html, problems } = render(body);
      // The budget, a quarter more for the paragraph the cut falls in, and the rest as text.
      assert.ok(html.length < MAX_RENDERED_CHARS * 1.25 + body.length + 4096, `${html.length} characters`);
      assert.ok(html.length < LIMITS.html);
      assert.match(html, /<div class="render-truncated" role="note"[^>]*>.*too large to show in full/);
      assert.ok(problems.some((p) => /too large to show in full/.test(p.message)), JSON.stringify(problems));
      // One paragraph: the cut is inside it, and the rest of it follows as its source.
      const shown = count(html, /<span class="katex">/g);
      const asText = count(html, /\$x\$/g);
      assert.ok(shown > 1000 && asText > 1000, `${shown} rendered, ${asText} as text`);
      assert.equal(shown + asText, n);
      assert.doesNotMatch(html, /<math/, 'no MathML copy in a note with this many formulas');
    });

    it('keeps the MathML copy in notes with a usual number of formulas', () => {
      assert.match(render('$x$ and $$y$$').html, /<math/);
      assert.match(render('$x$ '.repeat(MATHML_MAX_FORMULAS)).html, /<math/);
      assert.doesNotMatch(render('$x$ '.repeat(MATHML_MAX_FORMULAS + 1)).html, /<math/);
    });

    it('cuts between blocks and shows every later line as escaped text', () => {
      const body = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} with $x_{${i}}$ and <script>alert(${i})</script>.`).join('\n\n');
      const { html, problems, headings } = renderNote({ ...note(`# Title\n\n${body}\n\n## Late heading\n`), bodyLine: 5 }, { maxHtmlChars: 20_000 });
      const cut = problems.find((p) => /too large/.test(p.message))!;
      assert.ok(cut, JSON.stringify(problems));
      const rest = restOf(html);
      assert.ok(rest.startsWith('Paragraph '), rest.slice(0, 80));
      assert.match(html, new RegExp(`<pre class="render-rest" data-line="${cut.line}">`));
      for (let i = 0; i < 200; i++) {
        const rendered = html.includes(`<p data-line="${5 + 2 + 2 * i}">Paragraph ${i} with`);
        const plain = rest.includes(`Paragraph ${i} with $x_{${i}}$ and &lt;script&gt;alert(${i})&lt;/script&gt;.`);
        assert.ok(rendered !== plain, `paragraph ${i}: rendered ${rendered}, as text ${plain}`);
      }
      assert.deepEqual(executableParts(html), []);
      assert.ok(rest.includes('## Late heading'));
      assert.deepEqual(headings.map((h) => h.text), ['Title', 'Late heading'], 'the outline and the tree still list every heading');
    });

    it('bounds one huge list of display formulas and code too, keeping its text', () => {
      const body = Array.from({ length: 3000 }, (_, i) => `- item ${i}\n\n  $$\n  x_{${i}}\n  $$\n\n  \`\`\`py\n  f(${i})\n  \`\`\``).join('\n');
      const { html, problems } = renderNote(note(body), { maxHtmlChars: 50_000 });
      // The budget and a quarter, then markup in proportion to the source: tags of the list, its text as written.
      assert.ok(html.length < 50_000 * 1.25 + 6 * body.length, `${html.length} characters for ${body.length} of source`);
      assert.ok(problems.some((p) => /too large/.test(p.message)));
      assert.equal(count(html, /<li data-line/g), 3000, 'the list stays whole');
      for (const i of [0, 1500, 2999]) assert.match(html, new RegExp(`item ${i}\\b`));
      // Past the cut, formulas and code are their source, escaped, and were never rendered.
      for (const i of [1500, 2999]) {
        assert.match(html, new RegExp(`<pre class="render-rest">\\$\\$\\nx_\\{${i}\\}\\n\\$\\$</pre>`));
        assert.match(html, new RegExp(`<pre class="render-rest">f\\(${i}\\)\\n</pre>`));
      }
      const shown = count(html, /class="katex-display"/g);
      assert.ok(shown > 10 && shown < 500, `${shown} formulas rendered`);
      assert.deepEqual(executableParts(html), []);
    });

    it('renders notes under the budget exactly as before: no notice', () => {
      const { html, problems } = render('# A\n\n$x$ text\n\n- item\n');
      assert.doesNotMatch(html, /render-truncated|render-rest/);
      assert.deepEqual(problems, []);
    });

    it('never sends the preview a view it would refuse: an oversized one becomes an error view', () => {
      const view = buildNoteView({ ...note('# Hi\n\ntext'), title: 'T', titleEn: 'T', summary: '', summaryEn: '', aliases: [], tags: [], related: [], topicId: 'topic' } as never, {
        snapshot: undefined, lang: 'en', imageUrl: () => undefined,
      });
      const nav = { canGoBack: false, canGoForward: false };
      const fine = showMessage(view, nav, { kind: 'top' }, () => 'unused');
      assert.equal(fine.type === 'show' && fine.view, view);
      const huge = showMessage({ ...view, html: 'x'.repeat(LIMITS.html + 1) }, nav, { kind: 'top' }, (v) => `too big: ${v.html.length}`);
      assert.ok(huge.type === 'show');
      assert.match(huge.view.html, /<div class="note-error" role="alert">.*too big: 67108865/);
      assert.equal(huge.view.title, 'T');
      const badId = showMessage({ ...view, id: 'a\u0001b' }, nav, { kind: 'top' }, () => 'bad id');
      assert.ok(badId.type === 'show' && badId.view.id === 'a?b' && /bad id/.test(badId.view.html));
    });
  });
});
