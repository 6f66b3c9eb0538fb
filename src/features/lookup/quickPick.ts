import * as vscode from 'vscode';
import { Commands } from '../commands';
import type { LookupPickItem } from './lookupItems';

/**
 * The quick pick shows items in our order with VS Code's own highlighting. The stable API has no way to pass
 * highlight ranges, and VS Code highlights only what its own fuzzy filter matches. So every item is
 * `alwaysShow` (VS Code's filter hides nothing, pinyin and typo hits stay), `sortByLabel` is off (it is read by
 * VS Code's quick input though still typed as proposed; setting it is harmless elsewhere) so the ranking is
 * ours, and `matchOnDescription` is on so that VS Code highlights the query wherever it literally appears in
 * the title or in the other-language title and aliases. Summaries (detail) are not highlighted: they would
 * light up on every common letter.
 */
export function createPick(placeholder: string, matchOnDetail: boolean): vscode.QuickPick<LookupPickItem> {
  const qp = vscode.window.createQuickPick<LookupPickItem>();
  qp.placeholder = placeholder;
  qp.matchOnDescription = !matchOnDetail;
  qp.matchOnDetail = matchOnDetail;
  (qp as { sortByLabel?: boolean }).sortByLabel = false;
  return qp;
}

/** Enter opens the chosen note (in the preview), the row's button opens its source; `intercept` may handle a row first. */
export function openOnAccept(qp: vscode.QuickPick<LookupPickItem>, intercept?: (item: LookupPickItem) => boolean): vscode.Disposable[] {
  // Started from a code editor (not the preview): the note opens beside the code (setting aiNotes.openFromCode).
  const fromCode = vscode.window.activeTextEditor !== undefined;
  return [
    qp.onDidAccept(async () => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item || intercept?.(item) || !item.target) return;
      qp.hide();
      await vscode.commands.executeCommand(Commands.openNote, { ...item.target, fromCode });
    }),
    qp.onDidTriggerItemButton(async (e) => {
      if (!e.item.target) return;
      qp.hide();
      await vscode.commands.executeCommand(Commands.openSource, e.item.target);
    }),
  ];
}

/** Shows the pick at once (busy) with the initial query, and resolves once `load` has. */
export async function showWhileLoading<T>(qp: vscode.QuickPick<LookupPickItem>, initial: string, load: () => Promise<T>): Promise<T> {
  qp.value = initial;
  qp.busy = true;
  qp.show();
  try {
    return await load();
  } finally {
    qp.busy = false;
  }
}
