// npm run test:electron — the integration suite (out/test/integration/index.js) in VS Code desktop,
// through @vscode/test-electron. It downloads VS Code, so it works only on machines that can reach
// update.code.visualstudio.com; on machines that reach only the npm registry, use
// `npm run test:integration` (the same suite in code-server). Set VSCODE_EXECUTABLE to use an
// installed VS Code instead of downloading one, and VSCODE_VERSION to pick a version.
import * as os from 'node:os';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const extensionTestsPath = path.join(root, 'out', 'test', 'integration', 'index.js');
  const workspace = path.join(root, 'examples');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-electron-'));
  const resultFile = path.join(userDataDir, 'results.json');
  try {
    const failures = await runTests({
      extensionDevelopmentPath: root,
      extensionTestsPath,
      ...(process.env.VSCODE_EXECUTABLE ? { vscodeExecutablePath: process.env.VSCODE_EXECUTABLE } : {}),
      ...(process.env.VSCODE_VERSION ? { version: process.env.VSCODE_VERSION } : {}),
      launchArgs: [
        workspace,
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
      ],
      extensionTestsEnv: { AI_NOTES_ELECTRON_RESULT: resultFile },
    });
    const r = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : undefined;
    const failed = r ? r.failed : failures === 0 ? 0 : 1;
    console.log(`${r ? r.passed : 0} passed, ${failed} failed`);
    process.exitCode = failures === 0 && failed === 0 ? 0 : 1;
  } catch (err) {
    console.error('test:electron failed:', err);
    console.error(
      'If VS Code could not be downloaded (no network), run `npm run test:integration` instead: it runs the same suite in code-server.',
    );
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

void main();
