// Lookup bench: a synthetic knowledge base of 10,000 notes (mixed Chinese/English titles, aliases, code
// names, headings and ~2.5 KB bodies) held in memory; index build time and heap; every typed query replayed
// keystroke by keystroke (what the quick pick does); and the same figures for a plain fuse.js over whole
// note bodies, the baseline to beat. Then quality on the bundled notes, ours vs the baseline, and the
// Fuse threshold sweep the threshold was chosen from.
import Fuse from 'fuse.js';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as v8 from 'node:v8';
import { inMemoryFiles } from '../test/support/inMemoryFiles';
import { percentile } from './support/stats';
import * as vm from 'node:vm';
import * as fs from 'node:fs';
import { buildLookupIndex, startLookupIndex, createKnowledgeBase, pinyinForms, searchConcepts, type KnowledgeBaseSnapshot, type Note } from '../src/core';
import { meaningIndexOf, warmMeaningIndex } from '../src/core/lookup/searchConcepts';
import { LOOKUP_QUERIES } from '../test/unit/support/lookupQueries';
import { nodeNoteFiles } from '../src/node/nodeNoteFiles';

const NOTES = Number(process.env.LOOKUP_BENCH_NOTES || 10_000);

// ---- synthetic knowledge base ------------------------------------------------------------------------

const MODIFIERS: [string, string][] = [
  ['Sparse', '稀疏'], ['Residual', '残差'], ['Gradient', '梯度'], ['Adaptive', '自适应'], ['Contrastive', '对比'],
  ['Variational', '变分'], ['Latent', '潜在'], ['Diffusion', '扩散'], ['Token', '词元'], ['Recurrent', '循环'],
  ['Momentum', '动量'], ['Entropy', '熵'], ['Quantized', '量化'], ['Distilled', '蒸馏'], ['Pruned', '剪枝'],
  ['Retrieval', '检索'], ['Ranking', '排序'], ['Alignment', '对齐'], ['Reward', '奖励'], ['Policy', '策略'],
  ['Memory', '记忆'], ['Cache', '缓存'], ['Kernel', '核'], ['Matrix', '矩阵'], ['Vector', '向量'],
  ['Tensor', '张量'], ['Graph', '图'], ['Warmup', '预热'], ['Decay', '衰减'], ['Batch', '批次'],
  ['Window', '窗口'], ['Rotary', '旋转'], ['Positional', '位置'], ['Scaling', '缩放'], ['Expert', '专家'],
  ['Routing', '路由'], ['Gated', '门控'], ['Adapter', '适配器'], ['Prefix', '前缀'], ['Prompt', '提示'],
  ['Instruction', '指令'], ['Feedback', '反馈'], ['Preference', '偏好'], ['Calibrated', '校准'], ['Robust', '鲁棒'],
  ['Adversarial', '对抗'], ['Generative', '生成式'], ['Discriminative', '判别式'], ['Autoregressive', '自回归'], ['Bidirectional', '双向'],
  ['Causal', '因果'], ['Masked', '掩码'], ['Self-Supervised', '自监督'], ['Federated', '联邦'], ['Continual', '持续'],
  ['Curriculum', '课程'], ['Meta', '元'], ['Few-Shot', '少样本'], ['Zero-Shot', '零样本'], ['Multimodal', '多模态'],
  ['Vision', '视觉'], ['Speech', '语音'], ['Language', '语言'], ['Reasoning', '推理'], ['Planning', '规划'],
  ['Beam', '束'], ['Greedy', '贪心'], ['Temperature', '温度'], ['Logit', '对数几率'], ['Activation', '激活'],
  ['Checkpoint', '检查点'], ['Parallel', '并行'], ['Pipeline', '流水线'], ['Sharded', '分片'], ['Mixed-Precision', '混合精度'],
  ['Inference', '推断'], ['Latency', '延迟'], ['Compression', '压缩'], ['Hashing', '哈希'], ['Clustering', '聚类'],
  ['Manifold', '流形'], ['Spectral', '谱'], ['Wavelet', '小波'], ['Fourier', '傅里叶'], ['Bayesian', '贝叶斯'],
  ['Markov', '马尔可夫'], ['Energy', '能量'], ['Flow', '流'], ['Score', '分数'], ['Denoising', '去噪'],
  ['Patch', '图块'], ['Pixel', '像素'], ['Depth', '深度'], ['Segmentation', '分割'], ['Detection', '检测'],
  ['Tracking', '跟踪'], ['Hierarchical', '层次'], ['Linear', '线性'], ['Nonlinear', '非线性'], ['Stochastic', '随机'],
  ['Deterministic', '确定性'], ['Local', '局部'], ['Global', '全局'], ['Cross', '交叉'], ['Dual', '对偶'],
  ['Conditional', '条件'], ['Implicit', '隐式'], ['Explicit', '显式'], ['Dynamic', '动态'], ['Static', '静态'],
];
const HEADS: [string, string][] = [
  ['Attention', '注意力'], ['Loss', '损失'], ['Layer', '层'], ['Network', '网络'], ['Model', '模型'],
  ['Method', '方法'], ['Trick', '技巧'], ['Estimator', '估计器'], ['Schedule', '调度'], ['Regularizer', '正则项'],
  ['Objective', '目标函数'], ['Mechanism', '机制'], ['Encoding', '编码'], ['Sampler', '采样器'], ['Metric', '指标'],
  ['Algorithm', '算法'], ['Normalization', '归一化'], ['Embedding', '嵌入'], ['Pooling', '池化'], ['Decoder', '解码器'],
];
const GENERIC_HEADINGS = ['直觉', '公式', 'Intuition', 'PyTorch 实现', '常见误区', '例子', 'References', '小结'];
const SENTENCES = [
  '这个方法在训练时把梯度的范数限制在阈值以内，避免参数更新过大。',
  'In practice the learning rate is warmed up linearly and then decayed with a cosine schedule.',
  '损失函数衡量预测分布与真实分布之间的差异，交叉熵是分类任务最常见的选择。',
  'The attention weights are computed as softmax(QK^T / sqrt(d)) and applied to the values.',
  '批大小越大，梯度估计的方差越小，但每个 epoch 的更新次数越少。',
  'Use torch.nn.utils.clip_grad_norm_ before optimizer.step() to keep training stable.',
  '正则化通过在目标函数中加入惩罚项来限制模型复杂度，从而缓解过拟合。',
  'The KL divergence is asymmetric: KL(P||Q) differs from KL(Q||P) in general.',
];

