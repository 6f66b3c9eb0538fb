// Builds the extension: esbuild bundles for the extension host, the CLI and the webview;
// with --tests also type-checks and compiles src/test/bench with tsc into out/ for mocha.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { noNodeBuiltins, reportWebBundle } from './lib/webBundle.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'node20',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', banner: { js: '#!/usr/bin/env node' } },
  // MathJax (TeX → SVG for hovers) is 1.6 MB: its own file, loaded on the first formula hover, not at activation.
  { ...common, entryPoints: ['src/core/math/texToSvg.ts'], outfile: 'dist/texToSvg.js', platform: 'node', format: 'cjs' },
  // The note parser's worker thread: large notes folders load without blocking the extension host.
  { ...common, entryPoints: ['src/node/parseWorker.ts'], outfile: 'dist/parseWorker.js', platform: 'node', format: 'cjs' },
];
// The browser's web worker extension host (vscode.dev, github.dev, code-server's web host): package.json `browser`.
// No Node built-in may reach these bundles (noNodeBuiltins fails the build), and none of process/Buffer is assumed.
// charset utf8: the pinyin and Chinese-variant tables are half the size of their \uXXXX escapes.
const web = { ...common, platform: 'browser', format: 'cjs', target: 'es2022', charset: 'utf8', legalComments: 'none', metafile: true, plugins: [noNodeBuiltins], define: { 'process.env.NODE_ENV': '"production"' } };
const webBuilds = [
  { ...web, entryPoints: ['src/extension.web.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] },
  // MathJax again as its own chunk, fetched and run on the first formula hover (src/web/webTexLoader.ts).
  { ...web, entryPoints: ['src/core/math/texToSvg.ts'], outfile: 'dist/web/texToSvg.js' },
];
builds.push(...webBuilds);
if (fs.existsSync('media/src/index.ts')) {
  builds.push({ ...common, entryPoints: ['media/src/index.ts'], outfile: 'dist/webview/preview.js', platform: 'browser', format: 'iife', target: 'es2022' });
  builds.push({ ...common, entryPoints: ['media/src/conceptHelp.ts'], outfile: 'dist/webview/conceptHelp.js', platform: 'browser', format: 'iife', target: 'es2022' });
}

// A production build starts from an empty dist/ so nothing stale (old maps, removed bundles) reaches the VSIX.
if (production) fs.rmSync('dist', { recursive: true, force: true });

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
  console.log('watching for changes…');
} else {
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  reportWebBundle(results.filter((r, i) => webBuilds.includes(builds[i])), 'dist/web', production);
  copyWebviewAssets();
  if (args.has('--tests')) {
    // tsc never deletes outputs: a renamed or deleted test would keep running from a stale out/.
    fs.rmSync('out', { recursive: true, force: true });
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { stdio: 'inherit' });
    // The webview code has its own tsconfig (DOM lib); esbuild does not type-check it.
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'media', '--noEmit'], { stdio: 'inherit' });
  }
}

// KaTeX CSS and fonts ship inside the VSIX so the preview works offline.
function copyWebviewAssets() {
  fs.mkdirSync('dist/webview/katex', { recursive: true });
  fs.copyFileSync('node_modules/katex/dist/katex.min.css', 'dist/webview/katex/katex.min.css');
  // woff2 only: every browser VS Code runs in reads it, and it is a third of the fonts' size.
  fs.rmSync('dist/webview/katex/fonts', { recursive: true, force: true });
  fs.mkdirSync('dist/webview/katex/fonts', { recursive: true });
  for (const f of fs.readdirSync('node_modules/katex/dist/fonts')) {
    if (f.endsWith('.woff2')) fs.copyFileSync(`node_modules/katex/dist/fonts/${f}`, `dist/webview/katex/fonts/${f}`);
  }
  fs.copyFileSync('node_modules/@vscode/codicons/dist/codicon.css', 'dist/webview/codicon.css');
  fs.copyFileSync('node_modules/@vscode/codicons/dist/codicon.ttf', 'dist/webview/codicon.ttf');
}
