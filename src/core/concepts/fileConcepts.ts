import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import type { CodeHit } from './codeEngine';

/** One place a concept is named: 0-based line and columns (UTF-16), and the identifier as written (`F.kl_div`). */
export interface ConceptOccurrence {
  line: number;
  column: number;
  endColumn: number;
  identifier: string;
  /** In a notebook: the 0-based index of the cell, and `line` counts inside that cell. */
  cell?: number;
}

export interface FileConcept {
  noteId: string;
  title: string;
  titleEn: string;
  count: number;
  occurrences: ConceptOccurrence[];
}

export interface FileConceptTopic {
  /** The note's folder ('' for notes at a root). */
  topicId: string;
  title: string;
  titleEn: string;
  /** Occurrences of every concept of the topic. */
  count: number;
  concepts: FileConcept[];
}

/** What a file uses: concepts grouped by topic, topics in the knowledge base's order, concepts most used first. */
export interface FileConceptSummary {
  topics: FileConceptTopic[];
  conceptCount: number;
  occurrenceCount: number;
}

/** A hit of the engine, possibly placed in a notebook cell. */
export type PlacedHit = Pick<CodeHit, 'line' | 'start' | 'end' | 'chain' | 'match'> & { cell?: number };

/** Topics in the order the notes tree shows them (depth first), for a stable outline. */
function topicOrder(snapshot: Pick<KnowledgeBaseSnapshot, 'root'>): Map<string, number> {
  const order = new Map<string, number>();
  const walk = (t: KnowledgeBaseSnapshot['root']) => {
    order.set(t.id, order.size);
    for (const c of t.topics) walk(c);
  };
  walk(snapshot.root);
  return order;
}

/** Summarises the engine's hits of one file. Pure: the same hits and notes give the same summary. */
export function summariseFileConcepts(hits: readonly PlacedHit[], snapshot: Pick<KnowledgeBaseSnapshot, 'notes' | 'topics' | 'root'>): FileConceptSummary {
  const byConcept = new Map<string, FileConcept>();
  for (const h of hits) {
    const c = h.match.concept;
    let fc = byConcept.get(c.id);
    if (!fc) {
      fc = { noteId: c.id, title: c.title, titleEn: c.titleEn, count: 0, occurrences: [] };
      byConcept.set(c.id, fc);
    }
    fc.count++;
    fc.occurrences.push({ line: h.line, column: h.start, endColumn: h.end, identifier: h.chain, ...(h.cell !== undefined ? { cell: h.cell } : {}) });
  }
  const byTopic = new Map<string, FileConceptTopic>();
  for (const fc of byConcept.values()) {
    const topicId = snapshot.notes.get(fc.noteId)?.topicId ?? fc.noteId.slice(0, Math.max(0, fc.noteId.lastIndexOf('/')));
    let t = byTopic.get(topicId);
    if (!t) {
      const topic = snapshot.topics.get(topicId);
      t = { topicId, title: topic?.title || topicId, titleEn: topic?.titleEn || topic?.title || topicId, count: 0, concepts: [] };
      byTopic.set(topicId, t);
    }
    t.count += fc.count;
    t.concepts.push(fc);
  }
  const order = topicOrder(snapshot);
  const rank = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const topics = [...byTopic.values()].sort((a, b) => rank(a.topicId) - rank(b.topicId) || a.topicId.localeCompare(b.topicId));
  for (const t of topics) {
    t.concepts.sort((a, b) => b.count - a.count || (a.titleEn || a.title).localeCompare(b.titleEn || b.title));
    for (const c of t.concepts) c.occurrences.sort((a, b) => (a.cell ?? 0) - (b.cell ?? 0) || a.line - b.line || a.column - b.column);
  }
  return { topics, conceptCount: byConcept.size, occurrenceCount: hits.length };
}

/** Code cells as one Python text, so imports in one cell reach the next; `place` maps a line back to its cell. */
export function joinCodeCells(cells: readonly string[]): { text: string; place(line: number): { cell: number; line: number } } {
  const starts: number[] = [];
  const parts: string[] = [];
  let line = 0;
  for (const cell of cells) {
    starts.push(line);
    parts.push(cell);
    line += cell.split('\n').length;
  }
  return {
    text: parts.join('\n'),
    place(l) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= l) lo = mid;
        else hi = mid - 1;
      }
      return { cell: lo, line: l - (starts[lo] ?? 0) };
    },
  };
}

/** The summary as a Markdown outline: a heading per topic, a line per concept with its count and lines. */
export function fileConceptsMarkdown(
  summary: FileConceptSummary,
  options: { lang: 'zh' | 'en'; fileName: string; link(noteId: string): string; maxLines?: number },
): string {
  const name = (x: { title: string; titleEn: string }) => (options.lang === 'zh' ? x.title || x.titleEn : x.titleEn || x.title);
  const max = options.maxLines ?? 8;
  const out = [`## ${options.fileName}`, ''];
  for (const t of summary.topics) {
    out.push(`### ${name(t)}`, '');
    for (const c of t.concepts) {
      const lines = [...new Set(c.occurrences.map((o) => (o.cell !== undefined ? `${o.cell + 1}:${o.line + 1}` : `${o.line + 1}`)))];
      const shown = lines.slice(0, max).join(', ') + (lines.length > max ? ', …' : '');
      out.push(`- [${name(c).replace(/[[\]]/g, '\\$&')}](${options.link(c.noteId)}) × ${c.count} (${shown})`);
    }
    out.push('');
  }
  return out.join('\n');
}