function rng(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x6d2b79f5) >>> 0;
    let t = x;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SyntheticNote {
  id: string;
  titleEn: string;
  title: string;
  code: string[];
}

function snake(words: string[]): string {
  return words.map((w) => w.toLowerCase().replace(/-/g, '_')).join('_');
}

function camel(words: string[]): string {
  return words.map((w) => w.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())).join('');
}

/** Generates `count` notes as Markdown files under /kb, in topics of ~100 notes. */
export function syntheticKnowledgeBase(count: number): { files: Record<string, string>; notes: SyntheticNote[] } {
  const random = rng(20240601);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const files: Record<string, string> = {};
  const notes: SyntheticNote[] = [];
  const used = new Set<string>();
  while (notes.length < count) {
    const parts = random() < 0.5 ? [pick(MODIFIERS)] : [pick(MODIFIERS), pick(MODIFIERS)];
    if (parts.length === 2 && parts[0] === parts[1]) continue;
    const head = pick(HEADS);
    const en = [...parts.map((p) => p[0]), head[0]];
    const titleEn = en.join(' ');
    if (used.has(titleEn)) continue;
    used.add(titleEn);
    const title = [...parts.map((p) => p[1]), head[1]].join('');
    const n = notes.length;
    const topic = `topic-${String(Math.floor(n / 100)).padStart(3, '0')}`;
    const id = `${topic}/${snake(en).replace(/_/g, '-')}`;
    const abbr = en.map((w) => w[0]).join('').toUpperCase();
    const code = [camel(en), snake(en), `F.${snake(en)}`, `num_${snake(parts.map((p) => p[0]))}_steps`];
    const aliases = [title, titleEn.toLowerCase(), abbr, `${title}方法`, en.join('-').toLowerCase(), `${parts[0][1]}${head[1]}`];
    const other = notes.length ? pick(notes) : undefined;
    const headings = [...GENERIC_HEADINGS.filter(() => random() < 0.6), `${title}的推导`, `${titleEn} in practice`];
    if (other) headings.push(`与${other.title}的关系`);
    const body: string[] = [`# ${title}`, ''];
    for (const h of headings) {
      body.push(`## ${h}`, '');
      for (let k = 0; k < 3; k++) body.push(`${pick(SENTENCES)} ${title}（${titleEn}）${pick(SENTENCES)}`, '');
    }
    const fm = [
      '---',
      `title: ${title}`,
      `title_en: ${titleEn}`,
      `aliases: [${aliases.map((a) => JSON.stringify(a)).join(', ')}]`,
      `summary: ${title}是一种${head[1]}，它结合了${parts.map((p) => p[1]).join('与')}的思想。`,
      `summary_en: A ${head[0].toLowerCase()} that combines ${parts.map((p) => p[0].toLowerCase()).join(' and ')} ideas.`,
      `code: [${code.map((c) => JSON.stringify(c)).join(', ')}]`,
      `related: [${other ? other.id : ''}]`,
      '---',
    ];
    files[`/kb/${id}.md`] = `${fm.join('\n')}\n${body.join('\n')}\n`;
    notes.push({ id, titleEn, title, code });
  }
  return { files, notes };
}

