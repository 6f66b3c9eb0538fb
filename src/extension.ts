import * as vscode from 'vscode';
import { features } from './features';
import { createNotesHost, type NotesHost } from './features/notesHost';

export interface AiNotesApi {
  /** For tests and other extensions: the knowledge base host. */
  host: NotesHost;
}

export function activate(context: vscode.ExtensionContext): AiNotesApi {
  const host = createNotesHost(context);
  for (const activateFeature of features) {
    try {
      activateFeature(context, host);
    } catch (e) {
      host.log.error(`a feature failed to start: ${(e as Error).stack ?? e}`);
    }
  }
  return { host };
}

export function deactivate(): void {}
