import * as assert from 'node:assert/strict';
import { completionContextAt } from '../../src/core';

const at = (text: string) => {
  // `|` marks the cursor.
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line].indexOf('|');
  lines[line] = lines[line].replace('|', '');
  return completionContextAt(lines, line, character);
};

describe('what to complete in a note (authoring)', () => {
  it('completes note ids after [[ and headings after [[id#', () => {
    assert.deepEqual(at('---\na: 1\n---\nSee [[los|'), { kind: 'wikiLink', start: 6 });
    assert.deepEqual(at('---\n---\nSee [[losses/ce#He|'), { kind: 'wikiHeading', id: 'losses/ce', start: 16 });
    assert.equal(at('---\n---\nSee [[done]] and |'), undefined);
    assert.equal(at('---\n---\nplain |'), undefined);
  });

  it('completes related ids and code names in flow and block lists of the front matter only', () => {
    assert.deepEqual(at('---\nrelated: [a/b, lo|\n---'), { kind: 'related', start: 15 });
    assert.deepEqual(at('---\ncode: [|]\n---'), { kind: 'code', start: 7 });
    assert.deepEqual(at('---\ntitle: x\ncode:\n  - a\n  - Lo|\n---'), { kind: 'code', start: 4 });
    assert.equal(at('---\ntags:\n  - |\n---'), undefined);
    assert.equal(at('---\ntitle: x\n---\nrelated: [|'), undefined, 'the body is not front matter');
  });
});