/** NoteFiles over an in-memory map of paths to text. */

// ---- typed queries ---------------------------------------------------------------------------------------

type QueryKind = 'english' | 'chinese' | 'pinyin' | 'initials' | 'code' | 'typo' | 'partial';

export function typedQueries(notes: SyntheticNote[], perKind: number): { kind: QueryKind; text: string; id: string }[] {
  const random = rng(7);
  const out: { kind: QueryKind; text: string; id: string }[] = [];
  for (const kind of ['english', 'chinese', 'pinyin', 'initials', 'code', 'typo', 'partial'] as QueryKind[]) {
    for (let k = 0; k < perKind; k++) {
      const n = notes[Math.floor(random() * notes.length)];
      const en = n.titleEn.toLowerCase();
      let text: string;
      if (kind === 'english') text = en;
      else if (kind === 'chinese') text = n.title;
      else if (kind === 'pinyin') text = pinyinForms(n.title)!.full;
      else if (kind === 'initials') text = pinyinForms(n.title)!.initials;
      else if (kind === 'code') text = n.code[k % 2];
      else if (kind === 'partial') text = en.split(/[\s-]+/).map((w) => w.slice(0, 4)).join(' ');
      else {
        const c = [...en];
        const i = 2 + Math.floor(random() * (c.length - 4));
        [c[i], c[i + 1]] = [c[i + 1], c[i]];
        text = c.join('');
      }
      out.push({ kind, text, id: n.id });
    }
  }
  return out;
}

/** Descriptions in the words of the synthetic summaries ("a loss that combines sparse and gated ideas"), for timing. */
function descriptionQueries(count: number): string[] {
  const random = rng(99);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const [a, b, h] = [pick(MODIFIERS), pick(MODIFIERS), pick(HEADS)];
    out.push(k % 2 ? `which ${h[0].toLowerCase()} combines ${a[0].toLowerCase()} and ${b[0].toLowerCase()} ideas` : `结合${a[1]}与${b[1]}思想的${h[1]}是什么`);
  }
  return out;
}

export function keystrokes(text: string): string[] {
  const chars = [...text];
  return chars.map((_, i) => chars.slice(0, i + 1).join('')).filter((p) => p.trim());
}

