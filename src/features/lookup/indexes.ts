import {
  buildFullTextIndex,
  buildLookupIndex,
  type FullTextIndex,
  type KnowledgeBaseSnapshot,
  type LookupIndex,
} from '../../core';
import type { NotesHost } from '../notesHost';

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
