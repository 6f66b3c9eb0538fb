import * as assert from 'node:assert/strict';
import { buildConceptIndex, conceptCard, createKnowledgeBase, keyPointsOf } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

describe('concept card (Concept Help)', () => {
  it('reads the key-points bullets as plain text, else the pitfalls, and nothing when neither exists', () => {
    const body = '# T\n\n## 常见误区\n\n- 误区 **一**\n\n## 要点\n\n- 第一点 $x^2$\n- [链接](a.md) 第二点\n\n## 公式\n\n- not a point\n';
    assert.deepEqual(keyPointsOf({ body }), { heading: '要点', items: ['第一点 x^2', '链接 第二点'] });
    assert.deepEqual(keyPointsOf({ body: '## Pitfalls\n1. one\n2. two\n' }), { heading: 'Pitfalls', items: ['one', 'two'] });
    assert.deepEqual(keyPointsOf({ body: '## 直觉\n- no\n' }), { heading: '', items: [] });
  });

  it('builds the card in the display language with the formula rendered by KaTeX and the facet line', async () => {
    const s = await createKnowledgeBase({
      files: inMemoryFiles({
        '/n/o/adam.md': noteText(
          { title: '亚当', title_en: 'Adam', aliases: [], summary: '摘要', summary_en: 'Summary', formula: '\\theta_t', code: ['AdamW'] },
          '# Adam\n\n## 要点\n\n- 偏差修正\n',
        ),
      }),
      roots: ['/n'],
    }).load();
    const concept = buildConceptIndex(s).concepts.get('o/adam')!;
    const en = conceptCard(concept, s.notes.get('o/adam'), 'en', 'AdamW', { name: 'betas', gloss: '动量系数', glossEn: 'momentum coefficients', heading: 'Betas' });
    assert.equal(en.title, 'Adam');
    assert.equal(en.otherTitle, '亚当');
    assert.equal(en.summary, 'Summary');
    assert.deepEqual(en.facet, { name: 'betas', gloss: 'momentum coefficients' });
    assert.equal(en.heading, 'Betas');
    assert.match(en.formulaHtml ?? '', /class="katex/);
    assert.doesNotMatch(en.formulaHtml ?? '', /<math/, 'HTML output only');
    assert.deepEqual(en.keyPoints.items, ['偏差修正']);
    const zh = conceptCard(concept, undefined, 'zh', 'AdamW');
    assert.equal(zh.title, '亚当');
    assert.equal(zh.facet, undefined);
    assert.deepEqual(zh.keyPoints, { heading: '', items: [] });
  });
});
