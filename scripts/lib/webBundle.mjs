// The web bundle's checks: no Node built-in may be imported (a web worker has none), and its size is reported
// against the budget (issue 17: all of dist/web at most 3 MB).
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';

export const WEB_BUDGET_BYTES = 3 * 1024 * 1024;
const builtins = new Set(builtinModules.filter((m) => !m.startsWith('_')));

/** Whether an import names a Node built-in (`node:fs`, `fs`, `fs/promises`, …). */
export function isNodeBuiltin(spec) {
  if (spec.startsWith('node:')) return true;
  return builtins.has(spec) || builtins.has(spec.split('/')[0]);
}

/** An esbuild plugin that fails the build on any import of a Node built-in, naming the importer. */
export const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point' || !isNodeBuiltin(args.path)) return undefined;
      return { errors: [{ text: `the web bundle imports the Node built-in "${args.path}" (from ${args.importer}); a web worker has none: use src/features/platform.ts or src/shared/posixPath.ts` }] };
    });
  },
};

/**
 * Prints the size of every file in `dir`; a production build (minified, what the VSIX ships) fails when the total
 * is over the budget. A development build is not minified and only reports.
 */
export function reportWebBundle(results, dir, production) {
  if (!results.length || !fs.existsSync(dir)) return;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  const sizes = files.map((f) => [f, fs.statSync(path.join(dir, f)).size]);
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  const mb = (n) => `${(n / 1048576).toFixed(2)} MB`;
  if (!production) return;
  console.log(`web bundle: ${sizes.map(([f, n]) => `${f} ${mb(n)}`).join(', ')}; total ${mb(total)} (budget ${mb(WEB_BUDGET_BYTES)})`);
  if (total > WEB_BUDGET_BYTES) throw new Error(`the web bundle (${dir}, all chunks) is ${mb(total)}, over the ${mb(WEB_BUDGET_BYTES)} budget`);
}
