import * as vscode from 'vscode';
import { Commands } from '../commands';
import { onDidChangeSettings, readConfiguration } from '../configuration';
import type { NotesHost } from '../notesHost';
import { ConceptFinder } from './conceptFinder';
import { ConceptHoverProvider } from './conceptHoverProvider';
import { formulaColor } from './conceptHover';
import { explainAtCursor } from './explainCommand';
import { texForHover } from './texLoader';

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
  // MathJax (1.6 MB) is not loaded at activation. Once the notes are in and code of a hover language is on screen,
  // that code is analysed and MathJax loaded and warmed with a small formula, so the first hover only looks up and
  // renders its own (issue 17: the first hover ≤ 150 ms in the browser, SVG included).
  let warmed = false;
  const warmWhenCodeShows = (editors: readonly vscode.TextEditor[]) => {
    const languages = new Set(['python', ...readConfiguration().hover.languages]);
    const code = editors.filter((e) => languages.has(e.document.languageId));
    if (!code.length) return;
    void (async () => {
      await host.ready();
      for (const e of code) await finder.at(e.document, new vscode.Position(0, 0));
      if (warmed) return;
      warmed = true;
      (await texForHover(host)).render('\\frac{1}{N}\\sum_{i=1}^{N} \\log p_\\theta(x_i)', formulaColor(vscode.window.activeColorTheme.kind));
    })().catch(() => undefined);
  };
  warmWhenCodeShows(vscode.window.visibleTextEditors);
  context.subscriptions.push(
    vscode.window.onDidChangeVisibleTextEditors(warmWhenCodeShows),
    { dispose: () => registration?.dispose() },
    host.onDidChange(() => finder.reset()),
    vscode.workspace.onDidCloseTextDocument((d) => finder.tokens.forget(d)),
    onDidChangeSettings(['hover.languages'], register),
    vscode.commands.registerCommand(Commands.explainAtCursor, () => explainAtCursor(finder)),
  );
}
