import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildFullTextIndex, buildLookupIndex, compactText, createKnowledgeBase, normalizeText, pinyinForms, searchConcepts, searchFullText, type KnowledgeBaseSnapshot, type LookupIndex } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';
import { LOOKUP_QUERIES, type QueryKind as Kind } from './support/lookupQueries';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

const notesRoot = path.resolve(__dirname, '../../../notes');

describe('concept lookup on the bundled notes', () => {
  let snapshot: KnowledgeBaseSnapshot;
  let index: LookupIndex;
  const tally = { total: 0, hit1: 0, hit3: 0, misses: [] as string[] };
  const byKind = new Map<Kind, { total: number; hit1: number }>();

  before(async () => {
    snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [notesRoot] }).load();
    index = buildLookupIndex(snapshot);
  });

  after(() => {
    if (!tally.total) return;
    const pct = (n: number) => `${((100 * n) / tally.total).toFixed(1)}%`;
    console.log(`\n    lookup query set: ${tally.total} queries on ${snapshot.notes.size} notes — hit@1 ${pct(tally.hit1)} (${tally.hit1}), hit@3 ${pct(tally.hit3)} (${tally.hit3})`);
    console.log(`    by kind: ${[...byKind].map(([k, v]) => `${k} ${v.hit1}/${v.total}`).join(', ')}`);
    for (const m of tally.misses) console.log(`    miss: ${m}`);
  });

  for (const [kind, query, expected] of LOOKUP_QUERIES) {
    it(`${kind}: "${query}" → ${expected}`, () => {
      assert.ok(snapshot.notes.has(expected), `the expected note ${expected} is not in notes/`);
      const results = searchConcepts(index, query, { limit: 10 });
      const ids = results.map((r) => r.item.note.id);
      const k = byKind.get(kind) ?? { total: 0, hit1: 0 };
      byKind.set(kind, k);
      tally.total++;
      k.total++;
      if (ids[0] === expected) {
        tally.hit1++;
        k.hit1++;
      } else tally.misses.push(`"${query}" → ${expected}; got ${ids.slice(0, 3).join(', ') || 'nothing'}`);
      if (ids.slice(0, 3).includes(expected)) tally.hit3++;
      assert.equal(ids[0], expected, `top 3: ${results.slice(0, 3).map((r) => `${r.item.note.id}${r.item.heading ? ` › ${r.item.heading.text}` : ''} (${r.tier} ${r.field} "${r.matched}" ${r.score})`).join('; ')}`);
      assert.equal(results[0].item.kind, 'note');
    });
  }

  it('finds body lines with full-text search', () => {
    const ft = buildFullTextIndex(snapshot);
    const hits = searchFullText(ft, 'drop_last');
    assert.ok(hits.length > 0);
    const note = hits[0].note;
    const lines = note.body.split('\n');
    assert.ok(lines[hits[0].line - note.bodyLine].toLowerCase().includes('drop_last'));
  });
});

describe('lookup normalisation', () => {
  it('folds width, case and separators', () => {
    assert.equal(normalizeText('  Cross-Entropy  Loss '), 'cross entropy loss');
    assert.equal(normalizeText('F.kl_div'), 'f kl div');
    assert.equal(normalizeText('交叉熵（CE）'), '交叉熵 ce');
    assert.equal(normalizeText('ＫＬ散度'), 'kl散度');
    assert.equal(compactText('clip_grad_norm_'), 'clipgradnorm');
    assert.equal(compactText('KL 散度'), compactText('KL散度'));
  });

  it('computes pinyin, full and initials, keeping Latin parts', () => {
    assert.deepEqual(pinyinForms('交叉熵'), { full: 'jiaochashang', initials: 'jcs' });
    assert.deepEqual(pinyinForms('KL散度'), { full: 'klsandu', initials: 'klsd' });
    assert.equal(pinyinForms('学习率')!.full, 'xuexilv');
    assert.equal(pinyinForms('长度')!.full, 'changdu');
    assert.equal(pinyinForms('epoch'), undefined);
  });
});

