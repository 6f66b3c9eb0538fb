// A small library for running the extension in a real VS Code: code-server 4.100.3 (installed by
// scripts/setup-code-server.sh into .cache/code-server) on loopback, driven by headless Debian
// Chromium through playwright-core. See shared/vscode-e2e-offline.md for why it is done this way.
//
// Used by the e2e tests (test/e2e/*.e2e.ts), by scripts/run-integration.mjs (through out/) and by
// scripts/start.mjs (bundled on the fly with esbuild).
import { ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, BrowserContext, Frame, Locator, Page } from 'playwright-core';

/** The repository root: the nearest folder above this file whose package.json is named "ai-notes". */
export const repoRoot: string = findRepoRoot(__dirname);

function findRepoRoot(start: string): string {
  if (process.env.AI_NOTES_ROOT) return path.resolve(process.env.AI_NOTES_ROOT);
  for (let dir = start; ; dir = path.dirname(dir)) {
    const pj = path.join(dir, 'package.json');
    if (fs.existsSync(pj)) {
      try {
        if (JSON.parse(fs.readFileSync(pj, 'utf8')).name === 'ai-notes') return dir;
      } catch {
        /* keep looking */
      }
    }
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export const codeServerDir: string = process.env.AI_NOTES_CODE_SERVER_DIR
  ? path.resolve(process.env.AI_NOTES_CODE_SERVER_DIR)
  : path.join(repoRoot, '.cache', 'code-server');
export const codeServerBin: string = path.join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const chromiumPath: string = process.env.AI_NOTES_CHROMIUM || '/usr/bin/chromium';
export const resultsDir: string = path.join(repoRoot, 'test-results');

/**
 * An extension to install into the fresh extensions dir:
 *  - `{ vsix }`   installed with `code-server --install-extension <vsix> --extensions-dir <dir>`;
 *  - `{ folder }` an extension folder (package.json + built files) copied to
 *                 `<dir>/<publisher>.<name>-<version>`; only the files an installed extension needs are
 *                 copied (package.json, package.nls*.json, the folder of `main`, dist/, media/, notes/,
 *                 l10n/, README/LICENSE/CHANGELOG), or exactly `files` when given.
 *  - a string: a path ending in .vsix is a VSIX, anything else a folder.
 */
export type ExtensionSource = string | { vsix: string } | { folder: string; files?: string[] };

export interface StartOptions {
  /** The folder opened in the workbench. */
  workspace: string;
  extensions?: ExtensionSource[];
  /** Extra user settings, merged over the defaults from the recipe. */
  settings?: Record<string, unknown>;
  /** Sets "workbench.colorTheme", e.g. "Default Dark Modern" or "Default Light Modern". */
  colorTheme?: string;
  /** Extra environment for the server and so for the extension host. */
  env?: Record<string, string | undefined>;
  /** Port to listen on (127.0.0.1); default: a free one. */
  port?: number;
  /** Keep the temp folder after stop() (default: only when AI_NOTES_KEEP_TMP=1). */
  keepTemp?: boolean;
  /** Passed to code-server, e.g. ['--locale', 'zh-cn']. */
  extraArgs?: string[];
  /** Milliseconds to wait for the server to answer (default 60 s). */
  startTimeout?: number;
  /** Print the server's output as it comes (default: only on failure or AI_NOTES_VERBOSE=1). */
  verbose?: boolean;
}

export interface CodeServer {
  /** Workbench URL with ?folder=<workspace>. */
  url: string;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  port: number;
  workspace: string;
  /** The temp folder holding user data, extensions and XDG dirs. */
  tempDir: string;
  userDataDir: string;
  extensionsDir: string;
  logsDir: string;
  process: ChildProcess;
  /** What the server printed so far. */
  output(): string;
  /** Text of the extension host log(s) (remoteexthost.log), '' when none was written yet. */
  exthostLog(): string;
  /** Prints the last `lines` lines of the extension host log and the server's output to stderr. */
  dumpLogs(lines?: number): void;
  stop(): Promise<void>;
}

export const defaultSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

/** A free TCP port on 127.0.0.1 (asks the OS for one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Whether `port` on 127.0.0.1 can be listened on. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/** `preferred` if free, else the next free port above it (up to 100 tries), else any free port. */
export async function pickPort(preferred: number): Promise<number> {
  for (let p = preferred; p < preferred + 100 && p < 65536; p++) {
    if (await isPortFree(p)) return p;
  }
  return freePort();
}

function ensureCodeServer(): void {
  if (!fs.existsSync(codeServerBin)) {
    throw new Error(
      `code-server is not set up (${codeServerBin} missing). Run: npm run setup:code-server`,
    );
  }
  if (!fs.existsSync(chromiumPath) && !process.env.AI_NOTES_NO_BROWSER_CHECK) {
    throw new Error(`Chromium not found at ${chromiumPath}. Run: npm run setup:code-server`);
  }
}

/** The environment for code-server: no VS Code / code-server variables leak in from the caller. */
function serverEnv(tempDir: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    // VSCODE_IPC_HOOK_CLI (set in VS Code's terminal) makes code-server act as a CLI of *that*
    // VS Code; PORT/PASSWORD/HASHED_PASSWORD override our flags; ELECTRON_RUN_AS_NODE confuses it.
    if (/^VSCODE_/.test(k) || ['PORT', 'PASSWORD', 'HASHED_PASSWORD', 'ELECTRON_RUN_AS_NODE', 'CODE_SERVER_PARENT_PID'].includes(k)) continue;
    env[k] = v;
  }
  env.XDG_CONFIG_HOME = path.join(tempDir, 'xdg', 'config');
  env.XDG_DATA_HOME = path.join(tempDir, 'xdg', 'data');
  env.XDG_CACHE_HOME = path.join(tempDir, 'xdg', 'cache');
  env.DONT_PROMPT_WSL_INSTALL = '1';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

function run(file: string, args: string[], env: NodeJS.ProcessEnv, timeout = 180_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { env, timeout, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const out = `${stdout}${stderr}`;
      if (err) reject(new Error(`${path.basename(file)} ${args.join(' ')} failed: ${err.message}\n${out}`));
      else resolve(out);
    });
  });
}

