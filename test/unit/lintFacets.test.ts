import * as assert from 'node:assert/strict';
import { createKnowledgeBase, lintKnowledgeBase } from '../../src/core';
import { inMemoryFiles } from '../support/inMemoryFiles';

async function lint(files: Record<string, string>) {
  const s = await createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] }).load();
  return { snapshot: s, problems: lintKnowledgeBase(s) };
}

const head = (extra: string) => `---\ntitle: 甲\ntitle_en: A\naliases: []\nsummary: s\nsummary_en: s\n${extra}---\n# 甲\n\n## 超参数\n\n正文。\n`;

describe('lint: facets, short code names, Chinese quotes', () => {
  it('parses facets with their own lines and accepts a well-formed one', async () => {
    const text = head(`facets:\n  - name: lora_alpha\n    code: [lora_alpha, LoraConfig(lora_alpha)]\n    gloss: 缩放系数\n    gloss_en: scale\n    formula: '\\frac{\\alpha}{r}'\n    heading: 超参数\n  - name: r\n    code: [LoraConfig(r)]\n    gloss: 秩\n    gloss_en: rank\n`);
    const { snapshot, problems } = await lint({ '/n/a.md': text });
    assert.deepEqual(problems, []);
    const facets = snapshot.notes.get('a')!.facets;
    assert.deepEqual(facets.map((f) => [f.name, f.code, f.heading, f.line]), [
      ['lora_alpha', ['lora_alpha', 'LoraConfig(lora_alpha)'], '超参数', 8],
      ['r', ['LoraConfig(r)'], undefined, 14],
    ]);
  });

  it('reports a facet without gloss or code, a heading that does not exist, a bad formula and a malformed keyword form', async () => {
    const text = head(`facets:\n  - name: beta\n    code: []\n    gloss_en: b\n    heading: 不存在\n    formula: '\\frac{a'\n  - name: x\n    code: ['f(a, b)']\n    gloss: g\n    gloss_en: g\n  - just a string\n`);
    const messages = (await lint({ '/n/a.md': text })).problems.map((p) => `${p.line}: ${p.message}`);
    const want = [/^8: facet "beta" has no `gloss`/, /^8: facet "beta" has no `code`/, /^8: facet "beta": heading "不存在"/, /^8: facet "beta": formula does not parse/, /^13: facet "x": "f\(a, b\)" is not a code name/, /facet 3 is not a mapping/];
    for (const re of want) assert.ok(messages.some((m) => re.test(m)), `${re}\n${messages.join('\n')}`);
  });

  it('refuses bare code names of one to three letters unless declared ambiguous with a reason', async () => {
    const bare = await lint({ '/n/a.md': head('code: [lr, learning_rate]\n') });
    assert.ok(bare.problems.some((p) => /bare code name "lr"/.test(p.message) && p.severity === 'error'), JSON.stringify(bare.problems));
    const noReason = await lint({ '/n/a.md': head('code: [lr]\nambiguous: [lr]\n') });
    assert.ok(noReason.problems.some((p) => /bare code name "lr"/.test(p.message)));
    const reasoned = await lint({ '/n/a.md': head('code: [lr]\nambiguous: ["lr: the learning rate in nearly all training code"]\n') });
    assert.deepEqual(reasoned.problems, []);
    const qualified = await lint({ '/n/a.md': head('code: [optax.sgd]\nfacets:\n  - name: r\n    code: [LoraConfig(r)]\n    gloss: 秩\n    gloss_en: rank\n') });
    assert.deepEqual(qualified.problems, [], 'qualified and Callee(kw) forms are fine');
  });

  it('lets one note only claim a code name, facets included, unless both declare it', async () => {
    const b = `---\ntitle: 乙\ntitle_en: B\naliases: []\nsummary: s\nsummary_en: s\ncode: [AdamW(betas)]\n---\n`;
    const clash = await lint({ '/n/a.md': head('facets:\n  - name: betas\n    code: [AdamW(betas)]\n    gloss: g\n    gloss_en: g\n'), '/n/b.md': b });
    assert.equal(clash.problems.filter((p) => /code name "adamw\(betas\)" is also claimed/.test(p.message)).length, 2, JSON.stringify(clash.problems));
  });

  it('warns about ASCII quotes in Chinese prose, not in code, math or English', async () => {
    const text = `---\ntitle: 甲\ntitle_en: A\naliases: []\nsummary: s\nsummary_en: s\n---\n# 甲\n\n这叫"捷径"。\n\n代码 \`x = "a"\` 没问题。\n\nEnglish "quotes" are fine.\n\n用“中文引号”。\n`;
    const problems = (await lint({ '/n/a.md': text })).problems;
    assert.deepEqual(problems.map((p) => [p.line, p.severity]), [[10, 'warning']]);
  });

  it('warns about Chinese words in ASCII quotes in the summary and facet glosses, not about quoted code strings', async () => {
    const text = `---\ntitle: 甲\ntitle_en: A\naliases: []\nsummary: 这叫"捷径"。\nsummary_en: s\nfacets:\n  - name: optim\n    code: [TrainingArguments(optim)]\n    gloss: 设 optim="paged_adamw_32bit" 或 "paged_adamw_8bit"，\`x="中"\` 也行\n    gloss_en: g\n  - name: other\n    code: [other_param]\n    gloss: 别写成"这样"\n    gloss_en: g\n---\n# 甲\n`;
    const problems = (await lint({ '/n/a.md': text })).problems.filter((p) => /quotes/.test(p.message));
    assert.deepEqual(problems.map((p) => [p.line, p.message.replace(/.*\(in /, '(in ')]), [[5, '(in `summary`)'], [12, '(in the gloss of facet "other")']]);
  });
});
