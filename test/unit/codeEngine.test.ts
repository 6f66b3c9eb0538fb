import * as assert from 'node:assert/strict';
import { analyseCode, analyseCodeAnySize, WHOLE_FILE_LINES, analysePythonSyntax, buildConceptIndex, createIdentifierMatcher, createKnowledgeBase, type IdentifierMatcher } from '../../src/core';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';

async function matcherFor(notes: Record<string, { fields: Record<string, unknown>; body?: string }>): Promise<IdentifierMatcher> {
  const files: Record<string, string> = {};
  for (const [id, { fields, body }] of Object.entries(notes)) {
    files[`/n/${id}.md`] = noteText({ title: id, title_en: id, aliases: [], summary: 's', summary_en: 's', ...fields }, body);
  }
  const s = await createKnowledgeBase({ files: inMemoryFiles(files), roots: ['/n'] }).load();
  return createIdentifierMatcher(buildConceptIndex(s));
}

/** The concept id, via and facet shown for the first occurrence of `name` on a 0-based line. */
function shown(text: string, m: IdentifierMatcher, line: number, name: string) {
  const a = analyseCode(text, m);
  const occ = a.syntax.occurrences.find((o) => o.line === line && o.name === name);
  assert.ok(occ, `no identifier ${name} on line ${line}`);
  const hit = a.at(line, occ.start);
  return hit ? { id: hit.match.concept.id, via: hit.match.via, resolved: hit.match.resolved, facet: hit.match.facet?.name, heading: hit.match.facet?.heading } : undefined;
}

describe('Python syntax for the hover engine', () => {
  it('reads every import form into qualified names, and strings and comments are not code', () => {
    const s = analysePythonSyntax(
      'import torch.nn.functional as F\nfrom torch import nn\nfrom peft import LoraConfig as LC, get_peft_model\nimport tensorflow as tf\nimport os.path\nfrom .model import GPT\nfrom torch.nn import *\nx = "F.kl_div"  # F.kl_div\ny = f"{F.relu(z)}"\n',
    );
    assert.equal(s.imports.get('F'), 'torch.nn.functional');
    assert.equal(s.imports.get('nn'), 'torch.nn');
    assert.equal(s.imports.get('LC'), 'peft.LoraConfig');
    assert.equal(s.imports.get('get_peft_model'), 'peft.get_peft_model');
    assert.equal(s.imports.get('tf'), 'tensorflow');
    assert.equal(s.imports.get('os'), 'os');
    assert.equal(s.imports.get('GPT'), '.model.GPT');
    assert.deepEqual(s.starImports, ['torch.nn']);
    assert.deepEqual(s.occurrences.filter((o) => o.line === 7).map((o) => o.name), ['x'], 'a string and a comment hold no identifiers');
    assert.deepEqual(s.occurrences.filter((o) => o.line === 8).map((o) => o.chain), ['y', 'F', 'F.relu', 'z'], 'f-string expressions are code');
  });

  it('records assignments through .to(device), keyword arguments with their callee, and notebook magics as blanks', () => {
    const s = analysePythonSyntax('%matplotlib inline\nself.ffn_norm = RMSNorm(dim).to(device)\nopt = torch.optim.AdamW(p, lr=1e-3)\nb, t, c = x.shape\n');
    assert.deepEqual(s.bindings.get('self.ffn_norm')?.[0].value, { kind: 'call', callee: 'RMSNorm' });
    assert.deepEqual(s.bindings.get('b')?.[0].value, { kind: 'shape' });
    const lr = s.occurrences.find((o) => o.name === 'lr');
    assert.equal(lr?.role, 'keyword');
    assert.equal(lr?.callee, 'torch.optim.AdamW');
    assert.equal(s.occurrences.filter((o) => o.line === 0).length, 0, 'a magic is not parsed as Python');
  });
});

