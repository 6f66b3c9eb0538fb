import * as vscode from 'vscode';
import { features, type FeatureApi } from './features';
import { createNotesHost, type NotesHost } from './features/notesHost';
import type { Platform } from './features/platform';

/** For tests and other extensions: the knowledge base host, plus what features expose (e.g. `tree`). */
export interface AiNotesApi extends FeatureApi {
  host: NotesHost;
}

/** The one activate of both hosts: `extension.ts` (Node) and `extension.web.ts` (browser) pass their platform. */
export function activateWith(context: vscode.ExtensionContext, platform: Platform): AiNotesApi {
  const host = createNotesHost(context, platform);
  // Tests and `when` clauses can tell the hosts apart (the e2e suite asserts which one it ran in).
  void vscode.commands.executeCommand('setContext', 'aiNotes.host', platform.kind);
  host.log.info(`AI Notes activated in the ${platform.kind} extension host`);
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
