import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

import { createKnowledgeBase, type KnowledgeBaseSnapshot } from '../core';
import { createParsePool } from '../node/parsePool';
import { nodeNoteFiles } from '../node/nodeNoteFiles';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface CliArgs {
  /** Positional arguments after the command name. */
  positional: string[];
  /** `--flag` → true, `--key value` / `--key=value` → 'value'; only the options the command declares. */
  flags: Record<string, string | boolean | undefined>;
}

export interface CliCommand {
  usage: string;
  /** The flags the command accepts (node:util parseArgs options); any other flag is an error. */
  options: ParseArgsOptionsConfig;
  run(args: CliArgs): Promise<number>;
}

/** Thrown for arguments the command does not accept; the CLI prints it with the usage line and exits 2. */
export class UsageError extends Error {}

/** Parses a command's arguments strictly: an unknown or misspelt flag (`--limti 3`) is an error, not a query word. */
export function parseCommandArgs(command: CliCommand, argv: string[]): CliArgs {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: command.options, allowPositionals: true, strict: true });
    return { positional: positionals, flags: values as CliArgs['flags'] };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** `--notes <folder>`: another notes folder next to the bundled notes. */
export const notesOption = { notes: { type: 'string' } } as const satisfies ParseArgsOptionsConfig;
/** `--lang zh|en`. */
export const langOption = { lang: { type: 'string' } } as const satisfies ParseArgsOptionsConfig;
/** `--json`. */
export const jsonOption = { json: { type: 'boolean' } } as const satisfies ParseArgsOptionsConfig;

export function bundledNotesFolder(): string {
  return path.resolve(__dirname, '..', 'notes');
}

/** Loads the bundled notes plus any `--notes <folder>` given. */
export async function loadNotes(args: CliArgs, folders?: string[]): Promise<KnowledgeBaseSnapshot> {
  const extra = typeof args.flags.notes === 'string' ? [args.flags.notes] : [];
  const roots = (folders && folders.length ? folders : [bundledNotesFolder(), ...extra]).map((f) => path.resolve(f));
  // Parsed in worker threads when the bundle has its worker (dist/parseWorker.js beside dist/cli.js).
  const script = path.join(__dirname, 'parseWorker.js');
  const parser = fs.existsSync(script) ? createParsePool(script) : undefined;
  try {
    return await createKnowledgeBase({ files: nodeNoteFiles, roots, parser }).load();
  } finally {
    parser?.dispose();
  }
}
