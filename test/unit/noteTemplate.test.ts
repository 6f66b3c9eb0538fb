import * as assert from 'node:assert/strict';
import { createKnowledgeBase, freeFileName, lintNoteText, newNoteText, nextOrder, noteSlug, parseNote } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

describe('new note text (authoring)', () => {
  it('slugs English titles and spells Chinese ones in pinyin, polyphonic characters read in context', () => {
    assert.equal(noteSlug('Focal Loss'), 'focal-loss');
    assert.equal(noteSlug('焦点损失'), 'jiao-dian-sun-shi');
    assert.equal(noteSlug('KL 散度'), 'kl-san-du');
    assert.equal(noteSlug('长度惩罚'), 'chang-du-cheng-fa');
    assert.equal(noteSlug('Top-p 采样（nucleus）'), 'top-p-cai-yang-nucleus');
    assert.equal(noteSlug('Ünïcode Ça'), 'unicode-ca');
    assert.equal(noteSlug('???'), '');
  });

  it('picks a free file name and the next order', () => {
    assert.equal(freeFileName('a', new Set(['b.md'])), 'a.md');
    assert.equal(freeFileName('a', new Set(['A.md', 'a-2.md'])), 'a-3.md');
    assert.equal(freeFileName('', new Set()), 'note.md');
    assert.equal(nextOrder([3, undefined, 1]), 4);
    assert.equal(nextOrder([]), 1);
  });

  it('writes front matter that parses to both titles, empty summaries, code and related lists, and lints without errors', async () => {
    for (const title of ['焦点损失', 'Focal Loss: "easy" #1']) {
      const text = newNoteText({ title, order: 3, code: ['focal_loss', 'torchvision.ops.sigmoid_focal_loss', 'Loss(gamma)'] });
      const { note, problems } = parseNote('t/x', '/n/t/x.md', '/n', text);
      assert.deepEqual(problems, []);
      assert.equal(note.title, title);
      assert.equal(note.titleEn, /[\u4e00-\u9fff]/.test(title) ? '' : title);
      assert.deepEqual(note.code, ['focal_loss', 'torchvision.ops.sigmoid_focal_loss', 'Loss(gamma)']);
      assert.deepEqual(note.related, []);
      assert.equal(note.order, 3);
      for (const f of ['aliases', 'summary', 'summary_en', 'related', 'code']) assert.ok(f in note.fieldLines, f);
      assert.equal(note.headings.length, 0);
      const s = await createKnowledgeBase({ files: inMemoryFiles({ '/n/a.md': noteText({ title: '甲', title_en: 'A', aliases: [], summary: 's', summary_en: 's' }) }), roots: ['/n'] }).load();
      const lint = lintNoteText(s, { root: '/n', path: '/n/t/x.md', text });
      assert.deepEqual(lint.filter((p) => p.severity === 'error'), [], JSON.stringify(lint));
    }
  });
});
