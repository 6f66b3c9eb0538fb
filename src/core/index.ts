/** The pure core of AI Notes: everything here runs without `vscode` (extension host, CLI, tests). */
export * from './types';
export { createKnowledgeBase, classifyPath, MAX_NOTE_BYTES } from './knowledgeBase';
export type { KnowledgeBase, KnowledgeBaseOptions, KnowledgeBaseSnapshot } from './knowledgeBase';
export { lintKnowledgeBase, resolveNoteLink, normaliseName } from './lint';
export { parseNote, extractHeadings } from './noteParser';
export { parseFrontMatter } from './frontMatter';
export { nodeNoteFiles } from './nodeFiles';
export { slugify } from './slug';
