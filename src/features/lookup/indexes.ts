import {
  buildFullTextIndex,
  buildLookupIndex,
  type FullTextIndex,
  type KnowledgeBaseSnapshot,
  type LookupIndex,
  warmMeaningIndex,
} from '../../core';
import type { NotesHost } from '../notesHost';

/** Time the meaning index may take per turn of the event loop while it is built ahead of use. */
const WARM_SLICE_MS = 40;

/** The indexes of the current snapshot, built on first use and again after each reload. */
export class Indexes {
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
      this.warm(index);
    }
    return index;
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
