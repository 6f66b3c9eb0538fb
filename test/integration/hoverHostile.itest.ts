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
      facets: [],
      related: [],
    };
    const failing: TexToSvg = { render: () => ({ error: 'parse error' }) };
    const [note, links] = conceptHoverMarkdown(concept, 'zh', failing, 'evil');
    assert.equal(note.isTrusted, false, 'the part with note text runs no command');
    assert.equal(note.supportHtml, false, 'raw HTML in note text is not rendered');
    // Text inside a code fence is inert: look at what is outside fences.
    const outside = note.value.replace(/(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1/g, '');
    const noteLinks = [...outside.matchAll(/(?<!\\)\]\((command:|https?:)/g)];
    assert.equal(noteLinks.length, 0, note.value);
    assert.ok(!/(?<!\\)!\[/.test(outside), `an image got through:\n${note.value}`);
    assert.equal([...links.value.matchAll(/\]\(command:/g)].length, 2, links.value);
  });
});
