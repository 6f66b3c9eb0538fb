// The hover's Markdown for note-supplied strings (issue 9, item 10): whatever a note's title, summary or formula
// holds, the hover shows it as text (or our image) — no command links, remote images, external links or HTML.
// Checked with markdown-it, a CommonMark parser as VS Code's renderer is, and structurally: once every backslash
// escape is removed, no ASCII punctuation is left, so no Markdown construct (nor a GFM autolink) can form.
import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { codeBlockMarkdown, codeSpanMarkdown, inertMarkdown, svgImageMarkdown } from '../../src/features/hover/hoverMarkdown';

const md = new MarkdownIt({ html: true, linkify: false });
// VS Code's hovers load `data:` images; markdown-it by default refuses data:image/svg+xml links.
md.validateLink = () => true;

const HOSTILE = [
  'plain title',
  '[click](command:aiNotes.lookup?%5B%22x%22%5D)',
  '![x](https://evil.example/track.png)',
  'see https://evil.example and www.evil.example and a@evil.example',
  '<https://evil.example> <img src=x onerror=alert(1)> <b>bold</b>',
  '`code` and ``double`` and ```fence',
  'first\n\n[injected](command:aiNotes.openNote?%5B%7B%22id%22%3A%22x%22%7D%5D)\n\n# heading',
  '    indented code\n> quote\n- list\n1. item\n---\n| a | b |\n|---|---|',
  '$(zap) icon $(book) and \\$(escaped)',
  '&lt;script&gt; &#x3C;b&#x3E; &amp;',
  '*em* **strong** _u_ ~~strike~~ \\*escaped\\*',
  'trailing backslash \\',
  '[ref]: https://evil.example\n[ref]',
  'bidi \u202eevil\u202c and control \u0000\u0007 chars',
  '交叉熵（cross-entropy）：$H(p,q) = -\\sum p \\log q$',
];

/** The visible text markdown-it makes of `src` (as inline Markdown), or a description of the first non-text token. */
function inlineText(src: string): string {
  const children = md.parseInline(src, {})[0].children ?? [];
  return children.map((t) => (t.type === 'text' ? t.content : `<<${t.type}>>`)).join('');
}

describe('hover Markdown for note text', () => {
  it('shows each hostile string as exactly its text (whitespace folded, controls dropped)', () => {
    for (const s of HOSTILE) {
      const expected = s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').replace(/[\u0000-\u001f]/g, '').trim();
      assert.equal(inlineText(inertMarkdown(s)), expected, JSON.stringify(s));
      const block = md.parse(inertMarkdown(s), {}).map((t) => t.type);
      assert.deepEqual(block, ['paragraph_open', 'inline', 'paragraph_close'], JSON.stringify(s));
    }
  });

  it('leaves no unescaped punctuation and no line break, so no construct or autolink can form', () => {
    for (const s of HOSTILE) {
      const out = inertMarkdown(s);
      assert.doesNotMatch(out.replace(/\\[\s\S]/g, ''), /[!-/:-@[-`{-~\n\r]/, JSON.stringify(s));
      assert.ok(!out.endsWith('\\') || out.endsWith('\\\\'), 'no dangling backslash');
    }
  });

  it('stays inert inside bold and the image alt it is put in', () => {
    for (const s of HOSTILE) {
      const bold = md.parseInline(`**${inertMarkdown(s)}**`, {})[0].children!.map((t) => t.type);
      assert.ok(bold.every((t) => t === 'text' || t === 'strong_open' || t === 'strong_close'), `${JSON.stringify(s)}: ${bold}`);
      const img = md.parseInline(svgImageMarkdown('<svg xmlns="http://www.w3.org/2000/svg"/>', s), {})[0].children!;
      assert.equal(img.length, 1, JSON.stringify(s));
      assert.equal(img[0].type, 'image');
      assert.match(String(img[0].attrGet('src')), /^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/);
    }
  });

  it('shows a code name as one code span of exactly its text: num_epochs without a backslash, backticks and all', () => {
    for (const s of ['num_epochs', 'LoraConfig(lora_alpha)', '*em* [x](y)', '`tick`', 'a``b', '`', ...HOSTILE]) {
      const expected = s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/\s+/g, ' ').replace(/[\u0000-\u001f]/g, '').trim();
      const children = md.parseInline(codeSpanMarkdown(s), {})[0].children ?? [];
      assert.deepEqual(children.map((t) => t.type), ['code_inline'], JSON.stringify(s));
      assert.equal(children[0].content, expected, JSON.stringify(s));
    }
  });

  it('cuts long text', () => {
    assert.equal(inlineText(inertMarkdown('x'.repeat(5000), 100)), `${'x'.repeat(100)}…`);
  });

  it('shows a formula that does not parse as a code block nothing in it can close', () => {
    const sources = [...HOSTILE, 'a\n\n```\n[x](command:aiNotes.lookup)\n```', '`'.repeat(10), '~~~\nx\n~~~', '\\frac{a}{\n\n\nb'];
    for (const s of sources) {
      const tokens = md.parse(codeBlockMarkdown(s, 'latex'), {});
      assert.deepEqual(tokens.map((t) => t.type), ['fence'], JSON.stringify(s));
      const expected = s.replace(/[\u202a-\u202e\u2066-\u2069]/g, '').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
      assert.equal(tokens[0].content, `${expected}\n`, JSON.stringify(s));
      assert.equal(tokens[0].info, 'latex');
    }
  });
});
