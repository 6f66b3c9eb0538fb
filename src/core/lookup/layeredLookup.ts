import type { KnowledgeBaseSnapshot } from '../knowledgeBase';
import type { Note } from '../types';
import { buildLookupIndex, type LookupIndex } from './lookupIndex';
import { searchConcepts, type LookupMatch, type SearchOptions } from './searchConcepts';

/**
 * The lookup of a snapshot made by updates without rebuilding the whole index (issue 14.4): the index of an earlier
 * snapshot (`base`), a small index of the notes changed or added since (`delta`), and the base notes those replace
 * or that are gone (`stale`). A search asks both and merges the rankings. Building the delta costs in proportion to
 * the notes changed, not to the knowledge base (10,000 notes take over a second to index; one note a millisecond).
 */
export interface LayeredLookup {
  readonly snapshot: KnowledgeBaseSnapshot;
  readonly base: LookupIndex;
  readonly delta?: LookupIndex;
  /** Ids of base notes changed or removed since the base was built. */
  readonly stale: ReadonlySet<string>;
}

/** More changed notes than this, and the whole index is rebuilt instead (the delta would cost as much). */
export const MAX_DELTA_NOTES = 500;

export function layeredLookup(snapshot: KnowledgeBaseSnapshot): LayeredLookup {
  return { snapshot, base: buildLookupIndex(snapshot), stale: new Set() };
}

/**
 * The lookup of `snapshot` from the lookup of the snapshot it was updated from; undefined when `snapshot` is not an
 * update of that one, or when so many notes have changed that a rebuild is the better deal.
 */
export function applySnapshotChanges(previous: LayeredLookup, snapshot: KnowledgeBaseSnapshot): LayeredLookup | undefined {
  const changes = snapshot.changes;
  if (!changes || previous.snapshot.generation === undefined || changes.from !== previous.snapshot.generation) return undefined;
  const ids = new Set(previous.delta ? [...previous.delta.snapshot.notes.keys()] : []);
  for (const id of changes.changed) ids.add(id);
  for (const id of changes.removed) ids.delete(id);
  if (ids.size > MAX_DELTA_NOTES) return undefined;
  const stale = new Set(previous.stale);
  for (const id of [...changes.changed, ...changes.removed]) if (previous.base.noteItem.has(id)) stale.add(id);
  const notes = new Map<string, Note>();
  for (const id of ids) {
    const note = snapshot.notes.get(id);
    if (note) notes.set(id, note);
  }
  if (notes.size === 0) return { snapshot, base: previous.base, stale };
  const delta = buildLookupIndex({ ...snapshot, notes, problems: [] });
  // How many notes list each changed note (a prior for partial matches): the counts of the base, where it has the
  // note (counting the whole knowledge base again would cost more than the rest of the update).
  const inbound: Record<string, number> = Object.create(null);
  for (const id of notes.keys()) inbound[id] = previous.base.inbound[id] ?? delta.inbound[id] ?? 0;
  return { snapshot, base: previous.base, delta: { ...delta, inbound }, stale };
}

/** Searches a layered lookup: the base without its stale notes, and the delta, in one ranking. */
export function searchLookup(lookup: LayeredLookup, query: string, options: SearchOptions = {}): LookupMatch[] {
  const limit = options.limit ?? 50;
  if (!lookup.delta && lookup.stale.size === 0) return searchConcepts(lookup.base, query, options);
  // Stale hits are dropped after the search, so the base is asked for as many more as there can be.
  const fromBase = searchConcepts(lookup.base, query, { ...options, limit: limit + Math.min(lookup.stale.size, 200) }).filter((m) => !lookup.stale.has(m.item.note.id));
  const fromDelta = lookup.delta ? searchConcepts(lookup.delta, query, options) : [];
  return [...fromBase, ...fromDelta].sort((a, b) => a.score - b.score).slice(0, limit);
}
