import { LineCounter, isScalar, parseDocument, visit, type Document } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** 0-based line where the Markdown body starts. */
  bodyLine: number;
  body: string;
  /** 1-based line of each top-level key. */
  fieldLines: Record<string, number>;
  error?: { line: number; message: string };
}

const FENCE = /^---[ \t]*$/;

/**
 * How far aliases (`*name`) may expand: yaml's guard against alias bombs ("billion laughs"), which the YAML of a
 * note never needs. Over it, the note gets a front-matter error instead of the load running out of memory.
 */
export const MAX_ALIAS_COUNT = 50;

/**
 * Front matter longer than this is not parsed (the note keeps its body and says why): YAML parsing costs about
 * 25 µs a line here, and real front matter is a few hundred bytes.
 */
export const MAX_FRONT_MATTER_CHARS = 512 * 1024;

/** The first key set twice in one mapping (at any depth), with the file line of its second use; linear time. */
function duplicateKey(doc: Document, counter: LineCounter): { key: string; line: number } | undefined {
  let found: { key: string; line: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // Keys compare as yaml's uniqueKeys does: scalars by value, other keys (rare in front matter) by node.
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key)) {
          const range = isScalar(pair.key) ? pair.key.range : undefined;
          found = { key: String(key), line: range ? counter.linePos(range[0]).line + 1 : 2 };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** File line (1-based) of the alias a toJS error is about: the unresolved one it names, else the first alias. */
function aliasLine(doc: Document, counter: LineCounter, message: string): number {
  const named = /alias[^:]*: (\S+)$/i.exec(message)?.[1];
  let first: number | undefined;
  let match: number | undefined;
  visit(doc, {
    Alias(_, node) {
      const at = node.range ? counter.linePos(node.range[0]).line + 1 : undefined;
      first ??= at;
      if (named !== undefined && node.source === named && match === undefined) match = at;
    },
  });
  return match ?? first ?? 2;
}

/** Splits `---` YAML front matter from a Markdown text and parses it; never throws. */
export function parseFrontMatter(text: string): FrontMatter {
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    return { data: {}, bodyLine: 0, body: text, fieldLines: {} };
  }
  const end = lines.findIndex((l, i) => i > 0 && (FENCE.test(l) || /^\.\.\.[ \t]*$/.test(l)));
  if (end < 0) {
    return {
      data: {}, bodyLine: 0, body: text, fieldLines: {},
      error: { line: 1, message: 'front matter is not closed: add a line with --- after it' },
    };
  }
  const yamlText = lines.slice(1, end).join('\n');
  const body = lines.slice(end + 1).join('\n');
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
    const kb = (n: number) => `${Math.round(n / 1024)} KB`;
    const message = `front matter is too long to read (${kb(yamlText.length)}; the limit is ${kb(MAX_FRONT_MATTER_CHARS)})`;
    return { data: {}, bodyLine: end + 1, body, fieldLines: {}, error: { line: 1, message } };
  }
  const counter = new LineCounter();
  // yaml's own uniqueKeys check compares every key with every other (20,000 keys: seconds); duplicateKey does it in one pass.
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false, uniqueKeys: false });
  const fieldLines: Record<string, number> = {};
  const contents = doc.contents as { items?: Array<{ key?: { value?: unknown; range?: [number, number, number] } }> } | null;
  for (const item of contents?.items ?? []) {
    const key = item.key;
    if (key && typeof key.value === 'string' && key.range) fieldLines[key.value] = counter.linePos(key.range[0]).line + 1;
  }
  const duplicate = doc.errors.length > 0 ? undefined : duplicateKey(doc, counter);
  if (duplicate) {
    return { data: {}, bodyLine: end + 1, body, fieldLines, error: { line: duplicate.line, message: `front matter is not valid YAML: Map keys must be unique ("${duplicate.key}" is set twice)` } };
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = (e.linePos?.[0]?.line ?? 1) + 1;
    return { data: {}, bodyLine: end + 1, body, fieldLines, error: { line, message: `front matter is not valid YAML: ${e.message.split('\n')[0]}` } };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // Turning the document into data throws on an alias without an anchor (`title: *a`) and on an alias bomb.
    const message = (e as Error).message.split('\n')[0];
    return { data: {}, bodyLine: end + 1, body, fieldLines, error: { line: aliasLine(doc, counter, message), message: `front matter is not valid YAML: ${message}` } };
  }
  if (data === null || data === undefined) return { data: {}, bodyLine: end + 1, body, fieldLines };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return { data: {}, bodyLine: end + 1, body, fieldLines, error: { line: 2, message: 'front matter must be a YAML mapping (key: value lines)' } };
  }
  return { data: data as Record<string, unknown>, bodyLine: end + 1, body, fieldLines };
}