describe('concept lookup on in-memory notes', () => {
  const base = { aliases: [], summary: '摘要', summary_en: 'summary' };
  let index: LookupIndex;

  before(async () => {
    const files = inMemoryFiles({
      '/n/losses/_index.md': noteText({ title: '损失函数', title_en: 'Losses' }),
      '/n/losses/cross-entropy.md': noteText(
        { ...base, title: '交叉熵', title_en: 'Cross-Entropy', aliases: ['CE', '交叉熵损失'], code: ['nn.CrossEntropyLoss', 'F.cross_entropy'] },
        '# 交叉熵\n\n## 直觉\n\n交叉熵衡量两个分布的差异。\n\n## PyTorch 用法\n\nUse `reduction="mean"` here.\n',
      ),
      '/n/losses/kl.md': noteText(
        { ...base, title: 'KL 散度', title_en: 'KL Divergence', aliases: ['KL', 'relative entropy'], code: ['F.kl_div', 'KLDivLoss'], related: ['losses/cross-entropy'] },
        '# KL 散度\n\n## 与交叉熵的关系\n\nKL = H(P,Q) − H(P).\n',
      ),
      '/n/llm/lora.md': noteText({ ...base, title: 'LoRA 低秩适配', title_en: 'LoRA (Low-Rank Adaptation)', code: ['LoraConfig', 'lora_alpha'] }, '# LoRA\n'),
      '/n/llm/decision-tree.md': noteText({ ...base, title: '决策树', title_en: 'Decision Tree' }, '# 决策树\n'),
      '/n/basics/epoch.md': noteText({ ...base, title: '轮次（Epoch）', title_en: 'Epoch', code: ['num_epochs'] }, '# 轮次\n\n## 直觉\n'),
    });
    const snapshot = await createKnowledgeBase({ files, roots: ['/n'] }).load();
    index = buildLookupIndex(snapshot);
  });

  const top = (q: string, opts = {}) => searchConcepts(index, q, opts)[0];

  it('matches pinyin in full and by initials', () => {
    assert.equal(top('jiaochashang').item.note.id, 'losses/cross-entropy');
    // 交叉熵 and 决策树 are both "jcs": the note more others relate to comes first.
    const jcs = searchConcepts(index, 'jcs');
    assert.deepEqual(jcs.slice(0, 2).map((r) => [r.item.note.id, r.tier, r.field]), [
      ['losses/cross-entropy', 'exact', 'initials'],
      ['llm/decision-tree', 'exact', 'initials'],
    ]);
    assert.equal(top('jiaocha').tier, 'prefix');
    assert.equal(top('jueceshu').item.note.id, 'llm/decision-tree');
  });

  it('matches code names whole, by last segment, split and in camelCase', () => {
    assert.equal(top('kl_div').item.note.id, 'losses/kl');
    assert.equal(top('kl_div').tier, 'exact');
    assert.equal(top('F.kl_div').item.note.id, 'losses/kl');
    assert.equal(top('CrossEntropyLoss').item.note.id, 'losses/cross-entropy');
    assert.equal(top('lora config').item.note.id, 'llm/lora');
    assert.equal(top('LoraConfig').field, 'code');
    assert.equal(top('num_epochs').item.note.id, 'basics/epoch');
  });

  it('splits titles with a parenthesised second name', () => {
    assert.equal(top('轮次').tier, 'exact');
    assert.equal(top('epoch').tier, 'exact');
    assert.equal(top('low rank adaptation').item.note.id, 'llm/lora');
  });

  it('ranks a note above its own headings, and exact names above substrings', () => {
    const results = searchConcepts(index, '交叉熵');
    assert.equal(results[0].item.note.id, 'losses/cross-entropy');
    assert.equal(results[0].item.kind, 'note');
    const heading = results.findIndex((r) => r.item.kind === 'heading' && r.item.note.id === 'losses/kl');
    assert.ok(heading > 0, 'the KL heading "与交叉熵的关系" is found, below the note');
  });

  it('finds headings, which open at their slug', () => {
    const r = top('pytorch 用法');
    assert.equal(r.item.kind, 'heading');
    assert.equal(r.item.heading!.text, 'PyTorch 用法');
  });

  it('tolerates typos and finds homophones', () => {
    assert.equal(top('cross entorpy').item.note.id, 'losses/cross-entropy');
    assert.equal(top('cross entorpy').tier, 'fuzzy');
    assert.equal(top('交叉商').item.note.id, 'losses/cross-entropy');
    assert.equal(top('交叉商').tier, 'homophone');
  });

  it('finds a concept and one of its headings from several words', () => {
    const r = top('交叉熵 用法');
    assert.equal(r.item.kind, 'heading');
    assert.equal(r.item.heading!.text, 'PyTorch 用法');
    assert.equal(r.tier, 'combined');
    assert.equal(top('kl relative').item.note.id, 'losses/kl');
  });

  it('matches a dotted code name by its last segment', () => {
    const r = top('torch.nn.functional.kl_div');
    assert.equal(r.item.note.id, 'losses/kl');
    assert.equal(r.tier, 'exact');
  });

  it('restricts to a topic', () => {
    const results = searchConcepts(index, 'e', { topicId: 'basics' });
    assert.ok(results.length > 0);
    assert.ok(results.every((r) => r.item.note.topicId === 'basics'));
  });

  it('is deterministic and returns nothing for an empty query', () => {
    assert.deepEqual(searchConcepts(index, '   '), []);
    const a = searchConcepts(index, 'a').map((r) => r.itemIndex);
    const b = searchConcepts(index, 'a').map((r) => r.itemIndex);
    assert.deepEqual(a, b);
  });

  it('full-text search returns the file line and the line text', async () => {
    const files = inMemoryFiles({ '/m/a.md': noteText({ ...base, title: 'A', title_en: 'A' }, '# A\n\nfirst line\nUse Reduction="mean" here.\n') });
    const snapshot = await createKnowledgeBase({ files, roots: ['/m'] }).load();
    const hits = searchFullText(buildFullTextIndex(snapshot), 'reduction="MEAN"');
    assert.equal(hits.length, 1);
    const fileLines = noteText({ ...base, title: 'A', title_en: 'A' }, '# A\n\nfirst line\nUse Reduction="mean" here.\n').split('\n');
    assert.equal(fileLines[hits[0].line], 'Use Reduction="mean" here.');
    assert.equal(hits[0].text, 'Use Reduction="mean" here.');
    assert.deepEqual(searchFullText(buildFullTextIndex(snapshot), 'x', { token: { isCancellationRequested: true } }), []);
  });
});
