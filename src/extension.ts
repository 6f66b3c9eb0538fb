import type * as vscode from 'vscode';
import { features, type FeatureApi } from './features';
import { createNotesHost, type NotesHost } from './features/notesHost';

/** For tests and other extensions: the knowledge base host, plus what features expose (e.g. `tree`). */
export interface AiNotesApi extends FeatureApi {
  host: NotesHost;
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