describe('hover engine', () => {
  let m: IdentifierMatcher;
  before(async () => {
    m = await matcherFor({
      'kl': { fields: { title_en: 'KL divergence', code: ['kl_div'] } },
      'vit': { fields: { title_en: 'Vision Transformer', aliases: ['ViT'], code: ['patch', 'patch_size', 'PatchEmbed'] } },
      'sdiff': { fields: { title_en: 'Stable Diffusion', code: ['sd', 'StableDiffusionPipeline'] } },
      'mp': { fields: { title_en: 'Mixed precision', code: ['GradScaler', 'scaler', 'autocast'] } },
      'pre': { fields: { title_en: 'Data preprocessing', code: ['StandardScaler'] } },
      'norm': { fields: { title_en: 'RMSNorm', code: ['RMSNorm'] } },
      'attn': { fields: { title_en: 'Self-attention', code: ['attention'] } },
      'conv': { fields: { title_en: 'Convolution kernel', code: ['padding', 'kernel_size'] } },
      'tok': { fields: { title_en: 'Tokenization', code: ['AutoTokenizer', 'tokenizer'] } },
      'lr': { fields: { title_en: 'Learning rate', code: ['learning_rate', 'lr'], ambiguous: ['lr: the learning rate almost everywhere in ML code'] } },
      'adam': {
        fields: {
          title_en: 'Adam',
          code: ['AdamW', 'Adam'],
          facets: [{ name: 'betas', code: ['AdamW(betas)', 'Adam(betas)'], gloss: '一阶和二阶矩的衰减率', gloss_en: 'Decay rates of the moment estimates', heading: 'Hyperparameters' }],
        },
        body: '# Adam\n\n## Hyperparameters\n\ntext\n',
      },
      'noise': { fields: { title_en: 'Noise schedule', code: ['betas'] } },
    });
  });

  it('resolves imports: F.kl_div is torch.nn.functional.kl_div', () => {
    const r = shown('import torch.nn.functional as F\nloss = F.kl_div(p, q)\n', m, 1, 'kl_div');
    assert.equal(r?.id, 'kl');
    assert.equal(r?.via, 'import');
    assert.equal(r?.resolved, 'torch.nn.functional.kl_div');
  });

  it('shows nothing for names from non-ML modules: patch of unittest.mock, pattern of re', () => {
    const text = 'from unittest.mock import patch\n@patch("os.getcwd")\ndef test_a(m):\n    with patch("x"):\n        pass\n';
    assert.equal(shown(text, m, 0, 'patch'), undefined);
    assert.equal(shown(text, m, 3, 'patch'), undefined);
    assert.equal(shown('import re\npattern = re.compile("a")\npattern.match(s)\n', m, 2, 'pattern'), undefined);
  });

  it('keeps a ViT patch where the file is about ViT', () => {
    assert.equal(shown('patch_size = 16\npatch = x[:, :patch_size]\n', m, 1, 'patch')?.id, 'vit');
  });

  it('needs context for a short name: sd = model.state_dict() is not Stable Diffusion', () => {
    assert.equal(shown('sd = model.state_dict()\nfor k in sd:\n    print(sd[k])\n', m, 0, 'sd'), undefined);
    assert.equal(shown('pipe = StableDiffusionPipeline.from_pretrained(p)\nsd = pipe\n', m, 1, 'sd')?.id, 'sdiff', 'with Stable Diffusion in the file it may match');
  });

  it('follows assignments: GradScaler gives mixed precision, StandardScaler does not', () => {
    const amp = 'import torch\nscaler = torch.cuda.amp.GradScaler()\nscaler.scale(loss).backward()\n';
    assert.equal(shown(amp, m, 2, 'scaler')?.id, 'mp');
    assert.equal(shown(amp, m, 2, 'scaler')?.via, 'assignment');
    const sk = 'from sklearn.preprocessing import StandardScaler\nscaler = StandardScaler()\nX = scaler.fit_transform(X)\n';
    assert.equal(shown(sk, m, 2, 'scaler')?.id, 'pre');
    assert.equal(shown('self.attention_norm = RMSNorm(dim)\nh = self.attention_norm(x)\n', m, 1, 'attention_norm')?.id, 'norm');
  });

  it('reads attributes of a known instance in its class context: tokenizer.padding_side is not convolution padding', () => {
    const text = 'from transformers import AutoTokenizer\ntokenizer = AutoTokenizer.from_pretrained(name)\ntokenizer.padding = "left"\n';
    assert.equal(shown(text, m, 2, 'padding'), undefined);
    assert.equal(shown('import torch.nn as nn\nconv = nn.Conv2d(3, 8, kernel_size=3, padding=1)\n', m, 1, 'padding')?.id, 'conv');
  });

  it('reads keyword arguments for their callee, facets first: betas of AdamW is Adam, not a noise schedule', () => {
    const r = shown('from torch.optim import AdamW\nopt = AdamW(params, lr=3e-4, betas=(0.9, 0.95))\n', m, 1, 'betas');
    assert.equal(r?.id, 'adam');
    assert.equal(r?.via, 'keyword');
    assert.equal(r?.facet, 'betas');
    assert.equal(r?.heading, 'Hyperparameters');
    assert.equal(shown('from torch.optim import AdamW\nopt = AdamW(params, lr=3e-4, betas=(0.9, 0.95))\n', m, 1, 'lr')?.id, 'lr', 'lr of AdamW is the learning rate');
    assert.equal(shown('betas = linear_beta_schedule(1000)\n', m, 0, 'betas')?.id, 'noise');
  });

  it('does not read tensor dimensions as hyperparameters', async () => {
    const m2 = await matcherFor({ bs: { fields: { title_en: 'Batch size', code: ['batch_size'] } } });
    assert.equal(shown('batch_size, seq_len = x.shape\ny = x.view(batch_size, -1)\n', m2, 1, 'batch_size'), undefined);
    assert.equal(shown('batch_size = 32\n', m2, 0, 'batch_size')?.id, 'bs');
  });
});

describe('A file too large to analyse whole', () => {
  it('is read in windows that find the same concepts, on the same lines, as one whole analysis', async () => {
    const m = await matcherFor({
      'a/lora': { fields: { code: ['LoraConfig', 'lora_alpha'] } },
      'a/clip': { fields: { code: ['clip_grad_norm_'] } },
    });
    const body = 'import torch\nfrom peft import LoraConfig\n\n' +
      Array.from({ length: 2600 }, (_, i) => `def f${i}(model):\n    cfg = LoraConfig(r=8, lora_alpha=16)\n    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)\n`).join('');
    assert.ok(body.split('\n').length > WHOLE_FILE_LINES, 'the file must be longer than the whole-file limit');
    const key = (h: { line: number; start: number; match: { concept: { id: string } } }) => `${h.line}:${h.start}:${h.match.concept.id}`;
    const whole = analyseCode(body, m).hits().map(key);
    const windowed = analyseCodeAnySize(body, m).hits().map(key);
    assert.ok(whole.length > 7000);
    assert.deepEqual(windowed, whole);
    const lines = body.split('\n');
    const line = lines.findIndex((l, i) => i > 7000 && l.includes('lora_alpha')); // deep in the file, in the fourth window
    const text = lines[line];
    const hit = analyseCodeAnySize(body, m).at(line, text.indexOf('lora_alpha'));
    assert.equal(hit?.match.concept.id, 'a/lora');
    assert.equal(hit?.line, line);
  });
});