const DEFAULT_EXTENSION_FILES = [
  'package.json',
  'dist',
  'media',
  'notes',
  'examples',
  'l10n',
  'README.md',
  'LICENSE',
  'LICENSE.md',
  'LICENSE.txt',
  'CHANGELOG.md',
];

/** Copies an extension folder into `extensionsDir/<publisher>.<name>-<version>`; returns the target. */
export function installExtensionFolder(folder: string, extensionsDir: string, files?: string[]): string {
  const pjPath = path.join(folder, 'package.json');
  if (!fs.existsSync(pjPath)) throw new Error(`not an extension folder (no package.json): ${folder}`);
  const pj = JSON.parse(fs.readFileSync(pjPath, 'utf8'));
  const target = path.join(extensionsDir, `${pj.publisher}.${pj.name}-${pj.version}`);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  let entries = files;
  if (!entries) {
    entries = [...DEFAULT_EXTENSION_FILES];
    for (const f of fs.readdirSync(folder)) if (/^package\.nls(\..+)?\.json$/.test(f)) entries.push(f);
    if (typeof pj.main === 'string') entries.push(path.normalize(pj.main).split(path.sep)[0]);
    if (typeof pj.browser === 'string') entries.push(path.normalize(pj.browser).split(path.sep)[0]);
  }
  for (const e of new Set(entries)) {
    const src = path.join(folder, e);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(target, e), { recursive: true, dereference: true });
  }
  if (typeof pj.main === 'string') {
    const main = path.join(target, pj.main);
    if (!fs.existsSync(main) && !fs.existsSync(main + '.js')) {
      throw new Error(`extension ${pj.publisher}.${pj.name}: main ${pj.main} is missing (did the build run?)`);
    }
  }
  return target;
}

