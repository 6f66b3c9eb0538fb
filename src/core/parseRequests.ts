import { parseNote, type ParsedNote } from './noteParser';

/** Notes over this size are listed but not loaded: they would stall parsing, hovers and the preview. */
export const MAX_NOTE_BYTES = 4 * 1024 * 1024;

/** A note file to parse: its text, or (for a parser that reads files itself) only its path. */
export interface ParseRequest {
  id: string;
  path: string;
  root: string;
  text?: string;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A parsed note, or why the file could not be read; `stamp` when the parser read the file itself. */
export type ParseOutcome = { parsed: ParsedNote; stamp?: FileStamp; error?: undefined } | { error: string; stamp?: FileStamp; parsed?: undefined };

/** Parses notes somewhere else (a worker), in the order asked. */
export interface NoteParser {
  parse(requests: ParseRequest[]): Promise<ParseOutcome[]>;
  /** Whether it reads a request's file when it has no text (a Node worker can; a web worker has no file access). */
  readonly readsFiles: boolean;
}

/** Reads files at once, for a parser running where that blocks no one (a worker thread). */
export interface SyncFiles {
  stat(path: string): FileStamp;
  read(path: string): Uint8Array;
}

const decoder = new TextDecoder('utf-8');

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/** A note file's text, or why it is not a note: too large, binary. */
export function noteText(bytes: Uint8Array): { text: string; error?: undefined } | { error: string; text?: undefined } {
  if (bytes.length > MAX_NOTE_BYTES) return { error: tooLarge(bytes.length) };
  if (looksBinary(bytes)) return { error: 'file is binary, not a Markdown note' };
  return { text: decoder.decode(bytes).replace(/^\uFEFF/, '') };
}

export function tooLarge(size: number): string {
  return `file is too large to load (${(size / 1048576).toFixed(1)} MB; the limit is ${MAX_NOTE_BYTES / 1048576} MB)`;
}

/** Parses requests here, one by one (what a worker does with a batch); one that has no text is read with `read`. */
export function parseRequests(requests: readonly ParseRequest[], files?: SyncFiles): ParseOutcome[] {
  return requests.map((r): ParseOutcome => {
    let text = r.text;
    let stamp: FileStamp | undefined;
    if (text === undefined) {
      if (!files) return { error: 'file cannot be read: this parser reads no files' };
      try {
        stamp = files.stat(r.path);
        if (stamp.size > MAX_NOTE_BYTES) return { error: tooLarge(stamp.size), stamp };
        const decoded = noteText(files.read(r.path));
        if (decoded.error !== undefined) return { error: decoded.error, stamp };
        text = decoded.text;
      } catch (e) {
        return { error: `file cannot be read: ${(e as Error).message}`, stamp };
      }
    }
    try {
      return { parsed: parseNote(r.id, r.path, r.root, text), stamp };
    } catch (e) {
      return { error: `note could not be read: ${(e as Error).message}`, stamp };
    }
  });
}
