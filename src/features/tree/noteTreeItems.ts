import type { Heading, Note, Topic } from '../../core';

/** The nodes of the Notes tree: topics (folders), notes, and the headings inside a note (h3 under h2). */
export type NoteTreeNode =
  | { kind: 'topic'; topic: Topic }
  | { kind: 'note'; note: Note }
  | { kind: 'heading'; note: Note; heading: Heading; children: Heading[] }
  /** The one row shown until the notes are in. */
  | { kind: 'loading' };

/** Nests a note's h3 headings under the h2 before them; leading h3s stay at the top level. */
export function headingNodes(note: Note, within?: Heading): NoteTreeNode[] {
  const hs = note.headings;
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