/** Installs a VSIX into `extensionsDir` with code-server's CLI. */
export async function installVsix(vsix: string, extensionsDir: string, env?: NodeJS.ProcessEnv): Promise<string> {
  ensureCodeServer();
  if (!fs.existsSync(vsix)) throw new Error(`VSIX not found: ${vsix} (run: npm run package)`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-vsix-'));
  try {
    return await run(
      codeServerBin,
      ['--user-data-dir', path.join(tmp, 'user'), '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix), '--force'],
      env ?? serverEnv(tmp),
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => {
      req.destroy();
      resolve(0);
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function findFiles(dir: string, test: (name: string) => boolean, acc: string[] = []): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return acc;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) findFiles(p, test, acc);
    else if (test(e.name)) acc.push(p);
  }
  return acc;
}

function tail(text: string, lines: number): string {
  const all = text.split('\n');
  return all.slice(Math.max(0, all.length - lines)).join('\n');
}

/**
 * Starts code-server on 127.0.0.1 with a fresh temp user-data dir and extensions dir, installs the
 * given extensions, and resolves once the server answers HTTP. The extension host starts only when a
 * browser window connects: call openWorkbench(server.url) next.
 */
export async function startCodeServer(opts: StartOptions): Promise<CodeServer> {
  ensureCodeServer();
  const workspace = path.resolve(opts.workspace);
  if (!fs.existsSync(workspace)) throw new Error(`workspace folder not found: ${workspace}`);
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-code-server-'));
  const userDataDir = path.join(tempDir, 'user');
  const extensionsDir = path.join(tempDir, 'extensions');
  const logsDir = path.join(userDataDir, 'logs');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const settings: Record<string, unknown> = { ...defaultSettings };
  if (opts.colorTheme) settings['workbench.colorTheme'] = opts.colorTheme;
  Object.assign(settings, opts.settings ?? {});
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  const env = serverEnv(tempDir, opts.env);
  // VSIXs first (the CLI writes extensions.json), then folders.
  const sources = (opts.extensions ?? []).map((s) =>
    typeof s === 'string' ? (s.endsWith('.vsix') ? { vsix: s } : { folder: s }) : s,
  );
  for (const s of sources) if ('vsix' in s) await installVsix(s.vsix, extensionsDir, env);
  for (const s of sources) if ('folder' in s) installExtensionFolder(s.folder, extensionsDir, s.files);

  const port = opts.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', path.join(tempDir, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(opts.extraArgs ?? []),
    workspace,
  ];
  fs.writeFileSync(path.join(tempDir, 'config.yaml'), 'auth: none\ncert: false\n');
  const verbose = opts.verbose ?? process.env.AI_NOTES_VERBOSE === '1';
  // detached: its own process group, so stop() also ends the server's children (extension host).
  const child = spawn(codeServerBin, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const onData = (d: Buffer) => {
    const s = d.toString();
    out += s;
    if (out.length > 2_000_000) out = out.slice(-1_000_000);
    if (verbose) process.stderr.write(s.replace(/^/gm, '[code-server] '));
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );
  // Ends the server if the test process dies without calling stop().
  const killGroup = () => {
    try {
      if (child.pid && !exited) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', killGroup);
  // 'exit' does not run when the test process is killed by a signal (a tier timeout, Ctrl+C): end the
  // server's process group then, and re-raise the signal when nobody else handles it.
  const onSignal = (sig: NodeJS.Signals) => {
    killGroup();
    if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const sig of signals) process.once(sig, onSignal);

  const exthostLog = () =>
    findFiles(logsDir, (n) => /exthost\.log$/.test(n))
      .map((f) => `--- ${path.relative(logsDir, f)}\n${fs.readFileSync(f, 'utf8')}`)
      .join('\n')
      // Tests outside any extension folder require 'vscode': the host then lists every extension's
      // path mapping after its warning. Keep the warning, drop the ~40 mapping lines.
      .replace(/^\tfile:\/\/\S+ -> \S+\n/gm, '');

  let stopped = false;
  const server: CodeServer = {
    url: `${baseUrl}/?folder=${encodeURIComponent(workspace)}`,
    baseUrl,
    port,
    workspace,
    tempDir,
    userDataDir,
    extensionsDir,
    logsDir,
    process: child,
    output: () => out,
    exthostLog,
    dumpLogs(lines = 80) {
      const log = exthostLog();
      process.stderr.write(
        `\n----- extension host log (last ${lines} lines; ${logsDir}) -----\n` +
          (log ? tail(log, lines) : '(no extension host log: did a browser window connect?)') +
          `\n----- code-server output (last ${lines} lines) -----\n${tail(out, lines)}\n-----\n`,
      );
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', killGroup);
      for (const sig of signals) process.removeListener(sig, onSignal);
      if (!exited && child.pid) {
        try {
          process.kill(-child.pid, 'SIGTERM');
        } catch {
          /* gone */
        }
        await Promise.race([exitPromise, sleep(5000)]);
        killGroup();
        await Promise.race([exitPromise, sleep(2000)]);
      }
      if (!(opts.keepTemp ?? process.env.AI_NOTES_KEEP_TMP === '1')) {
        fs.rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
  };

  const timeout = opts.startTimeout ?? 60_000;
  const t0 = Date.now();
  for (;;) {
    if (exited) {
      const msg = `code-server exited early (code ${exited.code}, signal ${exited.signal}):\n${tail(out, 60)}`;
      await server.stop();
      throw new Error(msg);
    }
    const status = await httpStatus(`${baseUrl}/healthz`);
    if (status === 200) break;
    if (Date.now() - t0 > timeout) {
      const msg = `code-server did not answer on ${baseUrl} within ${timeout} ms:\n${tail(out, 60)}`;
      await server.stop();
      throw new Error(msg);
    }
    await sleep(200);
  }
  return server;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface Workbench {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Milliseconds to wait for .monaco-workbench (default 90 s). */
  timeout?: number;
  headless?: boolean;
}

/** Opens `url` in headless Debian Chromium and waits for the workbench to render. */
export async function openWorkbench(url: string, opts: WorkbenchOptions = {}): Promise<Workbench> {
  // Loaded lazily so that scripts that only start a server do not need playwright-core.
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: opts.headless ?? true,
    args: chromiumArgs,
  });
  const errors: string[] = [];
  try {
    const context = await browser.newContext({
      viewport: opts.viewport ?? { width: 1400, height: 900 },
      colorScheme: opts.colorScheme ?? 'light',
      locale: 'en-US',
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: opts.timeout ?? 90_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: opts.timeout ?? 90_000 });
    // The activity bar appears once the workbench has laid out its parts.
    await page.waitForSelector('.part.activitybar .action-item', { timeout: opts.timeout ?? 90_000 });
    return {
      browser,
      context,
      page,
      errors,
      close: async () => {
        await browser.close().catch(() => undefined);
      },
    };
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
}

/** Gives the workbench keyboard focus (key presses go nowhere before something was clicked). */
export async function focusWorkbench(page: Page): Promise<void> {
  const statusbar = page.locator('.part.statusbar').first();
  if (await statusbar.count()) {
    const box = await statusbar.boundingBox();
    if (box) {
      // An empty spot in the middle of the status bar.
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      return;
    }
  }
  await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } });
}

/**
 * Opens the command palette (F1), types `title`, and runs the first matching command. The palette reads the
 * command list when it opens, so right after start-up (before every extension's contributions are known) it is
 * closed and opened again until the command shows up.
 */
export async function runCommand(page: Page, title: string, timeout = 60_000): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row')
    .filter({ hasText: title })
    .first();
  const deadline = Date.now() + timeout;
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ state: 'visible', timeout: 3000 });
    } catch {
      await focusWorkbench(page);
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 10_000 });
    }
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(5000, Math.max(1000, deadline - Date.now())) });
      break;
    } catch (e) {
      if (Date.now() > deadline) throw new Error(`command "${title}" not in the palette after ${attempt + 1} tries: ${(e as Error).message}`);
    }
  }
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 15_000 }).catch(() => undefined);
}

