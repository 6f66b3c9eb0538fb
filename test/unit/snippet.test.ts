import * as assert from 'node:assert/strict';
import { createKnowledgeBase } from '../../src/core';
import { buildFullTextIndex, buildLookupIndex, matchSnippet, plainLine, searchConcepts, searchFullText } from '../../src/core/lookup';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

const MARKUP = /\$|\*\*|`|\]\(|\\[a-z]/;

describe('clean snippets for search results', () => {
  it('shows a Markdown line as a reader sees it: no marks, link targets, tags or TeX source', () => {
    assert.equal(plainLine('- **Adam** keeps $\\beta_1$ and [warmup](../x.md) via `lr` <br>'), 'Adam keeps β_1 and warmup via lr');
    assert.equal(plainLine('## 公式：$\\frac{a}{b} \\cdot \\lambda$'), '公式：a/b · λ');
    assert.equal(plainLine('| `batch_size` | 32 |'), 'batch_size · 32');
    assert.equal(plainLine('see [[losses/kl|KL]] and _this_'), 'see KL and this');
  });

  it('full-text lines and meaning-hit snippets of a note carry no Markdown or TeX', async () => {
    const snapshot = await createKnowledgeBase({
      files: inMemoryFiles({
        '/n/t/_index.md': noteText({ title: '主题', title_en: 'Topic' }),
        '/n/t/smoothing.md': noteText(
          { title: '标签平滑', title_en: 'Label Smoothing', aliases: [], summary: '把 one-hot 目标变软。', summary_en: 'Softens one-hot targets.' },
          '# 标签平滑\n\n## 做法\n\n把目标分布写成 $(1-\\epsilon)\\,y + \\epsilon/K$，让模型**不要过度自信**，见 [交叉熵](../x.md)。\n',
        ),
      }),
      roots: ['/n'],
    }).load();
    const lines = searchFullText(buildFullTextIndex(snapshot), '过度自信');
    assert.equal(lines.length, 1);
    assert.doesNotMatch(lines[0].text, MARKUP, lines[0].text);
    assert.match(lines[0].text, /不要过度自信/);
    const hits = searchConcepts(buildLookupIndex(snapshot), '怎么让模型不要过度自信');
    assert.equal(hits[0]?.item.note.id, 't/smoothing');
    const snippet = matchSnippet(hits[0], 'zh');
    assert.doesNotMatch(snippet, MARKUP, snippet);
    assert.match(snippet, /过度自信/, 'the snippet is the body line that answered, not the summary');
    assert.equal(matchSnippet(searchConcepts(buildLookupIndex(snapshot), 'label smoothing')[0], 'en'), 'Softens one-hot targets.');
  });
});
