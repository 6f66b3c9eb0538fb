// npm run test:integration — the integration suite (test/integration/**/*.itest.ts) inside a real
// VS Code extension host: code-server 4.100.3 with the extension under test installed as a folder
// plus the test-only runner extension (test/integration-runner), examples/ as the workspace, and
// headless Chromium connected (the extension host starts only when a window connects). The runner
// calls out/test/integration/index.js run() and writes the results to a file this script waits for.
//
// Env: AI_NOTES_INTEGRATION_TIMEOUT (ms, default 300000), AI_NOTES_TEST_GREP (mocha grep),
//      AI_NOTES_SKIP_BUILD=1 (reuse out/ and dist/), AI_NOTES_VERBOSE=1 (echo code-server output),
//      AI_NOTES_KEEP_TMP=1 (keep the temp user-data dir for inspection).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, closingLine, fmtSeconds, loadCodeServerLib, onSignals, root, setupCodeServer, step } from './lib/harness.mjs';

const t0 = Date.now();
const timeout = Number(process.env.AI_NOTES_INTEGRATION_TIMEOUT) || 300_000;
const startTimeout = Math.min(timeout, 120_000);
let server;
let workbench;
let tmp;

async function cleanup() {
  await workbench?.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
onSignals(cleanup);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A rename whose onWillRenameFiles participant returns edits makes VS Code ask once, in a modal dialog, whether an
// extension may make "refactoring changes" (VS Code skips it only for extensionTests runs, which code-server has
// not). A user answers OK with "Do not ask me again"; so does this, so the tests see the edits applied.
async function answerParticipantDialog(page) {
  try {
    const dialog = page.locator('.monaco-dialog-box').filter({ hasText: 'wants to make refactoring changes' }).first();
    if (!(await dialog.isVisible())) return;
    const checkbox = dialog.locator('.dialog-checkbox-row .monaco-checkbox, .dialog-checkbox-row input').first();
    if (await checkbox.isVisible().catch(() => false)) await checkbox.click({ timeout: 1000 }).catch(() => undefined);
    await dialog.locator('.dialog-buttons .monaco-button').filter({ hasText: /^OK$/ }).first().click({ timeout: 2000 });
  } catch {
    // The dialog went away, or the page is busy: the next poll looks again.
  }
}

function tailLines(text, n) {
  const lines = text.split('\n');
  return lines.slice(Math.max(0, lines.length - n)).join('\n');
}

async function main() {
  if (process.env.AI_NOTES_SKIP_BUILD !== '1') await build(true, ['out/test/integration']);
  await setupCodeServer();
  const entry = path.join(root, 'out', 'test', 'integration', 'index.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} missing: did tsc compile test/integration/index.ts?`);
  if (!fs.existsSync(path.join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js missing: did the build run?');
  const cs = loadCodeServerLib();

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-integration-'));
  const resultFile = path.join(tmp, 'result.json');
  const runnerDir = path.join(root, 'test', 'integration-runner');
  const runnerPj = JSON.parse(fs.readFileSync(path.join(runnerDir, 'package.json'), 'utf8'));

  server = await step('start code-server', () =>
    cs.startCodeServer({
      workspace: path.join(root, 'examples'),
      extensions: [{ folder: root }, { folder: runnerDir, files: ['package.json', 'extension.js'] }],
      env: { AI_NOTES_TEST_ENTRY: entry, AI_NOTES_TEST_RESULT: resultFile },
      startTimeout: startTimeout,
    }),
  );
  // The same two values as a file beside the runner, in case the environment does not reach the host.
  const runnerInstalled = path.join(server.extensionsDir, `${runnerPj.publisher}.${runnerPj.name}-${runnerPj.version}`);
  fs.writeFileSync(path.join(runnerInstalled, 'test-config.json'), JSON.stringify({ entry, result: resultFile }, null, 2));
  console.log(`code-server ${server.baseUrl} (user data ${server.userDataDir})`);

  workbench = await step('open the workbench in Chromium', () => cs.openWorkbench(server.url, { timeout: startTimeout }));

  const started = Date.now();
  const results = await step('run the suite in the extension host', async () => {
    for (;;) {
      if (fs.existsSync(resultFile)) return JSON.parse(fs.readFileSync(resultFile, 'utf8'));
      const elapsed = Date.now() - started;
      const runnerStarted = fs.existsSync(`${resultFile}.started`);
      if (elapsed > timeout || (!runnerStarted && elapsed > startTimeout)) {
        const why = runnerStarted
          ? `the suite did not finish within ${fmtSeconds(timeout)} (AI_NOTES_INTEGRATION_TIMEOUT)`
          : `the runner extension did not start within ${fmtSeconds(startTimeout)}: the extension host did not come up or did not activate it`;
        const err = new Error(why);
        err.showLogs = true;
        throw err;
      }
      await answerParticipantDialog(workbench.page);
      await sleep(250);
    }
  });

  console.log('\n' + results.output.trimEnd());
  if (workbench.errors.length && results.failed) {
    console.log(`\nbrowser console errors:\n  ${workbench.errors.slice(-10).join('\n  ')}`);
  }
  if (results.failed) server.dumpLogs(60);
  return results;
}

let code = 1;
let passed = 0;
let failed = 1;
try {
  const r = await main();
  passed = r.passed;
  failed = r.failed;
  code = failed === 0 && passed > 0 ? 0 : 1;
  if (passed === 0 && failed === 0) console.error('\nno integration test ran');
} catch (e) {
  console.error(`\nintegration tier FAILED: ${e.message}`);
  if (server) {
    const log = server.exthostLog();
    console.error(`\n----- extension host log, last 80 lines (${server.logsDir}) -----`);
    console.error(log ? tailLines(log, 80) : '(none written: the extension host never started)');
    console.error(`----- code-server output, last 40 lines -----\n${tailLines(server.output(), 40)}\n-----`);
  }
  if (workbench?.errors.length) console.error(`browser console errors:\n  ${workbench.errors.slice(-10).join('\n  ')}`);
} finally {
  await cleanup();
}
console.log(`\nintegration tier: ${fmtSeconds(Date.now() - t0)}`);
console.log(closingLine(passed, failed));
process.exit(code);
