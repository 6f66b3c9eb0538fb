import * as vscode from 'vscode';
import {
  buildFullTextIndex,
  buildLookupIndex,
  displayTitle,
  searchConcepts,
  searchFullText,
  type FullTextIndex,
  type KnowledgeBaseSnapshot,
  type LookupIndex,
  type Topic,
} from '../../core';
import { Commands } from '../commands';
import type { NotesHost } from '../notesHost';
import { lineItem, matchItem, noteItem, separator, topicItem, type LookupPickItem } from './lookupItems';

const RESULTS = 50;
const RECENT = 10;
/** Concept hits shown above the full-text lines in Search Notes. */
const SEARCH_CONCEPTS = 5;
const SEARCH_DEBOUNCE_MS = 60;

/** The indexes of the current snapshot, built on first use and again after each reload. */
class Indexes {
  private readonly lookup = new WeakMap<KnowledgeBaseSnapshot, LookupIndex>();
  private readonly fullText = new WeakMap<KnowledgeBaseSnapshot, FullTextIndex>();
  constructor(private readonly host: NotesHost) {}

  async snapshot(): Promise<KnowledgeBaseSnapshot> {
    const loaded = await this.host.ready();
    return this.host.kb.current ?? loaded;
  }

  lookupIndex(s: KnowledgeBaseSnapshot): LookupIndex {
    let index = this.lookup.get(s);
    if (!index) {
      index = buildLookupIndex(s);
      this.lookup.set(s, index);
      this.host.log.info(`lookup index: ${index.items.length} items, ${index.names.length} names, built in ${index.buildMs.toFixed(0)} ms`);
    }
    return index;
  }

  fullTextIndex(s: KnowledgeBaseSnapshot): FullTextIndex {
    let index = this.fullText.get(s);
    if (!index) {
      index = buildFullTextIndex(s);
      this.fullText.set(s, index);
    }
    return index;
  }
}

/**
 * The quick pick shows items in our order with VS Code's own highlighting. The stable API has no way to pass
 * highlight ranges, and VS Code highlights only what its own fuzzy filter matches. So every item is
 * `alwaysShow` (VS Code's filter hides nothing, pinyin and typo hits stay), `sortByLabel` is off (it is read by
 * VS Code's quick input though still typed as proposed; setting it is harmless elsewhere) so the ranking is
 * ours, and `matchOnDescription` is on so that VS Code highlights the query wherever it literally appears in
 * the title or in the other-language title and aliases. Summaries (detail) are not highlighted: they would
 * light up on every common letter.
 */
function createPick(placeholder: string, matchOnDetail: boolean): vscode.QuickPick<LookupPickItem> {
  const qp = vscode.window.createQuickPick<LookupPickItem>();
  qp.placeholder = placeholder;
  qp.matchOnDescription = !matchOnDetail;
  qp.matchOnDetail = matchOnDetail;
  (qp as { sortByLabel?: boolean }).sortByLabel = false;
  return qp;
}

/** Enter opens the chosen note (in the preview), the row's button opens its source; `intercept` may handle a row first. */
function openOnAccept(qp: vscode.QuickPick<LookupPickItem>, intercept?: (item: LookupPickItem) => boolean): vscode.Disposable[] {
  return [
    qp.onDidAccept(async () => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item || intercept?.(item) || !item.target) return;
      qp.hide();
      await vscode.commands.executeCommand(Commands.openNote, item.target);
    }),
    qp.onDidTriggerItemButton(async (e) => {
      if (!e.item.target) return;
      qp.hide();
      await vscode.commands.executeCommand(Commands.openSource, e.item.target);
    }),
  ];
}

function parentTopic(snapshot: KnowledgeBaseSnapshot, topic: Topic): Topic | undefined {
  if (!topic.id) return undefined;
  const slash = topic.id.lastIndexOf('/');
  return slash < 0 ? undefined : snapshot.topics.get(topic.id.slice(0, slash));
}

async function showLookup(host: NotesHost, indexes: Indexes, initial: string): Promise<void> {
  const qp = createPick(vscode.l10n.t('Look up a concept: 中文, English, pinyin (jcs), a code name (kl_div)…'), false);
  const disposables: vscode.Disposable[] = [qp];
  let snapshot: KnowledgeBaseSnapshot | undefined;
  let index: LookupIndex | undefined;
  let topic: Topic | undefined;

  const render = () => {
    if (!snapshot || !index) return;
    const lang = host.lang();
    const query = qp.value.trim();
    if (query) {
      qp.items = searchConcepts(index, query, { limit: RESULTS, topicId: topic?.id }).map((m) => matchItem(m, lang));
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
      if (!item.topic) return false;
      enterTopic(item.topic);
      return true;
    }),
    qp.onDidTriggerButton((b) => {
      if (b === vscode.QuickInputButtons.Back && topic && snapshot) enterTopic(parentTopic(snapshot, topic));
    }),
    host.onDidChange((s) => {
      snapshot = s;
      index = indexes.lookupIndex(s);
      if (topic) topic = s.topics.get(topic.id);
      render();
    }),
    qp.onDidHide(() => {
      for (const d of disposables) d.dispose();
    }),
  );

  snapshot = await showWhileLoading(qp, initial, async () => {
    const loaded = await indexes.snapshot();
    index = indexes.lookupIndex(loaded); // built while the pick still shows busy
    return loaded;
  });
  render();
}

async function showSearchNotes(host: NotesHost, indexes: Indexes, initial: string): Promise<void> {
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
    const concepts = searchConcepts(indexes.lookupIndex(snapshot), query, { limit: SEARCH_CONCEPTS });
    const lines = searchFullText(indexes.fullTextIndex(snapshot), query, { token: source.token });
    if (source.token.isCancellationRequested) return;
    const items: LookupPickItem[] = [];
    if (concepts.length) items.push(separator(vscode.l10n.t('Concepts')), ...concepts.map((m) => matchItem(m, lang)));
    if (lines.length) items.push(separator(vscode.l10n.t('In note text')), ...lines.map((m) => lineItem(m, lang)));
    qp.items = items;
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

/** Shows the pick at once (busy) with the initial query, and resolves once `load` has. */
async function showWhileLoading<T>(qp: vscode.QuickPick<LookupPickItem>, initial: string, load: () => Promise<T>): Promise<T> {
  qp.value = initial;
  qp.busy = true;
  qp.show();
  try {
    return await load();
  } finally {
    qp.busy = false;
  }
}

/**
 * `Look Up Concept…` (notes, headings, topics: Chinese, English, pinyin, code names, typos) and `Search Notes`
 * (the same plus the lines of note bodies). Both accept an initial query, e.g. from a hover's "Look up…" link.
 */
export function activateLookup(context: vscode.ExtensionContext, host: NotesHost): void {
  const indexes = new Indexes(host);
  const initial = (arg: unknown) => (typeof arg === 'string' ? arg : '');
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.lookup, (arg?: unknown) => showLookup(host, indexes, initial(arg))),
    vscode.commands.registerCommand(Commands.searchNotes, (arg?: unknown) => showSearchNotes(host, indexes, initial(arg))),
  );
}
