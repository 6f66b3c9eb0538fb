import {
  applySnapshotChanges,
  buildFullTextIndex,
  startLookupIndex,
  type LookupIndexBuilder,
  type FullTextIndex,
  type KnowledgeBaseSnapshot,
  type LayeredLookup,
  type LookupIndex,
  warmMeaningIndex,
} from '../../core';
import type { NotesHost } from '../notesHost';

/** Time the meaning index may take per turn of the event loop while it is built ahead of use. */
const WARM_SLICE_MS = 40;

/**
 * The indexes of the current snapshot, built on first use. An update of a few notes (an edit, a new note) does not
 * rebuild the lookup: the last one gets a small index of the changed notes on top (see LayeredLookup).
 */
export class Indexes {
  private readonly lookups = new WeakMap<KnowledgeBaseSnapshot, LayeredLookup>();
  private readonly fullText = new WeakMap<KnowledgeBaseSnapshot, FullTextIndex>();
  /** Lookup indexes being built ahead of use, a slice at a time. */
  private readonly building = new WeakMap<KnowledgeBaseSnapshot, LookupIndexBuilder>();
  /** Lookups whose meaning index is warming (it starts with the first query, not ahead of it). */
  private readonly warmed = new WeakSet<LookupIndex>();
  /** The lookup of the latest snapshot that has one: the starting point for the next update. */
  private last: LayeredLookup | undefined;

  constructor(private readonly host: NotesHost) {
    host.onDidChange((s) => {
      const next = this.last && applySnapshotChanges(this.last, s);
      if (!next) {
        this.prepare(s);
        return;
      }
      this.lookups.set(s, next);
      this.last = next;
      this.host.log.info(`lookup index: ${s.changes!.changed.length} changed note(s) indexed on top of the last full index (${next.delta?.snapshot.notes.size ?? 0} in all)`);
    });
  }

  async snapshot(): Promise<KnowledgeBaseSnapshot> {
    const loaded = await this.host.ready();
    return this.host.kb.current ?? loaded;
  }

  /**
   * Builds the names index of a freshly loaded snapshot between other work, so the first Look Up does not wait for it
   * (10,000 notes take over a second at once). Stops when a newer snapshot replaces this one.
   */
  private prepare(s: KnowledgeBaseSnapshot): void {
    if (this.lookups.has(s) || this.building.has(s)) return;
    const builder = startLookupIndex(s);
    this.building.set(s, builder);
    const slice = () => {
      if (this.lookups.has(s) || this.host.kb.current !== s) return;
      try {
        if (!builder.step(WARM_SLICE_MS)) {
          setTimeout(slice, 0);
          return;
        }
        this.done(s, builder.finish());
      } catch (e) {
        this.host.log.error(`lookup index: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    setTimeout(slice, 0);
  }

  private done(s: KnowledgeBaseSnapshot, index: LookupIndex): LayeredLookup {
    const lookup: LayeredLookup = { snapshot: s, base: index, stale: new Set() };
    this.lookups.set(s, lookup);
    this.building.delete(s);
    this.host.log.info(`lookup index: ${index.items.length} items, ${index.names.length} names, built in ${index.buildMs.toFixed(0)} ms`);
    if (!this.last || (s.generation ?? 0) >= (this.last.snapshot.generation ?? 0)) this.last = lookup;
    return lookup;
  }

  lookup(s: KnowledgeBaseSnapshot): LayeredLookup {
    const lookup = this.lookups.get(s) ?? this.done(s, (this.building.get(s) ?? startLookupIndex(s)).finish());
    for (const index of [lookup.base, lookup.delta]) {
      if (index && !this.warmed.has(index)) {
        this.warmed.add(index);
        this.warm(index);
      }
    }
    return lookup;
  }

  /**
   * Builds the meaning index in slices between other work, so that typing stays responsive in a large knowledge
   * base; a description typed before it is done finishes the build at once.
   */
  private warm(index: LookupIndex): void {
    const started = Date.now();
    const slice = () => {
      try {
        if (!warmMeaningIndex(index, WARM_SLICE_MS)) {
          setTimeout(slice, 0);
          return;
        }
        this.host.log.info(`meaning index: ready after ${Date.now() - started} ms`);
      } catch (e) {
        this.host.log.error(`meaning index: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    setTimeout(slice, 0);
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