/**
 * Shows the hover at the cursor until one matching `hasText` appears (the extension may still be loading its notes),
 * trying `attempts` times; returns its locator, which may still be hidden when every attempt failed.
 */
export async function showHoverUntil(page: Page, hasText: RegExp, attempts = 10, timeout = 4000): Promise<Locator> {
  const hover = page.locator('.monaco-hover-content').filter({ hasText }).first();
  for (let attempt = 0; attempt < attempts; attempt++) {
    await runCommand(page, 'Show or Focus Hover');
    try {
      await hover.waitFor({ state: 'visible', timeout });
      break;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  return hover;
}

/** Moves the cursor of the active editor to line:col (1-based) with Ctrl+G. */
export async function gotoLine(page: Page, line: number, col = 1): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.keyboard.press('Control+g');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${col}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
}

/**
 * Finds `selector` in any frame of the page (webviews are nested iframes), polling until `timeout`.
 * Resolves to the frame holding it, or throws.
 */
export async function findInFrames(page: Page, selector: string, timeout = 20_000): Promise<Frame> {
  const t0 = Date.now();
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$(selector)) return frame;
      } catch {
        /* frame detached or not ready */
      }
    }
    if (Date.now() - t0 > timeout) throw new Error(`${selector} not found in any of ${page.frames().length} frames within ${timeout} ms`);
    await sleep(250);
  }
}

