// npm test — every test tier in order: eslint, unit, notes lint, integration (code-server extension host),
// e2e (packaged VSIX in code-server + Chromium). Each tier runs even when an earlier one failed.
// Prints each tier's wall time, a summary, and as the very last line `N passed, M failed` summed over
// the tiers (from each tier's own `N passed, M failed` line, or mocha's `N passing` / `M failing`;
// a tier that prints neither counts as one check, passed or failed by its exit code).
// Exits non-zero when any tier fails.
//
// Env: AI_NOTES_TIERS=eslint,unit,lint,integration,e2e (subset/order), AI_NOTES_TIER_TIMEOUT (ms per tier,
// default 1800000).
import { spawn } from 'node:child_process';
import { closingLine, fmtSeconds, parseCounts, root } from './lib/harness.mjs';

const ALL_TIERS = [
  { id: 'eslint', name: 'eslint', script: 'lint' },
  { id: 'unit', name: 'unit', script: 'test:unit' },
  { id: 'lint', name: 'notes lint', script: 'lint:notes' },
  { id: 'integration', name: 'integration', script: 'test:integration' },
  { id: 'e2e', name: 'e2e', script: 'test:e2e' },
];
const wanted = (process.env.AI_NOTES_TIERS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const tiers = wanted.length ? wanted.map((id) => {
  const t = ALL_TIERS.find((x) => x.id === id);
  if (!t) throw new Error(`unknown tier ${id} in AI_NOTES_TIERS (known: ${ALL_TIERS.map((x) => x.id).join(', ')})`);
  return t;
}) : ALL_TIERS;
const tierTimeout = Number(process.env.AI_NOTES_TIER_TIMEOUT) || 30 * 60_000;

function runTier(tier) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    let out = '';
    let timedOut = false;
    const child = spawn('npm', ['run', tier.script], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => {
      timedOut = true;
      process.stderr.write(`\n[test-all] ${tier.name}: timed out after ${fmtSeconds(tierTimeout)}; stopping it\n`);
      try {
        process.kill(-child.pid, 'SIGTERM');
        setTimeout(() => {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 10_000).unref();
      } catch {
        /* gone */
      }
    }, tierTimeout);
    const onData = (stream) => (d) => {
      out += d.toString();
      stream.write(d);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const finish = (code) => {
      clearTimeout(timer);
      resolve({ code, out, ms: Date.now() - t0, timedOut });
    };
    child.on('error', (e) => {
      out += `\n${e.message}\n`;
      finish(1);
    });
    child.on('close', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

const results = [];
let current;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (current?.pid) {
      try {
        process.kill(-current.pid, sig);
      } catch {
        /* gone */
      }
    }
    process.exit(130);
  });
}

const t0 = Date.now();
for (const tier of tiers) {
  console.log(`\n${'━'.repeat(72)}\n[test-all] ${tier.name}: npm run ${tier.script}\n${'━'.repeat(72)}`);
  const r = await runTier(tier);
  let counts = parseCounts(r.out);
  let note = '';
  if (!counts) {
    counts = r.code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
    note = ' (no count line: counted as one check)';
  }
  const ok = r.code === 0 && counts.failed === 0 && counts.passed > 0 && !r.timedOut;
  if (r.timedOut) note += ` (timed out after ${fmtSeconds(tierTimeout)})`;
  if (!ok && counts.failed === 0) {
    counts = { ...counts, failed: 1 };
    if (!r.timedOut) note += r.code !== 0 ? ` (exit code ${r.code})` : ' (no test ran)';
  }
  results.push({ tier, ok, ...counts, ms: r.ms, note });
  console.log(`[test-all] ${tier.name}: ${ok ? 'PASS' : 'FAIL'} — ${counts.passed} passed, ${counts.failed} failed${note} in ${fmtSeconds(r.ms)}`);
}

const passed = results.reduce((s, r) => s + r.passed, 0);
const failed = results.reduce((s, r) => s + r.failed, 0);
console.log(`\n${'━'.repeat(72)}\n[test-all] summary (${fmtSeconds(Date.now() - t0)} in all)`);
for (const r of results) {
  console.log(
    `  ${r.ok ? 'PASS' : 'FAIL'}  ${r.tier.name.padEnd(12)} ${String(r.passed).padStart(5)} passed ${String(r.failed).padStart(4)} failed  ${fmtSeconds(r.ms).padStart(8)}${r.note}`,
  );
}
const allOk = results.every((r) => r.ok);
console.log(allOk ? '[test-all] all tiers passed' : `[test-all] FAILED tiers: ${results.filter((r) => !r.ok).map((r) => r.tier.name).join(', ')}`);
console.log(closingLine(passed, failed));
process.exit(allOk ? 0 : 1);
