import { conceptsCommand } from './cli/concepts';
import { lintCommand } from './cli/lint';
import { renderCommand } from './cli/render';
import { scanCommand } from './cli/scan';
import { searchCommand, showCommand } from './cli/search';
import { parseCommandArgs, UsageError, type CliCommand } from './cli/shared';

/** The CLI: the same core as the extension, from a terminal. One module per command. */
const commands: Record<string, CliCommand> = {
  concepts: conceptsCommand,
  lint: lintCommand,
  render: renderCommand,
  scan: scanCommand,
  search: searchCommand,
  show: showCommand,
};

function usage(): string {
  return `usage: ai-notes <command> [options]\n\ncommands:\n${Object.values(commands).map((c) => `  ${c.usage}`).join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`unknown command: ${name}\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(parseCommandArgs(command, rest));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`ai-notes ${name}: ${e.message}\nusage: ai-notes ${command.usage}\n`);
    return 2;
  }
}

/**
 * A reader that goes away early (`ai-notes scan big.py | head -1`) is no error: the rest of the output is dropped
 * and the command ends with its own exit code, without a stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    stream.write = (() => true) as typeof stream.write;
  });
}
quietOnClosedPipe(process.stdout);
quietOnClosedPipe(process.stderr);

// No process.exit: through a pipe, stdout is written asynchronously, and exiting right after the last write would
// cut the output (at 64 KiB). Setting the exit code lets Node end the process once everything is written.
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  },
);
