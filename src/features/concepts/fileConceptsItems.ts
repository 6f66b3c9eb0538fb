import type { ConceptOccurrence, FileConcept, FileConceptTopic } from '../../core';

/** Nodes of the "Concepts in this File" tree. `id` on a concept row is its note id, so `aiNotes.openNote` takes it. */
export type FileConceptsNode =
  | { kind: 'topic'; topic: FileConceptTopic }
  | { kind: 'concept'; id: string; concept: FileConcept; parent: FileConceptsNode }
  | { kind: 'occurrence'; occurrence: ConceptOccurrence; concept: FileConcept; parent: FileConceptsNode };

/** Where an occurrence is, as the reveal command takes it (plain data, so it survives the command's arguments). */
export interface OccurrenceTarget {
  uri: string;
  line: number;
  start: number;
  end: number;
  /** The occurrence is in this cell of the notebook at `uri` (a search over files knows the notebook, not its cells). */
  cell?: number;
}

export function toOccurrenceTarget(arg: unknown): OccurrenceTarget | undefined {
  if (!arg || typeof arg !== 'object') return undefined;
  const o = arg as Record<string, unknown>;
  if (typeof o.uri !== 'string' || ![o.line, o.start, o.end].every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)) return undefined;
  const cell = typeof o.cell === 'number' && Number.isInteger(o.cell) && o.cell >= 0 ? { cell: o.cell } : {};
  return { uri: o.uri, line: o.line as number, start: o.start as number, end: o.end as number, ...cell };
}
