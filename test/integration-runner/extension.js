// Test-only runner extension (plain JS, no build step): installed only into the code-server instance
// started by scripts/run-integration.mjs. On activation it requires the module named by
// AI_NOTES_TEST_ENTRY (out/test/integration/index.js), awaits its run(), and writes
// {passed, failed, pending, failures: [{title, error}], output} as JSON to AI_NOTES_TEST_RESULT.
// When the environment does not reach the extension host, test-config.json beside this file
// (written by the harness) supplies the same two values.
'use strict';
const fs = require('fs');
const path = require('path');

function config() {
  let entry = process.env.AI_NOTES_TEST_ENTRY;
  let result = process.env.AI_NOTES_TEST_RESULT;
  const file = path.join(__dirname, 'test-config.json');
  if ((!entry || !result) && fs.existsSync(file)) {
    const c = JSON.parse(fs.readFileSync(file, 'utf8'));
    entry = entry || c.entry;
    result = result || c.result;
  }
  return { entry, result };
}

function writeJson(file, data) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, JSON.stringify(data, null, 2));
  fs.renameSync(tmp, file); // atomic: the harness never reads half a file
}

async function runSuite(entry, result) {
  writeJson(`${result}.started`, { pid: process.pid, time: new Date().toISOString(), entry });
  let results;
  try {
    const mod = require(entry);
    const run = mod.run || (mod.default && mod.default.run);
    if (typeof run !== 'function') throw new Error(`${entry} exports no run()`);
    results = await run();
  } catch (e) {
    // run() rejects when tests fail, with the results attached; anything else is a crash.
    results = e && e.results
      ? e.results
      : {
          passed: 0,
          failed: 1,
          pending: 0,
          failures: [{ title: 'integration runner: run()', error: (e && e.stack) || String(e) }],
          output: `run() threw: ${(e && e.stack) || e}\n`,
        };
  }
  writeJson(result, results);
}

function activate() {
  const { entry, result } = config();
  if (!entry || !result) {
    console.log('[ai-notes-test-runner] AI_NOTES_TEST_ENTRY / AI_NOTES_TEST_RESULT not set: nothing to do');
    return;
  }
  // Not awaited: the runner's own activation must not hold up the extension host.
  setTimeout(() => {
    runSuite(entry, result).catch((e) => console.error('[ai-notes-test-runner]', e));
  }, 0);
}

function deactivate() {}

module.exports = { activate, deactivate };
