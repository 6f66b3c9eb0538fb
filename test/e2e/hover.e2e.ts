// e2e: a concept hover over `num_epochs` in examples/train.py shows the epoch note with its formula image loaded.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gotoLine, repoRoot, runCommand, screenshot, useWorkbench, showHoverUntil } from '../support/codeServer';

describe('Concept hover (packaged VSIX in code-server)', function () {
  this.timeout(240_000);
  const vsix = process.env.AI_NOTES_VSIX || path.join(repoRoot, 'ai-notes-0.1.0.vsix');
  const file = path.join(repoRoot, 'examples', 'train.py');
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const line = lines.findIndex((l) => /^num_epochs\s*=/.test(l)) + 1;

  assert.ok(fs.existsSync(vsix), `VSIX not found: ${vsix} (npm run package)`);
  assert.ok(line > 0, 'examples/train.py assigns num_epochs');
  const cs = useWorkbench(() => ({ workspace: path.join(repoRoot, 'examples'), extensions: [{ vsix }] }));

  it('shows the epoch concept with a rendered formula over num_epochs', async () => {
    const page = cs.page;
    const row = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: /^train\.py$/ }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    await row.click();
    await page.locator('.editor-instance .view-lines').first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tabs-container .tab').filter({ hasText: 'train.py' }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .view-lines').first().click();
    await gotoLine(page, line, 3);

    // The extension activates on Python files; retry the hover until the knowledge base has loaded.
    const hover = await showHoverUntil(page, /Epoch|轮次/);
    await hover.waitFor({ state: 'visible', timeout: 5000 });
    const text = await hover.innerText();
    assert.match(text, /Open note|打开笔记/);
    const img = hover.locator('img[src^="data:image/svg+xml"]').first();
    await img.waitFor({ state: 'attached', timeout: 10_000 });
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle(), { timeout: 10_000 });
    const size = await img.evaluate((el) => ({ w: (el as HTMLImageElement).naturalWidth, h: (el as HTMLImageElement).naturalHeight }));
    assert.ok(size.w > 20 && size.h > 5, `formula image is ${size.w}×${size.h}`);
    await screenshot(page, 'hover');
  });

  /** Opens a file of the examples folder from the explorer and shows the hover at a 1-based line and column. */
  async function hoverAt(name: string, line: number, col: number, expect: RegExp | undefined): Promise<string | undefined> {
    const page = cs.page;
    const row = page.locator('.part.sidebar .monaco-list-row').filter({ hasText: new RegExp(`^${name.replace('.', '\\.')}$`) }).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    await row.click();
    await page.locator('.tabs-container .tab').filter({ hasText: name }).first().waitFor({ timeout: 30_000 });
    await page.locator('.editor-instance .view-lines').first().click();
    await gotoLine(page, line, col);
    const hover = page.locator('.monaco-hover-content').filter({ hasText: expect ?? /Open note|打开笔记/ }).first();
    for (let attempt = 0; attempt < (expect ? 8 : 3); attempt++) {
      await runCommand(page, 'Show or Focus Hover');
      try {
        await hover.waitFor({ state: 'visible', timeout: 3000 });
        return await hover.innerText();
      } catch {
        await page.keyboard.press('Escape');
      }
    }
    return undefined;
  }

  it('shows the facet of lora_alpha (import-resolved LoraConfig) and opens the LoRA note from it', async () => {
    const src = fs.readFileSync(path.join(repoRoot, 'examples', 'lora_finetune.py'), 'utf8').split('\n');
    const at = src.findIndex((l) => /^\s*lora_alpha=/.test(l)) + 1;
    assert.ok(at > 0, 'lora_finetune.py passes lora_alpha=');
    const text = await hoverAt('lora_finetune.py', at, src[at - 1].indexOf('lora_alpha') + 3, /LoRA/);
    assert.ok(text, 'a hover over lora_alpha');
    assert.match(text, /lora_alpha/);
    assert.match(text, /Scaling factor|缩放系数/, 'the facet gloss under the title');
    assert.match(text, /peft\.LoraConfig\(lora_alpha\)/, 'the resolved API name');
    await screenshot(cs.page, 'hover-facet');
    await cs.page.locator('.monaco-hover-content a').filter({ hasText: /Open note|打开笔记/ }).first().click();
    await cs.page.locator('.tabs-container .tab').filter({ hasText: /LoRA/ }).first().waitFor({ timeout: 30_000 });
  });

  it('shows no concept over unittest.mock patch or sd = model.state_dict()', async () => {
    const src = fs.readFileSync(path.join(repoRoot, 'examples', 'test_train.py'), 'utf8').split('\n');
    const patchLine = src.findIndex((l) => /with patch\(/.test(l)) + 1;
    const sdLine = src.findIndex((l) => /^\s*sd = /.test(l)) + 1;
    assert.ok(patchLine > 0 && sdLine > 0);
    assert.equal(await hoverAt('test_train.py', patchLine, src[patchLine - 1].indexOf('patch') + 2, undefined), undefined, 'no hover over patch');
    assert.equal(await hoverAt('test_train.py', sdLine, src[sdLine - 1].indexOf('sd') + 1, undefined), undefined, 'no hover over sd');
  });
});
