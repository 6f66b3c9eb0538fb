import {
  applySnapshotChanges,
  buildFullTextIndex,
  layeredLookup,
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
  /** The lookup of the latest snapshot that has one: the starting point for the next update. */
  private last: LayeredLookup | undefined;

  constructor(private readonly host: NotesHost) {
    host.onDidChange((s) => {
      const next = this.last && applySnapshotChanges(this.last, s);
      if (!next) return;
      this.lookups.set(s, next);
      this.last = next;
      if (next.delta) this.warm(next.delta);
      this.host.log.info(`lookup index: ${s.changes!.changed.length} changed note(s) indexed on top of the last full index (${next.delta?.snapshot.notes.size ?? 0} in all)`);
    });
  }

  async snapshot(): Promise<KnowledgeBaseSnapshot> {
    const loaded = await this.host.ready();
    return this.host.kb.current ?? loaded;
  }

  lookup(s: KnowledgeBaseSnapshot): LayeredLookup {
    let lookup = this.lookups.get(s);
    if (!lookup) {
      lookup = layeredLookup(s);
      this.lookups.set(s, lookup);
      const index = lookup.base;
      this.host.log.info(`lookup index: ${index.items.length} items, ${index.names.length} names, built in ${index.buildMs.toFixed(0)} ms`);
      this.warm(index);
    }
    if (!this.last || (s.generation ?? 0) >= (this.last.snapshot.generation ?? 0)) this.last = lookup;
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
