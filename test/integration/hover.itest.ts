import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';

const CODE = [
  'import torch.nn.functional as F',
  'from peft import LoraConfig',
  'num_epochs = 10',
  'device = "cuda"',
  'loss = F.kl_div(log_p, q, reduction="batchmean")',
  'config = LoraConfig(r=8, lora_alpha=16)',
  'from unittest.mock import patch',
  'sd = model.state_dict()',
  'with patch("os.getcwd"):',
  '    keys = list(sd)',
  '',
].join('\n');

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

async function hoversAt(doc: vscode.TextDocument, line: number, word: string): Promise<vscode.Hover[]> {
  const character = doc.lineAt(line).text.indexOf(word) + 1;
  assert.ok(character > 0, `${word} is on line ${line}`);
  return (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(line, character))) ?? [];
}

describe('Concept hovers (extension host)', () => {
  let doc: vscode.TextDocument;
  before(async () => {
    await vscode.extensions.getExtension('ai-notes.ai-notes')!.activate();
    // A saved file, not an untitled buffer: closing a dirty untitled editor would block on a "Save?" dialog.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-hover-')), 'train.py');
    fs.writeFileSync(file, CODE);
    doc = await vscode.workspace.openTextDocument(file);
    assert.equal(doc.languageId, 'python');
  });

  it('explains num_epochs with the epoch note, its formula as an SVG image and the two command links', async () => {
    const text = hoverText(await hoversAt(doc, 2, 'num_epochs'));
    assert.match(text, /Epoch/);
    assert.match(text, /data:image\/svg\+xml;base64,/);
    assert.match(text, /command:aiNotes\.openNote\?/);
    assert.match(text, /command:aiNotes\.lookup\?/);
  });

  it('explains F.kl_div and LoraConfig', async () => {
    assert.match(hoverText(await hoversAt(doc, 4, 'kl_div')), /KL/);
    assert.match(hoverText(await hoversAt(doc, 5, 'LoraConfig')), /LoRA/);
  });

  it('resolves imports: F.kl_div shows its qualified API name', async () => {
    assert.match(hoverText(await hoversAt(doc, 4, 'kl_div')), /torch\\?\.nn\\?\.functional\\?\.kl\\?_div/);
  });

  it('shows the facet of a keyword argument and opens the note at its heading', async () => {
    const text = hoverText(await hoversAt(doc, 5, 'lora_alpha'));
    assert.match(text, /LoRA/);
    assert.match(text, /lora_alpha/);
    assert.match(text, /Scaling factor|缩放系数/, 'the facet gloss under the title');
    const open = /command:aiNotes\.openNote\?([^ )"]+)/.exec(text);
    assert.ok(open, 'an Open note link');
    const args = JSON.parse(decodeURIComponent(open[1]));
    assert.equal(args[0].id, 'llm/lora');
    assert.ok(args[0].heading, `the link opens a heading: ${JSON.stringify(args)}`);
  });

  it('says nothing for patch from unittest.mock or sd = model.state_dict()', async () => {
    for (const [line, word] of [[6, 'patch'], [7, 'sd'], [8, 'patch'], [9, 'sd']] as const) {
      assert.doesNotMatch(hoverText(await hoversAt(doc, line, word)), /aiNotes\.openNote/, `${word} on line ${line + 1}`);
    }
  });

  it('says nothing for device', async () => {
    const text = hoverText(await hoversAt(doc, 3, 'device'));
    assert.doesNotMatch(text, /aiNotes\.openNote/);
  });

  it('Explain Word at Cursor opens the concept\'s note', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const pos = new vscode.Position(2, 3);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('aiNotes.explainAtCursor');
    // The note opens in the preview (a webview tab) or, before it exists, as Markdown: either way its title shows.
    // Poll rather than sleep: on a loaded 2-core machine the panel can take over a second.
    let labels: string[] = [];
    for (const t0 = Date.now(); Date.now() - t0 < 15000; await new Promise((r) => setTimeout(r, 100))) {
      labels = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
      if (labels.some((l) => /epoch/i.test(l))) break;
    }
    assert.ok(labels.some((l) => /epoch/i.test(l)), `tabs: ${labels.join(', ')}`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
