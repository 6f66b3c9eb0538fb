import * as path from 'node:path';
import { lintKnowledgeBase } from '../core';
import { loadNotes, UsageError, type CliCommand } from './shared';

export const lintCommand: CliCommand = {
  usage:
    'lint [folder...] [--max-warnings N]\n' +
    '                             check notes (default: the bundled notes); prints file:line: message; exit 1 on any error\n' +
    '                             or on more than N warnings',
  options: { 'max-warnings': { type: 'string' } },
  async run(args) {
    const maxWarnings = args.flags['max-warnings'] === undefined ? Infinity : Number(args.flags['max-warnings']);
    if (!(maxWarnings >= 0)) throw new UsageError('--max-warnings takes a number ≥ 0');
    const snapshot = await loadNotes(args, args.positional);
    const problems = lintKnowledgeBase(snapshot);
    for (const p of problems) {
      const file = path.relative(process.cwd(), p.path) || p.path;
      console.log(`${file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
    }
    const errors = problems.filter((p) => p.severity === 'error').length;
    console.error(`${snapshot.notes.size} notes checked, ${errors} error(s), ${problems.length - errors} warning(s)`);
    return errors > 0 || problems.length - errors > maxWarnings ? 1 : 0;
  },
};