// ---- measuring -------------------------------------------------------------------------------------------

function summary(times: number[]): string {
  const s = [...times].sort((a, b) => a - b);
  const f = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));
  return `p50 ${f(percentile(s, 50))} ms, p95 ${f(percentile(s, 95))} ms, p99 ${f(percentile(s, 99))} ms, max ${f(s[s.length - 1])} ms (${s.length} keystrokes)`;
}

let gcFn: (() => void) | undefined;
function gc(): void {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

export function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1048576;
}

/** The baseline: fuse.js as a plain note tool configures it, over whole notes including their bodies. */
function plainFuse(snapshot: KnowledgeBaseSnapshot): Fuse<Note> {
  return new Fuse([...snapshot.notes.values()], {
    keys: ['title', 'titleEn', 'aliases', 'code', 'body'],
    includeScore: true,
    ignoreLocation: true,
  });
}

// ---- the bench ---------------------------------------------------------------------------------------------

export async function run(): Promise<void> {
  const t0 = performance.now();
  const { files, notes } = syntheticKnowledgeBase(NOTES);
  const bytes = Object.values(files).reduce((n, t) => n + t.length, 0);
  const t1 = performance.now();
  const snapshot = await createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/kb'] }).load();
  const t2 = performance.now();
  console.log(`synthetic knowledge base: ${snapshot.notes.size} notes, ${(bytes / 1048576).toFixed(1)} M characters (generated in ${(t1 - t0).toFixed(0)} ms, loaded and parsed in ${(t2 - t1).toFixed(0)} ms)`);

  const heap0 = heapMb();
  const b0 = performance.now();
  const index = buildLookupIndex(snapshot);
  const buildMs = performance.now() - b0;
  const heap1 = heapMb();
  console.log(
    `lookup index: built in ${buildMs.toFixed(0)} ms (target ≤ 1000 ms, or built ahead of the first query); ${index.items.length} items, ${index.names.length} names, ${index.docs.length} Fuse docs; heap +${(heap1 - heap0).toFixed(0)} MB`,
  );
  {
    // As the extension builds it after a load, ahead of the first query: slices of 40 ms between turns of the event loop.
    const builder = startLookupIndex(snapshot);
    const slices: number[] = [];
    const w0 = performance.now();
    for (let done = false; !done; ) {
      const s0 = performance.now();
      done = builder.step(40);
      slices.push(performance.now() - s0);
      await new Promise((r) => setTimeout(r, 0));
    }
    console.log(`lookup index built ahead of use in ${slices.length} slices of 40 ms: longest ${Math.max(...slices).toFixed(0)} ms, ready ${(performance.now() - w0).toFixed(0)} ms after the load`);
  }

  // Built as the extension builds it: slices of 40 ms between turns of the event loop; the longest slice is what
  // typing can wait for while it runs.
  const m0 = performance.now();
  const slices: number[] = [];
  for (let done = false; !done; ) {
    const s0 = performance.now();
    done = warmMeaningIndex(index, 40);
    slices.push(performance.now() - s0);
  }
  const meaning = meaningIndexOf(index);
  const meaningMs = performance.now() - m0;
  console.log(`meaning index built in ${slices.length} slices of 40 ms: longest ${Math.max(...slices).toFixed(0)} ms, p95 ${percentile([...slices].sort((a, b) => a - b), 95).toFixed(0)} ms`);
  const heapM = heapMb();
  console.log(
    `meaning index (MiniSearch BM25, issue 13): built in ${meaningMs.toFixed(0)} ms; with the name index ${(buildMs + meaningMs).toFixed(0)} ms (target ≤ 1500 ms); ${meaning.docCount} documents; heap +${(heapM - heap1).toFixed(0)} MB (target ≤ 60 MB)`,
  );

  const queries = typedQueries(notes, 12);
  for (const q of queries.slice(0, 10)) for (const k of keystrokes(q.text)) searchConcepts(index, k); // warm-up
  const namesOnly: number[] = [];
  for (const q of queries) {
    for (const k of keystrokes(q.text)) {
      const s = performance.now();
      searchConcepts(index, k, { limit: 50, meaning: false });
      namesOnly.push(performance.now() - s);
    }
  }
  console.log(`per keystroke, names only (the lookup before issue 13): ${summary(namesOnly)}`);
  const descTimes: number[] = [];
  for (const q of descriptionQueries(40)) {
    for (const k of keystrokes(q)) {
      const s = performance.now();
      searchConcepts(index, k, { limit: 50 });
      descTimes.push(performance.now() - s);
    }
  }
  console.log(`per keystroke, descriptions and questions (one ranking: names and meaning): ${summary(descTimes)}   target p95 ≤ 16 ms, p99 ≤ 30 ms`);
  const times: number[] = [];
  const byKind = new Map<QueryKind, { times: number[]; hit: number; n: number }>();
  for (const q of queries) {
    const kind = byKind.get(q.kind) ?? { times: [], hit: 0, n: 0 };
    byKind.set(q.kind, kind);
    let last: ReturnType<typeof searchConcepts> = [];
    for (const k of keystrokes(q.text)) {
      const s = performance.now();
      last = searchConcepts(index, k, { limit: 50 });
      const dt = performance.now() - s;
      times.push(dt);
      kind.times.push(dt);
    }
    kind.n++;
    if (last[0]?.item.note.id === q.id) kind.hit++;
  }
  console.log(`per keystroke, names typed (${queries.length} queries; one ranking: names and meaning): ${summary(times)}   target p95 ≤ 16 ms, p99 ≤ 30 ms`);
  const heapAfter = heapMb();
  for (const [k, v] of byKind) {
    const s = [...v.times].sort((a, b) => a - b);
    console.log(`  ${k.padEnd(9)} p50 ${percentile(s, 50).toFixed(2)} ms, p95 ${percentile(s, 95).toFixed(2)} ms; full query finds its note first ${v.hit}/${v.n}`);
  }
  console.log(`  heap held by the index after the replay (Fuse records are made on first use): +${(heapAfter - heap0).toFixed(0)} MB`);
  if (!index.items.length) throw new Error('empty index'); // keeps `index` alive up to here

  // Baseline: plain fuse.js over whole notes. Each keystroke takes seconds at this size, so only the
  // keystrokes of a few queries are replayed.
  const heap2 = heapMb();
  const f0 = performance.now();
  const fuse = plainFuse(snapshot);
  const fuseBuild = performance.now() - f0;
  const heap3 = heapMb();
  const baseTimes: number[] = [];
  const budget = performance.now() + Number(process.env.LOOKUP_BENCH_BASELINE_MS || 30_000);
  outer: for (const q of [queries[0], queries[12], queries[60]].filter(Boolean)) {
    for (const k of keystrokes(q.text)) {
      const s = performance.now();
      fuse.search(k, { limit: 50 });
      baseTimes.push(performance.now() - s);
      if (performance.now() > budget) break outer;
    }
  }
  console.log(`baseline (plain fuse.js over whole notes with bodies): built in ${fuseBuild.toFixed(0)} ms, heap +${(heap3 - heap2).toFixed(0)} MB`);
  console.log(`  per keystroke: ${summary(baseTimes)}`);

  await quality();
}

