import * as assert from 'node:assert/strict';
import { formulaAt } from '../../src/core';

describe('the formula under the cursor while writing a note (authoring)', () => {
  const lines = [
    '---',
    "formula: 'H(P,Q) = -\\sum_x P(x)\\log Q(x)'",
    '---',
    '损失是 $L = x^2$，而 $$\\int f$$ 是积分。',
    '',
    '$$',
    'a = b + c',
    '$$',
    '价格 5 元',
  ];

  it('reads the front matter formula, unquoted', () => {
    assert.equal(formulaAt(lines, 1, 3)?.tex, 'H(P,Q) = -\\sum_x P(x)\\log Q(x)');
  });

  it('finds the inline or one-line display formula under the cursor', () => {
    assert.equal(formulaAt(lines, 3, lines[3].indexOf('x^2'))?.tex, 'L = x^2');
    assert.equal(formulaAt(lines, 3, lines[3].indexOf('int'))?.tex, '\\int f');
    assert.equal(formulaAt(lines, 3, 0), undefined, 'text before the formulas');
  });

  it('finds a $$ block from any of its lines, and nothing after it', () => {
    for (const l of [5, 6, 7]) {
      const f = formulaAt(lines, l, 0);
      assert.equal(f?.tex, 'a = b + c', `line ${l}`);
      assert.deepEqual([f?.startLine, f?.endLine], [5, 7]);
    }
    assert.equal(formulaAt(lines, 8, 2), undefined);
    assert.equal(formulaAt(lines, 4, 0), undefined);
  });
});
