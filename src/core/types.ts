/** The knowledge base's model. Pure data: no `vscode`, no file system. */

export type Lang = 'zh' | 'en';

export interface Heading {
  level: number;
  text: string;
  /** 0-based line in the note's file. */
  line: number;
  /** Anchor id, the same one the renderer gives the heading. */
  slug: string;
}

/** One parameter or API of a note's concept, with its own code names and a one-line gloss (front matter `facets`). */
export interface Facet {
  /** The label the hover shows: the parameter or API as written in code (`lora_alpha`). */
  name: string;
  /** Code names that mean this facet: identifiers, qualified names, attributes, or `Callee(kw)` keyword arguments. */
  code: string[];
  gloss: string;
  glossEn: string;
  formula?: string;
  /** Text of the note's heading that explains it; "Open note" opens there. */
  heading?: string;
  /** 1-based line of the facet in the file, for lint messages. */
  line: number;
}

export interface Note {
  /** Path under the notes root without `.md`, with `/` separators: `losses/cross-entropy`. */
  id: string;
  /** Id of the topic (folder) holding the note; '' at the root. */
  topicId: string;
  /** Absolute path of the file. */
  path: string;
  /** Absolute path of the notes root the note was found in. */
  root: string;
  title: string;
  titleEn: string;
  aliases: string[];
  summary: string;
  summaryEn: string;
  order?: number;
  formula?: string;
  code: string[];
  related: string[];
  tags: string[];
  /** Names this note deliberately shares with other notes, each optionally followed by `: reason`. */
  ambiguous: string[];
  facets: Facet[];
  headings: Heading[];
  /** Markdown after the front matter. */
  body: string;
  /** 0-based line of the file where `body` starts. */
  bodyLine: number;
  /** Line (1-based) of each front-matter key, for lint messages. */
  fieldLines: Record<string, number>;
  /** Set when the file could not be read as a note; the note is still listed and shows this. */
  error?: string;
}

export interface Topic {
  /** Folder path under the root ('' for the root itself). */
  id: string;
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  order?: number;
  /** The `_index.md`, when there is one. */
  indexPath?: string;
  topics: Topic[];
  notes: Note[];
}

export type Severity = 'error' | 'warning';

export interface Problem {
  path: string;
  /** 1-based line. */
  line: number;
  message: string;
  severity: Severity;
  /** 0-based columns on `line` of what the problem is about (a link target), when known. */
  column?: number;
  endColumn?: number;
}

/**
 * A path the listing left out, and why. `info` is a convention, not a loss (hidden folders, `node_modules`): it is
 * logged, while errors and warnings also become problems of the load.
 */
export interface SkippedPath {
  /** Absolute path of the file or folder left out. */
  path: string;
  message: string;
  severity: Severity | 'info';
}

/** How the core reads files: the extension, the CLI and tests each provide one. */
export interface NoteFiles {
  /**
   * Markdown files under `root`, as paths relative to it with `/` separators. Rejects when the root is missing or
   * cannot be read; anything below it that is left out (a folder that cannot be read, a name that is not UTF-8, a
   * symbolic link, a folder nested too deep) is passed to `skipped`, and the rest is still listed.
   */
  listMarkdown(root: string, skipped?: (item: SkippedPath) => void): Promise<string[]>;
  /** Size in bytes. */
  size(path: string): Promise<number>;
  read(path: string): Promise<Uint8Array>;
  /** Size and modification time, for the note cache (without it every load reads every file). */
  stat?(path: string): Promise<{ size: number; mtimeMs: number }>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

export function displayTitle(item: { title: string; titleEn: string }, lang: Lang): string {
  return (lang === 'zh' ? item.title || item.titleEn : item.titleEn || item.title) || '';
}

export function otherTitle(item: { title: string; titleEn: string }, lang: Lang): string {
  const other = lang === 'zh' ? item.titleEn : item.title;
  return other && other !== displayTitle(item, lang) ? other : '';
}

export function displaySummary(item: { summary: string; summaryEn: string }, lang: Lang): string {
  return (lang === 'zh' ? item.summary || item.summaryEn : item.summaryEn || item.summary) || '';
}
