import * as assert from 'node:assert/strict';
import { linkAt } from '../../src/core';

describe('the note link under the cursor (authoring)', () => {
  const line = '见 [[losses/kl-divergence#公式|KL]] 和 [交叉熵](../losses/cross-entropy.md#%E5%85%AC%E5%BC%8F)，或 [站点](https://x.org)';

  it('finds a wiki link with its heading anywhere inside the brackets', () => {
    const start = line.indexOf('[[');
    for (const c of [start, start + 5, line.indexOf(']]') + 2]) {
      assert.deepEqual(linkAt(line, c, 'mine/a'), { id: 'losses/kl-divergence', heading: '公式', start, end: line.indexOf(']]') + 2 }, `column ${c}`);
    }
  });

  it('resolves a relative .md link from the note it is in, heading decoded', () => {
    const c = line.indexOf('cross-entropy');
    const got = linkAt(line, c, 'mine/a');
    assert.equal(got?.id, 'losses/cross-entropy');
    assert.equal(got?.heading, '公式');
    assert.equal(linkAt(line, c, 'deep/er/b')?.id, 'deep/losses/cross-entropy', 'relative to the note folder');
  });

  it('is undefined off a link and on a web link', () => {
    assert.equal(linkAt(line, 0, 'mine/a'), undefined);
    assert.equal(linkAt(line, line.indexOf('x.org'), 'mine/a'), undefined);
    assert.equal(linkAt('[[]]', 2, 'a'), undefined);
  });
});
