import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AiNotesApi } from '../../src/extension';

/** Resolves with the first value `probe` returns that is not undefined, polling every 100 ms. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, ms = 15000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A fresh temporary folder of the user's notes (`files`: relative path → text), set as `aiNotes.notesFolders`;
 * resolves once the note `loadedId` is loaded. `restore` puts the setting back as it was.
 */
export async function useUserNotes(prefix: string, files: Record<string, string>, loadedId: string): Promise<{ api: AiNotesApi; folder: string; restore(): Promise<void> }> {
  const config = () => vscode.workspace.getConfiguration('aiNotes');
  const previous = config().inspect<string[]>('notesFolders')?.globalValue;
  const api = (await vscode.extensions.getExtension('ai-notes.ai-notes')!.activate()) as AiNotesApi;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, rel)), { recursive: true });
    fs.writeFileSync(path.join(folder, rel), text);
  }
  const loaded = new Promise((resolve) => {
    const d = api.host.onDidChange((s) => {
      if (s.notes.has(loadedId)) {
        d.dispose();
        resolve(s);
      }
    });
  });
  await config().update('notesFolders', [folder], vscode.ConfigurationTarget.Global);
  await loaded;
  return {
    api,
    folder,
    restore: async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await config().update('notesFolders', previous, vscode.ConfigurationTarget.Global);
    },
  };
}
