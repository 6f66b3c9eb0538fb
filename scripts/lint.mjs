// npm run lint — ESLint over the whole tree with the rules of eslint.config.mjs (the code's shape:
// a pure core, downward imports, no cycles). Prints the problems, then `N passed, M failed`
// counted in files, the line scripts/test-all.mjs reads.
import { ESLint } from 'eslint';
import { closingLine, root } from './lib/harness.mjs';

const eslint = new ESLint({ cwd: root });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results);
if (text) console.log(text);
const failed = results.filter((r) => r.errorCount > 0).length;
console.log(`eslint: ${results.length} files checked, ${results.reduce((s, r) => s + r.errorCount, 0)} error(s), ${results.reduce((s, r) => s + r.warningCount, 0)} warning(s)`);
console.log(closingLine(results.length - failed, failed));
process.exitCode = failed ? 1 : 0;
