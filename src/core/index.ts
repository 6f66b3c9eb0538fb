/** The pure core of AI Notes: everything here runs without `vscode` (extension host, CLI, tests). */
export * from './types';
export { createKnowledgeBase, classifyPath, MAX_NOTE_BYTES } from './knowledgeBase';
export type { KnowledgeBase, KnowledgeBaseOptions, KnowledgeBaseSnapshot } from './knowledgeBase';
export { lintKnowledgeBase, normaliseName } from './lint';
export { decodeLinkPath, parseWikiLink, resolveNoteLink, wikiLinksIn } from './noteLinks';
export { parseNote, extractHeadings } from './noteParser';
export { parseFrontMatter } from './frontMatter';
export { slugify, headingId, slugOfHeadingId, HEADING_ID_PREFIX } from './slug';
export { buildConceptIndex } from './concepts/conceptIndex';
export { GENERIC_WORDS } from './concepts/vocabulary';
export type { Concept, ConceptIndex } from './concepts/conceptIndex';
export { createIdentifierMatcher } from './concepts/identifierMatcher';
export type { ConceptMatch, IdentifierMatcher, MatchKind } from './concepts/identifierMatcher';
export { findIdentifiers } from './concepts/codeIdentifiers';
export type { IdentifierOccurrence, CommentStyle } from './concepts/codeIdentifiers';
export { scanCode, conceptAt, matchOccurrence } from './concepts/scanCode';
export type { ScannedConcept } from './concepts/scanCode';
export { analyseCode } from './concepts/codeEngine';
export { analyseCodeAnySize, WHOLE_FILE_LINES } from './concepts/windowedAnalysis';
export type { CodeAnalysis, CodeHit, CodeMatch, FacetMatch, Via } from './concepts/codeEngine';
export { analysePythonSyntax, parsePython, blankMagics } from './concepts/pythonSyntax';
export type { CodeOccurrence, OccurrenceRole, PythonSyntax } from './concepts/pythonSyntax';
export { splitIdentifier } from './concepts/codeTokens';
// TeX → SVG (MathJax) is deliberately not exported here: it is large and loaded on demand from its own bundle
// (dist/texToSvg.js); import './math/texToSvg' directly where it is needed.
export type { TexToSvg } from './math/texToSvg';
export { buildLookupIndex, searchConcepts, warmMeaningIndex, noteNames, capQuery, MAX_QUERY_LENGTH, buildFullTextIndex, searchFullText, pinyinForms, normalizeText, compactText, matchSnippet, plainLine } from './lookup';
export type { LookupIndex, LookupItem, LookupMatch, MatchTier, NameField, SearchOptions, FullTextIndex, LineMatch, FullTextOptions, Cancellation, PinyinForms } from './lookup';
export { renderNote } from './render/renderNote';
export type { RenderOptions, RenderedNote, RenderedHeading, RenderProblem, NoteToRender } from './render/renderNote';
export { escapeHtml } from './html';
export { isInsideRoot } from './paths';
export { summariseFileConcepts, joinCodeCells, fileConceptsMarkdown } from './concepts/fileConcepts';
export type { ConceptOccurrence, FileConcept, FileConceptTopic, FileConceptSummary, PlacedHit } from './concepts/fileConcepts';
export { conceptCard, keyPointsOf } from './concepts/conceptCard';
export type { ConceptCard } from './concepts/conceptCard';
