import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildLookupIndex, createKnowledgeBase, searchConcepts } from '../../src/core';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

/** The concepts the second edition of the notes had to add (issue 12), by their English and Chinese names. */
const CONCEPTS: [string, string, string][] = [
  ['exponential moving average', '指数移动平均', 'optimization/ema'],
  ['value function', '价值函数', 'rl/value-function'],
  ['advantage function', '优势函数', 'rl/advantage-gae'],
  ['generalized advantage estimation', '广义优势估计', 'rl/advantage-gae'],
  ['discount factor', '折扣因子', 'rl/discount-factor'],
  ['policy gradient', '策略梯度', 'rl/policy-gradient'],
  ['actor-critic', '演员-评论家', 'rl/actor-critic'],
  ['Q-learning', 'Q 学习', 'rl/q-learning'],
  ['target network', '目标网络', 'rl/target-network'],
  ['replay buffer', '经验回放', 'rl/replay-buffer'],
  ['epsilon-greedy', 'ε-贪心', 'rl/epsilon-greedy'],
  ['PPO', '近端策略优化', 'rl/ppo'],
  ['linear regression', '线性回归', 'classic-ml/linear-regression'],
  ['polynomial regression', '多项式回归', 'classic-ml/polynomial-regression'],
  ['decision tree', '决策树', 'classic-ml/decision-tree'],
  ['information gain', '信息增益', 'classic-ml/decision-tree'],
  ['ensemble learning', '集成学习', 'classic-ml/ensemble-learning'],
  ['gradient boosting', '梯度提升', 'classic-ml/gradient-boosting'],
  ['XGBoost', 'XGBoost', 'classic-ml/gradient-boosting'],
  ['perplexity', '困惑度', 'llm/perplexity'],
  ['weight tying', '权重共享', 'architectures/weight-tying'],
  ['log probabilities', '对数概率', 'losses/log-probabilities'],
  ['Jensen-Shannon divergence', 'JS 散度', 'losses/js-divergence'],
  ['SigLIP', 'SigLIP', 'models/siglip'],
];

describe('the concepts issue 12 added are found by name', () => {
  it('finds each in the top 3 by its English and by its Chinese name', async () => {
    const snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [path.resolve(__dirname, '../../../notes')] }).load();
    const index = buildLookupIndex(snapshot);
    const misses: string[] = [];
    for (const [en, zh, id] of CONCEPTS) {
      assert.ok(snapshot.notes.has(id), `notes/${id}.md is missing`);
      for (const q of [en, zh]) {
        const top = [...new Set(searchConcepts(index, q, { limit: 10 }).map((m) => m.item.note.id))].slice(0, 3);
        if (!top.includes(id)) misses.push(`${q} → ${top.join(', ') || '(nothing)'} (want ${id})`);
      }
    }
    assert.deepEqual(misses, []);
  });
});
