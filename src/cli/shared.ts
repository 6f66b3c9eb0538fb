import * as path from 'node:path';
import { createKnowledgeBase, type KnowledgeBaseSnapshot } from '../core';
import { nodeNoteFiles } from '../node/nodeNoteFiles';

export interface CliArgs {
  /** Positional arguments after the command name. */
  positional: string[];
  /** `--flag` → true, `--key value` → 'value'. */
  flags: Record<string, string | boolean>;
}

export interface CliCommand {
  usage: string;
  run(args: CliArgs): Promise<number>;
}

/** Flags that take a value; every other `--x` is boolean. */
const VALUE_FLAGS = new Set(['limit', 'notes', 'lang']);

export function parseArgs(argv: string[]): CliArgs {
  const positional: string[] = [];
  const flags: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, v] = a.slice(2).split('=', 2);
      if (v !== undefined) flags[k] = v;
      else if (VALUE_FLAGS.has(k) && i + 1 < argv.length) flags[k] = argv[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { positional, flags };
}

export function bundledNotesFolder(): string {
  return path.resolve(__dirname, '..', 'notes');
}

/** Loads the bundled notes plus any `--notes <folder>` given. */
export async function loadNotes(args: CliArgs, folders?: string[]): Promise<KnowledgeBaseSnapshot> {
  const extra = typeof args.flags.notes === 'string' ? [args.flags.notes] : [];
  const roots = (folders && folders.length ? folders : [bundledNotesFolder(), ...extra]).map((f) => path.resolve(f));
  return createKnowledgeBase({ files: nodeNoteFiles, roots }).load();
}
