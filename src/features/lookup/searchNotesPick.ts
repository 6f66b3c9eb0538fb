import * as vscode from 'vscode';
import { searchLookup, searchFullText, type KnowledgeBaseSnapshot } from '../../core';
import type { NotesHost } from '../notesHost';
import type { Indexes } from './indexes';
import { lineItem, matchItem, noTextMatchItem, separator, type LookupPickItem } from './lookupItems';
import { createPick, openOnAccept, showWhileLoading } from './quickPick';

/** Concept hits shown above the full-text lines in Search Notes. */
const SEARCH_CONCEPTS = 5;
const SEARCH_DEBOUNCE_MS = 60;

/** `Search Notes`: concept matches first, then the lines of note bodies. */
export async function showSearchNotes(host: NotesHost, indexes: Indexes, initial: string): Promise<void> {
  const qp = createPick(vscode.l10n.t('Search note titles and text'), true);
  const disposables: vscode.Disposable[] = [qp];
  let snapshot: KnowledgeBaseSnapshot | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancel: vscode.CancellationTokenSource | undefined;

  const render = () => {
    if (!snapshot) return;
    cancel?.cancel();
    const source = new vscode.CancellationTokenSource();
    cancel = source;
    const lang = host.lang();
    const query = qp.value.trim();
    if (!query) {
      qp.items = [];
      return;
    }
    const concepts = searchLookup(indexes.lookup(snapshot), query, { limit: SEARCH_CONCEPTS });
    const lines = searchFullText(indexes.fullTextIndex(snapshot), query, { token: source.token });
    if (source.token.isCancellationRequested) return;
    const items: LookupPickItem[] = [];
    if (concepts.length) items.push(separator(vscode.l10n.t('Concepts')), ...concepts.map((m) => matchItem(m, lang)));
    if (lines.length) items.push(separator(vscode.l10n.t('In note text')), ...lines.map((m) => lineItem(m, lang, query)));
    qp.items = items.length ? items : [noTextMatchItem(query)];
  };

  disposables.push(
    qp.onDidChangeValue(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(render, SEARCH_DEBOUNCE_MS);
    }),
    ...openOnAccept(qp),
    host.onDidChange((s) => {
      snapshot = s;
      render();
    }),
    qp.onDidHide(() => {
      if (timer) clearTimeout(timer);
      cancel?.cancel();
      cancel?.dispose();
      for (const d of disposables) d.dispose();
    }),
  );

  snapshot = await showWhileLoading(qp, initial, () => indexes.snapshot());
  render();
}
