import { relatedSectionHeading, type Heading, type Note, type Topic } from '../../core';

/** Which notes a part of the tree shows: the bundled knowledge base, or the user's own folders ("My notes"). */
export type TreeScope = 'bundled' | 'mine';

/** The nodes of the Notes tree: topics (folders), notes, and the headings inside a note (h3 under h2). */
export type NoteTreeNode =
  /** `scope` undefined: the tree is not split, the topic lists every note. */
  | { kind: 'topic'; topic: Topic; scope?: TreeScope }
  /** The root of the user's own notes, beside the bundled topics. */
  | { kind: 'mine' }
  | { kind: 'note'; note: Note }
  | { kind: 'heading'; note: Note; heading: Heading; children: Heading[] }
  /** The one row shown until the notes are in. */
  | { kind: 'loading' };

/** The headings the tree lists for a note: all but the closing related-notes section (the preview shows it as cards). */
export function treeHeadings(note: Note): Heading[] {
  const related = relatedSectionHeading(note);
  if (!related) return note.headings;
  const i = note.headings.indexOf(related);
  return note.headings.slice(0, i);
}

/** Nests a note's h3 headings under the h2 before them; leading h3s stay at the top level. */
export function headingNodes(note: Note, within?: Heading): NoteTreeNode[] {
  const hs = treeHeadings(note);
  if (within) {
    const start = hs.indexOf(within);
    const out: NoteTreeNode[] = [];
    for (let i = start + 1; i < hs.length && hs[i].level > within.level; i++) {
      if (hs[i].level === within.level + 1) out.push(node(note, hs, i));
    }
    return out;
  }
  const top = Math.min(...hs.map((h) => h.level));
  const out: NoteTreeNode[] = [];
  for (let i = 0; i < hs.length; i++) {
    const parentIndex = findParent(hs, i);
    if (hs[i].level === top || parentIndex < 0) out.push(node(note, hs, i));
  }
  return out;
}

function findParent(hs: Heading[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (hs[j].level < hs[i].level) return j;
  return -1;
}

function node(note: Note, hs: Heading[], i: number): NoteTreeNode {
  const children: Heading[] = [];
  for (let j = i + 1; j < hs.length && hs[j].level > hs[i].level; j++) if (hs[j].level === hs[i].level + 1) children.push(hs[j]);
  return { kind: 'heading', note, heading: hs[i], children };
}
