import * as assert from 'node:assert/strict';
import { conceptHoverMarkdown } from '../../src/features/hover/conceptHover';
import type { Concept, TexToSvg } from '../../src/core';

describe('Concept hover with hostile note text (extension host)', () => {
  it('keeps every note-supplied string inert: no links, images or commands but its own two', () => {
    const concept: Concept = {
      id: 'x/evil',
      title: 'Evil [run](command:aiNotes.lookup?%5B%22a%22%5D)',
      titleEn: 'Evil ![t](https://example.com/t.png)',
      names: [],
      summary: 'line one\n\n[open](command:aiNotes.openNote?%7B%22id%22%3A%22y%22%7D) <img src=x> `code`',
      summaryEn: 's',
      formula: '\\frac{`\n\n![px](https://example.com/p.png) [c](command:aiNotes.lookup)',
    };
    const failing: TexToSvg = { render: () => ({ error: 'parse error' }) };
    const md = conceptHoverMarkdown(concept, 'zh', failing, 'evil');
    const links = [...md.value.matchAll(/(?<!\\)\]\((command:|https?:)/g)];
    assert.equal(links.length, 2, md.value);
    assert.ok(!/(?<!\\)!\[/.test(md.value), `an image got through:\n${md.value}`);
    assert.equal(md.supportHtml, false, 'raw HTML in note text is not rendered');
  });
});
