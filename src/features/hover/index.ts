import * as vscode from 'vscode';
import { Commands } from '../commands';
import { onDidChangeSettings, readConfiguration } from '../configuration';
import type { NotesHost } from '../notesHost';
import { ConceptFinder } from './conceptFinder';
import { ConceptHoverProvider } from './conceptHoverProvider';
import { explainAtCursor } from './explainCommand';

/** Concept hovers in ML code and "Explain Word at Cursor". */
export function activateHover(context: vscode.ExtensionContext, host: NotesHost): void {
  const finder = new ConceptFinder(host);
  const provider = new ConceptHoverProvider(host, finder, (document) => {
    const hover = readConfiguration(document).hover;
    return hover.enabled ? hover.mode : 'off';
  });

  let registration: vscode.Disposable | undefined;
  const register = () => {
    registration?.dispose();
    const selector = [...new Set(['python', ...readConfiguration().hover.languages])].map((language) => ({ language }));
    registration = vscode.languages.registerHoverProvider(selector, provider);
  };
  register();
  context.subscriptions.push(
    { dispose: () => registration?.dispose() },
    host.onDidChange(() => finder.reset()),
    vscode.workspace.onDidCloseTextDocument((d) => finder.tokens.forget(d)),
    onDidChangeSettings(['hover.languages'], register),
    vscode.commands.registerCommand(Commands.explainAtCursor, () => explainAtCursor(finder)),
  );
}
