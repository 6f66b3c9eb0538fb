import * as assert from 'node:assert/strict';
import { createKnowledgeBase, type KnowledgeBaseSnapshot } from '../../src/core';
import { buildLookupIndex, searchConcepts, warmMeaningIndex } from '../../src/core/lookup';
import { meaningIndexOf } from '../../src/core/lookup/searchConcepts';
import { buildMeaningIndex, queryTerms } from '../../src/core/lookup/meaningIndex';
import { contentWordCount, isFillerTerm, proseOf, textTerms } from '../../src/core/lookup/textTerms';
import { toSimplified } from '../../src/core/lookup/simplified';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

const base = { aliases: [], summary: 's', summary_en: 's' };

/** A small knowledge base whose notes describe what they do in words no title uses. */
async function kb(): Promise<KnowledgeBaseSnapshot> {
  return createKnowledgeBase({
    files: inMemoryFiles({
      '/n/t/_index.md': noteText({ title: '主题', title_en: 'Topic' }),
      '/n/t/overfitting.md': noteText(
        {
          ...base,
          title: '过拟合',
          title_en: 'Overfitting',
          summary: '模型把训练集背得很熟，在验证集上的效果却越来越差。',
          summary_en: 'The model memorises the training set while its validation loss keeps getting worse.',
        },
        '# 过拟合\n\n## 症状\n\n训练损失下降，验证损失上升。\n',
      ),
      '/n/t/lr-schedule.md': noteText(
        {
          ...base,
          title: '学习率调度',
          title_en: 'Learning Rate Schedule',
          summary: '训练过程中按计划逐步减小学习率。',
          summary_en: 'Make the step size smaller over time with a decay plan such as cosine.',
        },
        '# 学习率调度\n',
      ),
      '/n/t/vanishing.md': noteText(
        {
          ...base,
          title: '梯度消失',
          title_en: 'Vanishing Gradients',
          summary: '梯度反向传播时越乘越小，靠近输入的层几乎学不到东西。',
          summary_en: 'Gradients shrink layer by layer on the way back, so early layers barely learn.',
        },
        '# 梯度消失\n\n```python\nmemory_cache = 1\n```\n',
      ),
      '/n/t/memory.md': noteText({ ...base, title: '显存', title_en: 'GPU Memory', summary: '训练时内存与显存的占用。', summary_en: 'Memory used while training.' }, '# 显存\n'),
    }),
    roots: ['/n'],
  }).load();
}

