import type * as vscode from 'vscode';
import { activateWith, type AiNotesApi } from './activate';
import { webPlatform } from './web/webPlatform';

/** The browser's web worker extension host's entry (package.json `browser`): vscode.dev, github.dev, code-server. */
export function activate(context: vscode.ExtensionContext): AiNotesApi {
  return activateWith(context, webPlatform(context));
}

export function deactivate(): void {}
