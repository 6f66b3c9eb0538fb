/** Lookup: the precomputed index, concept search (Fuse + exact/prefix/pinyin tiers) and full-text search. */
export { buildLookupIndex, startLookupIndex, FUSE_KEYS, FUSE_THRESHOLD } from './lookupIndex';
export type { LookupIndex, LookupIndexBuilder, LookupIndexOptions, LookupItem, NameEntry, NameField } from './lookupIndex';
export { layeredLookup, applySnapshotChanges, searchLookup, MAX_DELTA_NOTES } from './layeredLookup';
export type { LayeredLookup } from './layeredLookup';
export { searchConcepts, warmMeaningIndex, noteNames, capQuery, FUSE_CANDIDATES, MAX_QUERY_LENGTH, MAX_QUERY_WORDS } from './searchConcepts';
export type { LookupMatch, MatchTier, SearchOptions } from './searchConcepts';
export { buildFullTextIndex, searchFullText } from './fullTextSearch';
export type { Cancellation, FullTextIndex, FullTextOptions, LineMatch } from './fullTextSearch';
export { normalizeText, compactText } from './normalize';
export { pinyinForms } from './pinyin';
export type { PinyinForms } from './pinyin';
export { matchSnippet } from './snippet';
export { plainLine, plainMath } from './plainText';
