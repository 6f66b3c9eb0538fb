import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiNotesApi } from '../../src/extension';
import { eventually, useUserNotes } from './userNotes';

const note = (alias: string, related = '[]') => [
  '---',
  'title: 更新测试',
  'title_en: Update Probe',
  `aliases: [${alias}]`,
  'summary: 一句话。',
  'summary_en: One sentence.',
  'code: []',
  `related: ${related}`,
  '---',
  '',
  '# 更新测试',
  '',
].join('\n');

describe('One note changed on disk (issue 14.4, extension host)', () => {
  let api: AiNotesApi;
  let folder: string;
  let restore: () => Promise<void>;

  before(async () => {
    ({ api, folder, restore } = await useUserNotes('ai-notes-updates-', { 'probe/update-probe.md': note('quokka alias') }, 'probe/update-probe'));
  });
  after(() => restore());

  it('re-reads that note alone: the snapshot says what changed, Look Up finds the new name on the same full index, Problems follow', async () => {
    const { host, lookup } = api;
    assert.ok(lookup, 'the lookup API');
    // File events of the folder's creation may still reload everything: start once the knowledge base is quiet.
    for (let quiet = 0, last = host.kb.current?.generation; quiet < 6; ) {
      await new Promise((r) => setTimeout(r, 250));
      const now = host.kb.current?.generation;
      quiet = now === last ? quiet + 1 : 0;
      last = now;
    }
    const before = await lookup.search('quokka alias');
    assert.equal(before.matches[0]?.item.note.id, 'probe/update-probe');
    const generation = host.kb.current!.generation!;
    const adam = host.kb.current!.notes.get('optimization/adam');
    const file = path.join(folder, 'probe', 'update-probe.md');
    fs.writeFileSync(file, note('wombat alias', '[no-such-note]'));

    const updated = await eventually(() => {
      const s = host.kb.current!;
      return s.generation! > generation && s.notes.get('probe/update-probe')?.aliases.includes('wombat alias') ? s : undefined;
    }, 'the edited note in the knowledge base');
    assert.deepEqual(updated.changes?.changed, ['probe/update-probe'], 'an update of one note, not a full reload');
    assert.ok(adam, 'a bundled note to compare');
    assert.equal(updated.notes.get('optimization/adam'), adam, 'an unchanged note is the same object: it was not read again');

    const after = await lookup.search('wombat alias');
    assert.equal(after.matches[0]?.item.note.id, 'probe/update-probe');
    assert.equal(after.lookup.base, before.lookup.base, 'the full lookup index was not rebuilt');
    assert.ok(!(await lookup.search('quokka alias', 50)).matches.some((m) => m.item.note.aliases.includes('quokka alias')), 'the old version of the note is found no more');

    await eventually(() => vscode.languages.getDiagnostics(vscode.Uri.file(file)).find((d) => d.message.includes('no-such-note')), 'the new related id linted');

    // Deleting the note: it leaves the knowledge base, Look Up and the Problems panel.
    fs.rmSync(file);
    await eventually(() => (host.kb.current!.notes.has('probe/update-probe') ? undefined : true), 'the deleted note to go');
    assert.ok(!(await lookup.search('wombat alias')).matches.some((m) => m.item.note.id === 'probe/update-probe'));
    await eventually(() => (vscode.languages.getDiagnostics(vscode.Uri.file(file)).length === 0 ? true : undefined), 'its problems to go');
  });
});
