import * as path from 'node:path';
import { createKnowledgeBase, lintKnowledgeBase, nodeNoteFiles } from './core';

const USAGE = `usage: ai-notes <command> [options]

commands:
  lint [folder...]            check notes (default: the bundled notes); exit 1 on any problem
`;

function bundledNotes(): string {
  return path.resolve(__dirname, '..', 'notes');
}

async function lint(folders: string[]): Promise<number> {
  const roots = (folders.length ? folders : [bundledNotes()]).map((f) => path.resolve(f));
  const kb = createKnowledgeBase({ files: nodeNoteFiles, roots });
  const snapshot = await kb.load();
  const problems = lintKnowledgeBase(snapshot);
  for (const p of problems) {
    const file = path.relative(process.cwd(), p.path) || p.path;
    console.log(`${file}:${p.line}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  console.error(`${snapshot.notes.size} notes checked, ${errors} error(s), ${problems.length - errors} warning(s)`);
  return errors > 0 ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'lint':
      return lint(rest.filter((a) => !a.startsWith('--')));
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command ? 0 : 2;
    default:
      process.stderr.write(`unknown command: ${command}\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  },
);
