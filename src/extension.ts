import type * as vscode from 'vscode';
import { activateWith, type AiNotesApi } from './activate';
import { nodePlatform } from './node/nodePlatform';

export type { AiNotesApi } from './activate';

/** The Node extension host's entry (package.json `main`). */
export function activate(context: vscode.ExtensionContext): AiNotesApi {
  return activateWith(context, nodePlatform());
}

export function deactivate(): void {}