/** Saves a PNG screenshot to test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * For an afterEach hook: when the current test failed, saves a screenshot
 * (test-results/failure-<title>.png) and prints the extension host log tail.
 */
export async function onFailure(
  ctx: Mocha.Context,
  server: CodeServer | undefined,
  page: Page | undefined,
): Promise<void> {
  const t = ctx.currentTest;
  if (!t || t.state !== 'failed') return;
  const name = `failure-${t.fullTitle().replace(/[^\w.-]+/g, '_').slice(0, 100)}`;
  if (page) {
    try {
      const file = await screenshot(page, name);
      process.stderr.write(`screenshot of the failure: ${file}\n`);
    } catch (e) {
      process.stderr.write(`(could not take a screenshot: ${e})\n`);
    }
  }
  server?.dumpLogs();
}

/** The preview's page (the inner webview frame) once it shows the note titled `title`. */
export async function previewFrame(page: Page, title: string, timeout = 60_000): Promise<Frame> {
  const t0 = Date.now();
  for (;;) {
    for (const frame of page.frames()) {
      try {
        const shown = await frame.evaluate(() => {
          const content = document.getElementById('content');
          return content && !content.querySelector('.loading') ? document.title : undefined;
        });
        if (shown === title) return frame;
      } catch {
        /* detached or not ready */
      }
    }
    if (Date.now() - t0 > timeout) throw new Error(`no preview showing "${title}" within ${timeout} ms (${page.frames().length} frames)`);
    await sleep(250);
  }
}

/**
 * Mocha hooks for a suite that drives one code-server: started in `before`, a screenshot and the logs on each failed
 * test, stopped in `after`. Read `.server` and `.page` inside the tests.
 */
export function useWorkbench(start: () => StartOptions, workbench: WorkbenchOptions = {}): { readonly server: CodeServer; readonly page: Page } {
  let server: CodeServer | undefined;
  let wb: Workbench | undefined;
  before(async function () {
    server = await startCodeServer(start());
    wb = await openWorkbench(server.url, workbench);
  });
  afterEach(async function () {
    await onFailure(this, server, wb?.page as Page);
  });
  after(async () => {
    await wb?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error('code-server is not running');
      return server;
    },
    get page() {
      if (!wb) throw new Error('the workbench is not open');
      return wb.page;
    },
  };
}
