import * as assert from 'node:assert/strict';
import * as path from 'node:path';

// scripts/lib/harness.mjs is the ES module the test scripts share; Node 20.19+ loads it with require().
const harness = require(path.resolve(__dirname, '../../../scripts/lib/harness.mjs')) as {
  parseCounts(output: string): { passed: number; failed: number } | undefined;
  closingLine(passed: number, failed: number): string;
};

describe('test-all count parsing (what CI reads)', () => {
  it('takes the last plain "N passed, M failed" line, also behind a label and colour codes', () => {
    const out = 'x\n3 passed, 1 failed\n\u001b[32mintegration: 16 passed, 0 failed\u001b[0m\n';
    assert.deepEqual(harness.parseCounts(out), { passed: 16, failed: 0 });
  });

  it("falls back to mocha's passing/failing summary", () => {
    assert.deepEqual(harness.parseCounts('  206 passing (15s)\n  2 failing\n'), { passed: 206, failed: 2 });
    assert.deepEqual(harness.parseCounts('  12 passing (1s)\n'), { passed: 12, failed: 0 });
  });

  it('returns nothing for output without counts, so the tier counts as one check', () => {
    assert.equal(harness.parseCounts('built in 3s\nno tests here\n'), undefined);
    assert.equal(harness.parseCounts('passed, failed'), undefined);
  });

  it('writes the closing line in the form it parses', () => {
    assert.deepEqual(harness.parseCounts(harness.closingLine(7, 2)), { passed: 7, failed: 2 });
  });
});
