// npm run test:e2e — end-to-end tests of the packaged extension: builds the tests, packages the VSIX
// (npm run package), makes sure code-server and Chromium are set up, then runs mocha over
// out/test/e2e/**/*.e2e.js. Each test file starts its own code-server with the VSIX installed into
// a fresh extensions dir (test/support/codeServer.ts), so the artefact users get is what is tested.
//
// Env: AI_NOTES_E2E_TIMEOUT (ms per test, default 300000), AI_NOTES_TEST_GREP (mocha grep),
//      AI_NOTES_SKIP_BUILD=1 (reuse out/ and the VSIX), AI_NOTES_VSIX (VSIX to test),
//      AI_NOTES_VERBOSE=1, AI_NOTES_KEEP_TMP=1.
import fs from 'node:fs';
import path from 'node:path';
import { build, closingLine, findFiles, fmtSeconds, require, root, run, setupCodeServer, step } from './lib/harness.mjs';

const t0 = Date.now();
let passed = 0;
let failed = 0;
let code = 1;

try {
  const vsix = process.env.AI_NOTES_VSIX || path.join(root, 'ai-notes-0.1.0.vsix');
  if (process.env.AI_NOTES_SKIP_BUILD !== '1') {
    await build(true, ['out/test/e2e']);
    await step('package the VSIX (npm run package)', () => run('npm', ['run', 'package']));
  }
  if (!fs.existsSync(vsix)) throw new Error(`VSIX not found: ${vsix}`);
  process.env.AI_NOTES_VSIX = vsix;
  await setupCodeServer();

  const files = findFiles(path.join(root, 'out', 'test', 'e2e'), '.e2e.js');
  if (files.length === 0) throw new Error('no e2e tests found (out/test/e2e/**/*.e2e.js)');

  const Mocha = require('mocha');
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    timeout: Number(process.env.AI_NOTES_E2E_TIMEOUT) || 300_000,
    slow: 10_000,
    ...(process.env.AI_NOTES_TEST_GREP ? { grep: process.env.AI_NOTES_TEST_GREP } : {}),
  });
  for (const f of files) mocha.addFile(f);
  console.log(`\n▶ e2e tests (${files.length} file${files.length === 1 ? '' : 's'})`);
  await mocha.loadFilesAsync();
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', () => failed++);
  });
  code = failed === 0 && passed > 0 ? 0 : 1;
  if (passed + failed === 0) console.error('no e2e test ran');
} catch (e) {
  console.error(`\ne2e tier FAILED: ${e.message}`);
  failed = Math.max(failed, 1);
}
console.log(`\ne2e tier: ${fmtSeconds(Date.now() - t0)}`);
console.log(closingLine(passed, failed));
process.exit(code);
