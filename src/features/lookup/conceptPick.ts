import * as vscode from 'vscode';
import { displayTitle, searchLookup, type KnowledgeBaseSnapshot, type LayeredLookup, type Topic } from '../../core';
import type { NotesHost } from '../notesHost';
import type { Indexes } from './indexes';
import { Commands } from '../commands';
import { matchItem, noMatchItem, noteItem, separator, topicItem, type LookupPickItem } from './lookupItems';
import { createPick, openOnAccept, showWhileLoading } from './quickPick';

const RESULTS = 50;
const RECENT = 10;

function parentTopic(snapshot: KnowledgeBaseSnapshot, topic: Topic): Topic | undefined {
  if (!topic.id) return undefined;
  const slash = topic.id.lastIndexOf('/');
  return slash < 0 ? undefined : snapshot.topics.get(topic.id.slice(0, slash));
}

/** `Look Up Concept…`: notes, headings and topics by name; an empty query lists recent notes and topics. */
export async function showLookup(host: NotesHost, indexes: Indexes, initial: string): Promise<void> {
  const qp = createPick(vscode.l10n.t('Look up a concept: 中文, English, pinyin (jcs), a code name (kl_div)…'), false);
  const disposables: vscode.Disposable[] = [qp];
  let snapshot: KnowledgeBaseSnapshot | undefined;
  let index: LayeredLookup | undefined;
  let topic: Topic | undefined;

  const render = () => {
    if (!snapshot || !index) return;
    const lang = host.lang();
    const query = qp.value.trim();
    if (query) {
      const matches = searchLookup(index, query, { limit: RESULTS, topicId: topic?.id });
      qp.items = matches.length ? matches.map((m) => matchItem(m, lang)) : [noMatchItem(query)];
      return;
    }
    const items: LookupPickItem[] = [];
    if (topic) {
      for (const t of topic.topics) items.push(topicItem(t, lang));
      for (const n of topic.notes) items.push(noteItem(n, lang));
    } else {
      const recent = host
        .recentNotes()
        .map((id) => snapshot!.notes.get(id))
        .filter((n) => n !== undefined)
        .slice(0, RECENT);
      if (recent.length) items.push(separator(vscode.l10n.t('Recently opened')), ...recent.map((n) => noteItem(n, lang, true)));
      items.push(separator(vscode.l10n.t('Topics')), ...snapshot.root.topics.map((t) => topicItem(t, lang)));
      for (const n of snapshot.root.notes) items.push(noteItem(n, lang));
    }
    qp.items = items;
  };

  const enterTopic = (t: Topic | undefined) => {
    topic = t;
    qp.buttons = t ? [vscode.QuickInputButtons.Back] : [];
    qp.placeholder = t
      ? vscode.l10n.t('Notes in {0}; type to search them', displayTitle(t, host.lang()) || t.id)
      : vscode.l10n.t('Look up a concept: 中文, English, pinyin (jcs), a code name (kl_div)…');
    qp.value = '';
    render();
  };

  disposables.push(
    qp.onDidChangeValue(render),
    ...openOnAccept(qp, (item) => {
      if (item.searchText !== undefined) {
        qp.hide();
        void vscode.commands.executeCommand(Commands.searchNotes, item.searchText);
        return true;
      }
      if (!item.topic) return false;
      enterTopic(item.topic);
      return true;
    }),
    qp.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back && topic && snapshot) enterTopic(parentTopic(snapshot, topic));
    }),
    host.onDidChange((s) => {
      snapshot = s;
      index = indexes.lookup(s);
      if (topic) topic = s.topics.get(topic.id);
      render();
    }),
    qp.onDidHide(() => {
      for (const d of disposables) d.dispose();
    }),
  );

  snapshot = await showWhileLoading(qp, initial, async () => {
    const loaded = await indexes.snapshot();
    index = indexes.lookup(loaded); // built while the pick still shows busy
    return loaded;
  });
  render();
}
