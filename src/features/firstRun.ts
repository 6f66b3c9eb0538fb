import * as vscode from 'vscode';
import { readConfiguration } from './configuration';
import type { NotesHost } from './notesHost';
import { osLocale, shouldOfferChineseFirst } from '../shared/locale';

const OFFERED_KEY = 'aiNotes.offeredChineseFirst';
const WALKTHROUGH_KEY = 'aiNotes.openedWalkthrough';
/** The walkthrough's id as VS Code names it: `<publisher>.<name>#<walkthrough id>`. */
export const WALKTHROUGH_ID = 'ai-notes.ai-notes#gettingStarted';

/**
 * Most Chinese ML users run an English VS Code, where `auto` means English-first titles over Chinese notes. On the
 * first run in an English VS Code on a Chinese system, offer once to show the notes Chinese-first.
 */
export function activateFirstRun(context: vscode.ExtensionContext, host: NotesHost): void {
  openTryOutWalkthrough(context);
  offerChineseFirst(context, host);
}

/**
 * `npm start` (the try-out VS Code, `AI_NOTES_TRY_OUT=1` in the extension host's environment) opens the AI Notes side
 * bar and the "Get started" walkthrough once, as VS Code does for an extension installed from the Marketplace.
 */
function openTryOutWalkthrough(context: vscode.ExtensionContext): void {
  if (typeof process === 'undefined' || process.env.AI_NOTES_TRY_OUT !== '1') return;
  if (context.globalState.get<boolean>(WALKTHROUGH_KEY)) return;
  void context.globalState.update(WALKTHROUGH_KEY, true);
  void (async () => {
    await vscode.commands.executeCommand('workbench.view.extension.aiNotes');
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false);
  })();
}

function offerChineseFirst(context: vscode.ExtensionContext, host: NotesHost): void {
  const offer = shouldOfferChineseFirst({
    offered: context.globalState.get<boolean>(OFFERED_KEY) === true,
    displayLanguage: readConfiguration().displayLanguage,
    vscodeLanguage: vscode.env.language,
    osLocale: osLocale(typeof process === 'undefined' ? {} : process.env),
  });
  if (!offer) return;
  void context.globalState.update(OFFERED_KEY, true);
  const chinese = '中文优先';
  const english = vscode.l10n.t('Keep English');
  void vscode.window
    .showInformationMessage('AI Notes: 你的系统语言是中文。笔记标题和摘要要以中文优先显示吗？ (Show notes Chinese-first?)', chinese, english)
    .then(async (choice) => {
      if (choice === chinese) {
        await vscode.workspace.getConfiguration('aiNotes').update('displayLanguage', 'zh', vscode.ConfigurationTarget.Global);
        host.log.info('display language set to Chinese-first (first-run offer)');
      }
    });
}
