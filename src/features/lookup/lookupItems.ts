import * as vscode from 'vscode';
import {
  displaySummary,
  displayTitle,
  otherTitle,
  type Lang,
  type LineMatch,
  type LookupMatch,
  type Note,
  type Topic,
} from '../../core';
import type { NoteTarget } from '../commands';

/** A row of the lookup quick picks: what Enter opens (a note target) or enters (a topic). */
export interface LookupPickItem extends vscode.QuickPickItem {
  target?: NoteTarget;
  topic?: Topic;
  /** Enter searches all note text for this query (the row shown when no concept matches). */
  searchText?: string;
}

const ICON = {
  note: new vscode.ThemeIcon('book'),
  heading: new vscode.ThemeIcon('list-tree'),
  recent: new vscode.ThemeIcon('history'),
  topic: new vscode.ThemeIcon('folder'),
  line: new vscode.ThemeIcon('whole-word'),
};

export function openSourceButton(): vscode.QuickInputButton {
  return { iconPath: new vscode.ThemeIcon('go-to-file'), tooltip: vscode.l10n.t('Open Source') };
}

/** The row Look Up shows when nothing matches: it says so, and Enter searches all note text instead. */
export function noMatchItem(query: string): LookupPickItem {
  return {
    label: `$(search) ${vscode.l10n.t('No concept matches “{0}”', query)}`,
    detail: vscode.l10n.t('Press Enter to search all note text for it'),
    alwaysShow: true,
    searchText: query,
  };
}

/** The row Search Notes shows when neither a concept nor a line of note text matches. */
export function noTextMatchItem(query: string): LookupPickItem {
  return { label: `$(circle-slash) ${vscode.l10n.t('No note mentions “{0}”', query)}`, alwaysShow: true };
}

export function separator(label: string): LookupPickItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}

/** The other language's title and the first aliases that differ from both titles. */
function noteDescription(note: Note, lang: Lang, extra?: string): string {
  const shown = new Set([note.title, note.titleEn].map((t) => t.toLowerCase()));
  const parts: string[] = [];
  const other = otherTitle(note, lang);
  if (other) parts.push(other);
  const aliases: string[] = [];
  for (const a of note.aliases) {
    if (aliases.length >= 2) break;
    if (!shown.has(a.toLowerCase())) {
      aliases.push(a);
      shown.add(a.toLowerCase());
    }
  }
  if (aliases.length) parts.push(aliases.join(', '));
  if (extra && !shown.has(extra.toLowerCase()) && !parts.some((p) => p.includes(extra))) parts.push(extra);
  return parts.join(' · ');
}

/** A search result as a quick pick row: display-language title (› heading), other names, summary. */
export function matchItem(match: LookupMatch, lang: Lang): LookupPickItem {
  const { note, heading } = match.item;
  const title = displayTitle(note, lang);
  // Show the alias or code name that matched when it is not on the row already (`kl_div`, `jcs` → 交叉熵).
  const extra = match.field === 'alias' || match.field === 'code' ? match.matched : undefined;
  return {
    label: heading ? `${title} › ${heading.text}` : title,
    description: heading ? otherTitle(note, lang) : noteDescription(note, lang, extra),
    detail: displaySummary(note, lang) || undefined,
    iconPath: heading ? ICON.heading : ICON.note,
    alwaysShow: true,
    buttons: [openSourceButton()],
    target: { id: note.id, heading: heading?.slug },
  };
}

export function noteItem(note: Note, lang: Lang, recent = false): LookupPickItem {
  return {
    label: displayTitle(note, lang),
    description: noteDescription(note, lang),
    detail: displaySummary(note, lang) || undefined,
    iconPath: recent ? ICON.recent : ICON.note,
    alwaysShow: true,
    buttons: [openSourceButton()],
    target: { id: note.id },
  };
}

export function topicItem(topic: Topic, lang: Lang): LookupPickItem {
  const count = countNotes(topic);
  return {
    label: displayTitle(topic, lang) || topic.id,
    description: [otherTitle(topic, lang), vscode.l10n.t('{0} notes', count)].filter((x) => x).join(' · '),
    detail: displaySummary(topic, lang) || undefined,
    iconPath: ICON.topic,
    alwaysShow: true,
    topic,
  };
}

function countNotes(topic: Topic): number {
  return topic.notes.length + topic.topics.reduce((n, t) => n + countNotes(t), 0);
}

/** A full-text hit: the note (and section) as label, the matching line as detail. */
export function lineItem(match: LineMatch, lang: Lang, query?: string): LookupPickItem {
  const { note } = match;
  const section = [...note.headings].reverse().find((h) => h.line <= match.line);
  return {
    label: section ? `${displayTitle(note, lang)} › ${section.text}` : displayTitle(note, lang),
    description: vscode.l10n.t('line {0}', match.line + 1),
    detail: match.text,
    iconPath: ICON.line,
    alwaysShow: true,
    buttons: [openSourceButton()],
    target: { id: note.id, line: match.line, ...(query ? { highlight: query } : {}) },
  };
}
