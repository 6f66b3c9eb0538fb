import * as vscode from 'vscode';
import { features } from './features';
import { createNotesHost, type NotesHost } from './features/notesHost';

export interface AiNotesApi {
  /** For tests and other extensions: the knowledge base host, plus what features expose (e.g. `tree`). */
  host: NotesHost;
  [feature: string]: unknown;
}

export function activate(context: vscode.ExtensionContext): AiNotesApi {
  const host = createNotesHost(context);
  const api: AiNotesApi = { host };
  for (const activateFeature of features) {
    try {
      Object.assign(api, activateFeature(context, host) ?? {});
    } catch (e) {
      host.log.error(`a feature failed to start: ${(e as Error).stack ?? e}`);
    }
  }
  return api;
}

export function deactivate(): void {}
