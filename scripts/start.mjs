// npm start — builds the extension, makes sure code-server is set up, and serves a VS Code in the
// browser on 127.0.0.1 with the extension installed (as a folder copy of the build) and examples/
// opened as the workspace. Runs until Ctrl+C.
//
//   npm start                     port from $PORT, else 8080, else the next free port
//   npm start -- path/to/folder   open another folder instead of examples/
//   PORT=9000 npm start
// After changing the code, stop it and run npm start again (the extension is copied at start).
import path from 'node:path';
import fs from 'node:fs';
import * as esbuild from 'esbuild';
import { build, onSignals, require, root, setupCodeServer, step } from './lib/harness.mjs';

await build(false);
const codeServerDir = process.env.AI_NOTES_CODE_SERVER_DIR || path.join(root, '.cache', 'code-server');
if (!fs.existsSync(path.join(codeServerDir, '.setup-complete-4.100.3'))) {
  console.log('\nfirst run: setting up a local VS Code (code-server 4.100.3 from npm, Chromium from Debian), about 2 minutes…\n');
}
await setupCodeServer();

// The code-server helpers live in test/support/codeServer.ts; bundle them on the fly (no type check,
// so a broken test elsewhere does not stop npm start).
const lib = path.join(root, 'out', 'start', 'codeServer.js');
await esbuild.build({
  entryPoints: [path.join(root, 'test', 'support', 'codeServer.ts')],
  outfile: lib,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['playwright-core'],
  logLevel: 'warning',
});
const cs = require(lib);

const workspace = path.resolve(process.argv[2] ?? path.join(root, 'examples'));
if (!fs.existsSync(workspace)) {
  console.error(`workspace folder not found: ${workspace}`);
  process.exit(1);
}
const wanted = Number(process.env.PORT) || 8080;
const port = await cs.pickPort(wanted);
const server = await step('start code-server', () =>
  // AI_NOTES_TRY_OUT: the extension opens its side bar and the "Get started with AI Notes" walkthrough once.
  cs.startCodeServer({ workspace, extensions: [{ folder: root }], port, env: { AI_NOTES_TRY_OUT: '1' }, verbose: process.env.AI_NOTES_VERBOSE === '1' }),
);
let stopping = false;
onSignals(async () => {
  stopping = true;
  console.log('\nstopping code-server…');
  await server.stop();
});

const bar = '═'.repeat(Math.max(20, server.url.length + 4));
console.log(`\n${bar}\n  AI Notes in VS Code (code-server 4.100.3)${port !== wanted ? ` — port ${wanted} was busy` : ''}\n\n  ${server.url}\n\n  workspace:  ${workspace}\n  extension:  ${server.extensionsDir}\n  logs:       ${server.logsDir}\n\n  Ctrl+C to stop.\n${bar}\n`);

server.process.on('exit', (code, signal) => {
  if (stopping) return;
  console.error(`code-server exited (${signal ?? `code ${code}`})`);
  server.dumpLogs(40);
  process.exit(code || 1);
});
