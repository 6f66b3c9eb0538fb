import * as assert from 'node:assert/strict';
import { createKnowledgeBase, lintKnowledgeBase } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

const ok = { title: '甲', title_en: 'A', aliases: ['alpha'], summary: 's', summary_en: 's' };

async function lint(files: Record<string, string>) {
  const s = await createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] }).load();
  return lintKnowledgeBase(s);
}

describe('lint', () => {
  it('is clean on a well-formed note with math and links', async () => {
    const problems = await lint({
      '/n/t/a.md': noteText({ ...ok, formula: '\\frac{a}{b}', related: ['t/b'] }, 'See [b](b.md), [[t/b]] and $x^2$.\n\n$$\n\\sum_i x_i\n$$\n'),
      '/n/t/b.md': noteText({ ...ok, title: '乙', title_en: 'B', aliases: ['beta'] }),
    });
    assert.deepEqual(problems, []);
  });

  it('reports missing fields, unknown related ids, dead links and bad math with lines', async () => {
    const text = noteText({ title: 'T', related: ['nope'], formula: '\\frac{a' }, 'line one\n\n[dead](../x/y.md) and [[missing/id]]\n\n$\\badmacro{x}$\n');
    const problems = await lint({ '/n/a.md': text });
    const messages = problems.map((p) => `${p.line}: ${p.message}`);
    for (const field of ['title_en', 'summary', 'summary_en', 'aliases']) {
      assert.ok(messages.some((m) => m.includes(`\`${field}\``)), `missing ${field}: ${messages.join('\n')}`);
    }
    assert.ok(messages.some((m) => /^3: related note "nope"/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /^4: formula does not parse/.test(m)), messages.join('\n'));
    const lines = text.split('\n');
    const dead = problems.find((p) => p.message.includes('../x/y.md'))!;
    assert.match(lines[dead.line - 1], /\[dead\]/);
    assert.ok(problems.some((p) => p.message.includes('[[missing/id]]')));
    const math = problems.find((p) => p.message.startsWith('math does not parse'))!;
    assert.match(lines[math.line - 1], /badmacro/);
  });

  it('flags an alias shared by two notes unless both declare it ambiguous', async () => {
    const clash = await lint({
      '/n/a.md': noteText({ ...ok, aliases: ['CE'] }),
      '/n/b.md': noteText({ ...ok, title: '乙', title_en: 'B', aliases: ['ce'] }),
    });
    assert.equal(clash.filter((p) => p.message.includes('"ce"')).length, 2);
    const declared = await lint({
      '/n/a.md': noteText({ ...ok, aliases: ['CE'], ambiguous: ['CE'] }),
      '/n/b.md': noteText({ ...ok, title: '乙', title_en: 'B', aliases: ['ce'], ambiguous: ['ce'] }),
    });
    assert.deepEqual(declared, []);
  });

  it('reports an unclosed display formula', async () => {
    const problems = await lint({ '/n/a.md': noteText(ok, 'text\n\n$$\nx + y\nmore\n') });
    assert.ok(problems.some((p) => /not closed/.test(p.message)));
  });

  it('ignores dollar signs in code and prices', async () => {
    const problems = await lint({ '/n/a.md': noteText(ok, 'It costs $5 and $10.\n\n`$not math$`\n\n```\n$$ not math\n```\n') });
    assert.deepEqual(problems, []);
  });
});

describe('lint of code names', () => {
  it('flags a code name claimed by two notes and warns about generic code names', async () => {
    const problems = await lint({
      '/n/a.md': noteText({ ...ok, code: ['kl_div', 'data'] }),
      '/n/b.md': noteText({ ...ok, title: '乙', title_en: 'B', aliases: ['beta'], code: ['KL_div_'] }),
    });
    assert.equal(problems.filter((p) => p.message.includes('"kl_div" is also claimed')).length, 2);
    assert.ok(problems.some((p) => p.severity === 'warning' && p.message.includes('"data" is too generic')));
  });
});
