// Shared helpers for the test scripts (run-integration, run-e2e, start, test-all).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const require = createRequire(import.meta.url);

export function fmtSeconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Runs a command with inherited stdio in the repo root; rejects with a clear message on failure. */
export function run(cmd, args, { env, cwd = root, label } = {}) {
  const what = label ?? [cmd, ...args].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.on('error', (e) => reject(new Error(`${what}: ${e.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${what} failed (${signal ? `signal ${signal}` : `exit code ${code}`})`));
    });
  });
}

/** Runs `fn`, printing `label` and how long it took. */
export async function step(label, fn) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const r = await fn();
  console.log(`✓ ${label} (${fmtSeconds(Date.now() - t0)})`);
  return r;
}

/**
 * Runs scripts/build.mjs (with --tests: tsc into out/ too). `clean` folders (relative to the repo) are
 * removed first, so that compiled tests whose sources were deleted or renamed do not run.
 */
export const build = (withTests = true, clean = []) =>
  step(withTests ? 'build (node scripts/build.mjs --tests)' : 'build (node scripts/build.mjs)', () => {
    for (const dir of clean) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
    return run(process.execPath, ['scripts/build.mjs', ...(withTests ? ['--tests'] : [])]);
  });

export const setupCodeServer = () =>
  step('set up code-server (scripts/setup-code-server.sh)', () => run('bash', ['scripts/setup-code-server.sh']));

/** Loads the compiled test/support/codeServer.ts (needs `build --tests`). */
export function loadCodeServerLib() {
  const file = path.join(root, 'out', 'test', 'support', 'codeServer.js');
  if (!fs.existsSync(file)) throw new Error(`${file} missing: run node scripts/build.mjs --tests`);
  return require(file);
}

const stripAnsi = (s) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

/** Counts from a tier's output: its last plain `N passed, M failed` line, else mocha's summary. */
export function parseCounts(output) {
  const text = stripAnsi(output);
  let m;
  let plain;
  const plainRe = /^\s*(?:[\w-]+:\s*)?(\d+) passed, (\d+) failed\b/gm;
  while ((m = plainRe.exec(text))) plain = { passed: Number(m[1]), failed: Number(m[2]) };
  if (plain) return plain;
  let passing;
  let failing;
  const passRe = /^\s*(\d+) passing\b/gm;
  while ((m = passRe.exec(text))) passing = Number(m[1]);
  const failRe = /^\s*(\d+) failing\b/gm;
  while ((m = failRe.exec(text))) failing = Number(m[1]);
  if (passing !== undefined || failing !== undefined) return { passed: passing ?? 0, failed: failing ?? 0 };
  return undefined;
}

/** The plain closing line that CI reads. */
export function closingLine(passed, failed) {
  return `${passed} passed, ${failed} failed`;
}

/** Lists files under `dir` whose names end with `suffix`, sorted. */
export function findFiles(dir, suffix, acc = []) {
  if (!fs.existsSync(dir)) return acc;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(p, suffix, acc);
    else if (e.name.endsWith(suffix)) acc.push(p);
  }
  return acc.sort();
}

/** Calls `cleanup` once on SIGINT/SIGTERM, then exits with 130/143. */
export function onSignals(cleanup) {
  let done = false;
  for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.on(sig, async () => {
      if (done) return;
      done = true;
      try {
        await cleanup();
      } finally {
        process.exit(code);
      }
    });
  }
}
