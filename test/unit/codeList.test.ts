import * as assert from 'node:assert/strict';
import { addCodeName, parseNote } from '../../src/core';

const codeOf = (text: string) => parseNote('a', '/n/a.md', '/n', text).note.code;

describe('adding a code name to a note (authoring)', () => {
  it('appends to a flow list, a block list, or adds the field, keeping the rest of the file', () => {
    const flow = addCodeName('---\ntitle: A\ncode: [a, b]\nrelated: []\n---\n\nBody\n', 'F.kl_div')!;
    assert.equal(flow, '---\ntitle: A\ncode: [a, b, F.kl_div]\nrelated: []\n---\n\nBody\n');
    const empty = addCodeName('---\ntitle: A\ncode: []\n---\n', 'LoraConfig(r)')!;
    assert.deepEqual(codeOf(empty), ['LoraConfig(r)']);
    const block = addCodeName('---\ntitle: A\ncode:\n  - a\n  - b\ntags: []\n---\nx', 'c')!;
    assert.equal(block, '---\ntitle: A\ncode:\n  - a\n  - b\n  - c\ntags: []\n---\nx');
    const none = addCodeName('---\r\ntitle: A\r\n---\r\nx', 'pad_to_multiple_of')!;
    assert.equal(none, '---\r\ntitle: A\r\ncode: [pad_to_multiple_of]\r\n---\r\nx');
  });

  it('does nothing when the name is there or the front matter is missing or broken', () => {
    assert.equal(addCodeName('---\ncode: [a]\n---\n', 'a'), undefined);
    assert.equal(addCodeName('no front matter', 'a'), undefined);
    assert.equal(addCodeName('---\ntitle: [\n---\n', 'a'), undefined);
  });
});
