import ignore, { type Ignore } from 'ignore';
import * as vscode from 'vscode';

/** Folders of other people's code or none, skipped even when neither files.exclude nor a .gitignore names them. */
const ALWAYS_SKIPPED = ['**/node_modules/**', '**/site-packages/**', '**/.venv/**', '**/venv/**', '**/__pycache__/**', '**/.git/**', '**/.ipynb_checkpoints/**'];
const CODE_GLOB = '**/*.{py,pyi,ipynb}';

/** The exclude glob findFiles gets: files.exclude's true entries (a glob given replaces it, so it is read here) and ours. */
export function excludeGlob(filesExclude: Record<string, unknown> | undefined): string {
  const patterns = Object.entries(filesExclude ?? {})
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
  return `{${[...new Set([...patterns, ...ALWAYS_SKIPPED])].join(',')}}`;
}

/** The workspace's Python files and notebooks that are neither excluded (files.exclude) nor ignored (.gitignore). */
export interface CodeFileList {
  files: vscode.Uri[];
  /** More files matched than `max`: the list holds the first ones. */
  truncated: boolean;
  ignoredByGit: number;
}

/** One .gitignore: the rules and the folder they are relative to. */
interface GitIgnore {
  dir: string;
  rules: Ignore;
}

export async function listCodeFiles(max: number, token: vscode.CancellationToken, log: (line: string) => void): Promise<CodeFileList> {
  if (!vscode.workspace.workspaceFolders?.length) return { files: [], truncated: false, ignoredByGit: 0 };
  const exclude = excludeGlob(vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude'));
  // One more than asked, to know whether there were more.
  const found = await vscode.workspace.findFiles(CODE_GLOB, exclude, max + 1, token);
  const ignores = await readGitIgnores(exclude, token, log);
  const files = found.filter((uri) => !isGitIgnored(uri, ignores));
  files.sort((a, b) => a.toString().localeCompare(b.toString()));
  return { files: files.slice(0, max), truncated: found.length > max, ignoredByGit: found.length - files.length };
}

async function readGitIgnores(exclude: string, token: vscode.CancellationToken, log: (line: string) => void): Promise<GitIgnore[]> {
  const uris = await vscode.workspace.findFiles('**/.gitignore', exclude, 500, token);
  const out: GitIgnore[] = [];
  for (const uri of uris) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      out.push({ dir: uri.path.slice(0, uri.path.lastIndexOf('/') + 1), rules: ignore().add(text) });
    } catch (e) {
      log(`where used: ${uri.fsPath}: .gitignore not read (${(e as Error).message})`);
    }
  }
  return out;
}

function isGitIgnored(uri: vscode.Uri, ignores: readonly GitIgnore[]): boolean {
  for (const g of ignores) {
    if (!uri.path.startsWith(g.dir)) continue;
    const relative = uri.path.slice(g.dir.length);
    if (relative && g.rules.ignores(relative)) return true;
  }
  return false;
}
