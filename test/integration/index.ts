// Entry of the integration suite, run inside a VS Code extension host:
//  - in code-server by the test-only runner extension (test/integration-runner, started by
//    scripts/run-integration.mjs), which writes the returned results to a file;
//  - in VS Code desktop by @vscode/test-electron (test/run-electron.ts), which only looks at whether
//    run() resolves or rejects.
// Runs mocha (BDD: describe/it) over out/test/integration/**/*.itest.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { reportedFigures } from './figures';
import Mocha = require('mocha');

export interface Failure {
  title: string;
  error: string;
}

export interface Results {
  passed: number;
  failed: number;
  pending: number;
  failures: Failure[];
  /** A mocha-spec-like transcript of the run. */
  output: string;
}

function findTests(dir: string, acc: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findTests(p, acc);
    else if (e.name.endsWith('.itest.js')) acc.push(p);
  }
  return acc.sort();
}

/**
 * Runs the suite. Resolves to the results when every test passed; otherwise rejects with an Error
 * whose `results` property holds them (so test-electron sees a failure and the runner extension still
 * gets the details).
 */
export async function run(): Promise<Results> {
  const grep = process.env.AI_NOTES_TEST_GREP;
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.AI_NOTES_TEST_TIMEOUT) || 30_000,
    // Our own transcript below; the spec reporter's console output would only reach the exthost log.
    reporter: function NullReporter() {} as unknown as Mocha.ReporterConstructor,
    ...(grep ? { grep } : {}),
  });
  for (const f of findTests(__dirname)) mocha.addFile(f);
  await mocha.loadFilesAsync();

  const results: Results = { passed: 0, failed: 0, pending: 0, failures: [], output: '' };
  const lines: string[] = [];
  const indent = (n: number) => '  '.repeat(n);
  let depth = 0;

  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('suite', (s: Mocha.Suite) => {
      if (s.root) return;
      depth++;
      lines.push(`${indent(depth)}${s.title}`);
    });
    runner.on('suite end', (s: Mocha.Suite) => {
      if (!s.root) depth--;
    });
    runner.on('pass', (t: Mocha.Test) => {
      results.passed++;
      lines.push(`${indent(depth + 1)}✔ ${t.title} (${t.duration ?? 0}ms)`);
    });
    runner.on('pending', (t: Mocha.Test) => {
      results.pending++;
      lines.push(`${indent(depth + 1)}- ${t.title}`);
    });
    runner.on('fail', (t: Mocha.Runnable, err: Error) => {
      results.failed++;
      results.failures.push({ title: t.fullTitle(), error: (err && (err.stack || err.message)) || String(err) });
      lines.push(`${indent(depth + 1)}${results.failed}) ${t.title}`);
    });
  });

  const figures = reportedFigures();
  if (figures.length) lines.push('', '  figures:', ...figures.map((f) => `    ${f}`));
  lines.push('', `  ${results.passed} passing`);
  if (results.pending) lines.push(`  ${results.pending} pending`);
  if (results.failed) {
    lines.push(`  ${results.failed} failing`, '');
    results.failures.forEach((f, i) => lines.push(`  ${i + 1}) ${f.title}:`, indentBlock(f.error, 6), ''));
  }
  results.output = lines.join('\n') + '\n';
  console.log(results.output);
  // test-electron has no channel for counts: it asks for them in a file (see test/run-electron.ts).
  if (process.env.AI_NOTES_ELECTRON_RESULT) {
    fs.writeFileSync(process.env.AI_NOTES_ELECTRON_RESULT, JSON.stringify(results, null, 2));
  }

  if (results.failed > 0) {
    const e = new Error(`${results.failed} integration test(s) failed`) as Error & { results: Results };
    e.results = results;
    throw e;
  }
  return results;
}

function indentBlock(text: string, n: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(n) + l)
    .join('\n');
}
