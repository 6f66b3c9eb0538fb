import * as vscode from 'vscode';
import { readConfiguration } from './configuration';
import type { NotesHost } from './notesHost';

const OFFERED_KEY = 'aiNotes.offeredChineseFirst';

/** The operating system's locale as the extension host sees it (the environment first, then ICU's default). */
export function osLocale(env: NodeJS.ProcessEnv = typeof process === 'undefined' ? {} : process.env): string {
  const fromEnv = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return (fromEnv || Intl.DateTimeFormat().resolvedOptions().locale || '').toLowerCase();
}

/**
 * Most Chinese ML users run an English VS Code, where `auto` means English-first titles over Chinese notes. On the
 * first run in an English VS Code on a Chinese system, offer once to show the notes Chinese-first.
 */
export function activateFirstRun(context: vscode.ExtensionContext, host: NotesHost): void {
  if (context.globalState.get<boolean>(OFFERED_KEY)) return;
  if (readConfiguration().displayLanguage !== 'auto') return;
  if (vscode.env.language.toLowerCase().startsWith('zh') || !osLocale().startsWith('zh')) return;
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
