// Starter integration tests: run inside a real extension host (code-server or VS Code desktop).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { AiNotesApi } from '../../src/extension';
import { createNoteCache, NOTE_CACHE_SCHEMA } from '../../src/core';
import { reportFigure } from './figures';

const EXTENSION_ID = 'ai-notes.ai-notes';

describe('AI Notes extension', () => {
  it('is installed', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.equal(ext.packageJSON.publisher, 'ai-notes');
  });

  it('activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('registers aiNotes.refresh', async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('aiNotes.refresh'), 'aiNotes.refresh is not registered');
  });

  it('opened the examples/ workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.ok(
      folders.some((f) => f.uri.path.endsWith('/examples')),
      `workspace folders: ${folders.map((f) => f.uri.toString()).join(', ') || '(none)'}`,
    );
  });
});

describe('Note cache (extension host)', () => {
  it('a reload reads no unchanged note again, and the cache is written to global storage', async () => {
    const ext = vscode.extensions.getExtension<AiNotesApi>('ai-notes.ai-notes');
    assert.ok(ext);
    const { host } = await ext.activate();
    // A first reload brings the cache up to date with whatever earlier tests changed; the second changes nothing.
    const first = await host.reload();
    const t0 = Date.now();
    await host.reload();
    const reloadMs = Date.now() - t0;
    const cache = await host.noteCache;
    assert.equal(cache.stats.misses, 0, 'every unchanged note came from the cache');
    assert.ok(cache.stats.hits >= first.notes.size - 1, `${cache.stats.hits} hits for ${first.notes.size} notes`);
    reportFigure(`activation to the first loaded notes (cold, no cache yet): ${host.timings.firstLoad !== undefined ? host.timings.firstLoad - host.timings.activated : '?'} ms for ${first.notes.size} notes`);
    reportFigure(`reload with every note in the note cache (warm): ${reloadMs} ms`);
    const end = Date.now() + 10_000;
    let saved: string | undefined;
    while (saved === undefined && Date.now() < end) {
      try {
        saved = fs.readFileSync(host.noteCacheFile, 'utf8');
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    assert.ok(saved !== undefined, `no cache at ${host.noteCacheFile}`);
    const header = JSON.parse(saved.slice(0, saved.indexOf('\n'))) as { schema: number; version: string; count: number };
    assert.equal(header.schema, NOTE_CACHE_SCHEMA);
    assert.ok(header.count >= first.notes.size - 1, `${header.count} notes in the cache file`);
    // What was written reads back whole: every entry, every body.
    assert.equal(createNoteCache(header.version, saved).size, header.count);
  });
});