describe('retrieval by meaning (issue 13)', () => {
  describe('terms', () => {
    it('cuts Han runs into bigrams at particles, and Latin into stemmed words without stop words', () => {
      assert.deepEqual(textTerms('验证集的效果'), ['验证', '证集', '效果']);
      assert.deepEqual(textTerms('The learning rates are decaying'), ['learn', 'rate', 'decai']);
      assert.deepEqual(textTerms('clipGradNorm'), ['clip', 'grad', 'norm']);
    });

    it('folds British spellings to American before stemming', () => {
      assert.deepEqual(textTerms('normalisation'), textTerms('normalization'));
      assert.deepEqual(textTerms('optimiser colour'), textTerms('optimizer color'));
    });

    it('keeps only the bigrams inside the words of a query (ICU segmentation)', () => {
      const q = textTerms('训练越久验证集效果越差', { query: true });
      for (const g of ['训练', '验证', '证集', '效果']) assert.ok(q.includes(g), `${g} in ${q.join(' ')}`);
      // 练越 and 久验 straddle two words: the note side has them, the query does not ask for them.
      assert.ok(!q.includes('练越') && !q.includes('久验'), q.join(' '));
      assert.ok(textTerms('训练越久验证集效果越差').includes('练越'));
    });

    it('flags question and filler words, in both languages', () => {
      const terms = queryTerms('梯度消失怎么办');
      assert.deepEqual(terms.filter((t) => t.filler).map((t) => t.term), ['怎么']);
      assert.deepEqual(terms.filter((t) => !t.filler).map((t) => t.term), ['梯度', '消失']);
      assert.ok(isFillerTerm(textTerms('what')[0]) && isFillerTerm(textTerms('why')[0]));
      assert.ok(!isFillerTerm('梯度'));
      assert.equal(contentWordCount('what does label smoothing do'), 2);
      assert.equal(contentWordCount('batch szie'), 2);
      assert.ok(contentWordCount('训练越久验证集效果越差') > 3);
    });

    it('folds traditional Chinese (and Taiwan phrases) to simplified', () => {
      assert.equal(toSimplified('損失函數'), '损失函数');
      assert.equal(toSimplified('記憶體不足'), '内存不足');
      assert.equal(toSimplified('plain ASCII'), 'plain ASCII');
    });

    it('reads prose only: no fenced code, TeX or link targets', () => {
      const prose = proseOf('Text $x^2$ and [a link](../x/y.md).\n\n```python\nsecret_code = 1\n```\n\n$$\\sum_i z_i$$\n');
      assert.ok(!/secret_code|sum_i|\.md|x\^2/.test(prose), prose);
      assert.ok(prose.includes('a link'));
    });
  });

  describe('ranking', () => {
    it('finds a note by a description in Chinese, in English, as a question and in traditional characters', async () => {
      const index = buildLookupIndex(await kb());
      const first = (q: string) => searchConcepts(index, q)[0]?.item.note.id;
      assert.equal(first('训练越久验证集效果越差'), 't/overfitting');
      assert.equal(first('make the learning step smaller over time'), 't/lr-schedule');
      assert.equal(first('why do the early layers barely learn'), 't/vanishing');
      assert.equal(first('為什麼驗證集效果越來越差'), 't/overfitting');
    });

    it('marks such a hit as a match by meaning and names the field that answered', async () => {
      const index = buildLookupIndex(await kb());
      const hit = searchConcepts(index, '训练越久验证集效果越差')[0];
      assert.equal(hit.tier, 'meaning');
      assert.equal(hit.meaning?.field, 'summary');
      assert.ok(hit.meaning?.terms.includes('验证'));
    });

    it('keeps name matches on top of matches by meaning', async () => {
      const index = buildLookupIndex(await kb());
      // 显存 is a title; the other notes only mention training.
      const hits = searchConcepts(index, '显存');
      assert.equal(hits[0].item.note.id, 't/memory');
      assert.notEqual(hits[0].tier, 'meaning');
      // A misspelt name goes to its note, not to notes sharing its other word.
      assert.equal(searchConcepts(index, 'learning rate shedule')[0]?.item.note.id, 't/lr-schedule');
    });

    it('returns nothing for gibberish and for a query made only of question words', async () => {
      const index = buildLookupIndex(await kb());
      assert.deepEqual(searchConcepts(index, 'qzxv kjhgf wpqm'), []);
      assert.deepEqual(searchConcepts(index, '为什么怎么办'), []);
      assert.deepEqual(searchConcepts(index, 'what is it and how'), []);
    });

    it('does not find a note by words of its code blocks', async () => {
      const meaning = buildMeaningIndex(await kb());
      // `cache` occurs only in the code block of t/vanishing.
      assert.deepEqual(meaning.search('cache').map((h) => h.note.id), []);
      assert.deepEqual(meaning.search('shrink').map((h) => h.note.id), ['t/vanishing']);
    });

    it('drops the tail: a note sharing one common word with a long description is no answer', async () => {
      const index = buildLookupIndex(await kb());
      const ids = searchConcepts(index, '模型把训练集背得很熟，在验证集上的效果却越来越差').map((m) => m.item.note.id);
      assert.equal(ids[0], 't/overfitting');
      assert.ok(!ids.includes('t/lr-schedule'), ids.join(' '));
    });
  });
});

describe('meaning index built in slices', () => {
  it('gives the same ranking as one build, and a description typed mid-build finishes it', async () => {
    const snapshot = await kb();
    const whole = buildMeaningIndex(snapshot).search('验证集效果越来越差').map((h) => [h.note.id, h.score]);
    assert.ok(whole.length > 0);
    const index = buildLookupIndex(snapshot);
    let steps = 0;
    while (!warmMeaningIndex(index, 0)) steps++;
    assert.ok(steps >= 1, 'a zero budget indexes one note per slice');
    assert.deepEqual(meaningIndexOf(index).search('验证集效果越来越差').map((h) => [h.note.id, h.score]), whole);
    const fresh = buildLookupIndex(snapshot);
    assert.equal(warmMeaningIndex(fresh, 0), false);
    assert.equal(searchConcepts(fresh, '训练时验证集上的效果越来越差')[0]?.item.note.id, 't/overfitting');
  });
});