/** Ours vs the baseline on the bundled notes with the unit tests' query set, and the Fuse threshold sweep. */
async function quality(): Promise<void> {
  const root = path.resolve(__dirname, '../../notes');
  const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [root] }).load();
  const queries = LOOKUP_QUERIES.filter(([, , id]) => snapshot.notes.has(id));
  const rate = (top: (q: string) => string[]) => {
    let h1 = 0;
    let h3 = 0;
    for (const [, q, id] of queries) {
      const ids = top(q);
      if (ids[0] === id) h1++;
      if (ids.slice(0, 3).includes(id)) h3++;
    }
    const pct = (n: number) => `${((100 * n) / queries.length).toFixed(1)}%`;
    return `hit@1 ${pct(h1)}, hit@3 ${pct(h3)}`;
  };
  const index = buildLookupIndex(snapshot);
  const fuse = plainFuse(snapshot);
  bundledKeystrokes(index);
  console.log(`\nquality on the bundled notes (${snapshot.notes.size} notes, ${queries.length} queries of test/unit/support/lookupQueries.ts):`);
  console.log(`  lookup:   ${rate((q) => searchConcepts(index, q, { limit: 3 }).map((r) => r.item.note.id))}`);
  console.log(`  baseline: ${rate((q) => fuse.search(q, { limit: 3 }).map((r) => r.item.id))}`);

  // Typos generated from English titles and aliases (one or two edits), for the threshold sweep.
  const random = rng(11);
  const edit = (w: string) => {
    const c = [...w];
    const i = 1 + Math.floor(random() * (c.length - 2));
    const k = Math.floor(random() * 4);
    if (k === 0) [c[i], c[i + 1]] = [c[i + 1], c[i]];
    else if (k === 1) c.splice(i, 1);
    else if (k === 2) c.splice(i, 0, c[i]);
    else c[i] = 'qxz'[Math.floor(random() * 3)];
    return c.join('');
  };
  const typos: [string, string][] = [];
  for (const n of snapshot.notes.values()) {
    for (const name of [n.titleEn.replace(/\(.*?\)/g, '').trim(), ...n.aliases.filter((a) => /^[a-z][a-z -]{5,}$/i.test(a)).slice(0, 2)]) {
      const w = name.toLowerCase();
      if (w.length < 5) continue;
      typos.push([edit(w), n.id]);
      if (w.length >= 9) typos.push([edit(edit(w)), n.id]);
    }
  }
  const gibberish = Array.from({ length: 200 }, () => Array.from({ length: 4 + Math.floor(random() * 6) }, () => 'bcdfghjkmnpqrstvwxz'[Math.floor(random() * 19)]).join(''));
  console.log(`  Fuse threshold sweep (${typos.length} generated typos; spurious fuzzy hits per gibberish query):`);
  for (const threshold of [0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6]) {
    const idx = buildLookupIndex(snapshot, { fuseThreshold: threshold });
    let h1 = 0;
    for (const [q, id] of typos) if (searchConcepts(idx, q, { limit: 1 })[0]?.item.note.id === id) h1++;
    let spurious = 0;
    for (const q of gibberish) spurious += searchConcepts(idx, q).filter((r) => r.tier === 'fuzzy').length;
    console.log(`    ${threshold.toFixed(2)}: typo hit@1 ${((100 * h1) / typos.length).toFixed(1)}%, query set ${rate((q) => searchConcepts(idx, q, { limit: 3 }).map((r) => r.item.note.id))}, spurious ${(spurious / gibberish.length).toFixed(1)}`);
  }
}

/** Per-keystroke time on the bundled notes, the description/question query set A typed letter by letter. */
function bundledKeystrokes(index: ReturnType<typeof buildLookupIndex>): void {
  const file = path.resolve(__dirname, '../../test/fixtures/queries-desc/set-a.json');
  const queries = (JSON.parse(fs.readFileSync(file, 'utf8')) as { query: string }[]).map((q) => q.query);
  const b0 = performance.now();
  meaningIndexOf(index);
  const built = performance.now() - b0;
  for (const q of queries.slice(0, 10)) for (const k of keystrokes(q)) searchConcepts(index, k);
  const times: number[] = [];
  for (const q of queries) {
    for (const k of keystrokes(q)) {
      const s = performance.now();
      searchConcepts(index, k, { limit: 50 });
      times.push(performance.now() - s);
    }
  }
  console.log(`\nbundled notes: name index ${index.buildMs.toFixed(0)} ms, meaning index ${built.toFixed(0)} ms; per keystroke (query set A typed letter by letter): ${summary(times)}   target p95 ≤ 3 ms`);
}
