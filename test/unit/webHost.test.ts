import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { createKnowledgeBase, type SkippedPath } from '../../src/core';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';
import { basename, dirname, join, relative } from '../../src/shared/posixPath';
import { resolveWebFolder, webFolderSetting } from '../../src/web/webFolders';
import { MAX_FOLDER_DEPTH, webNoteFiles, type WorkspaceFsApi } from '../../src/web/webNoteFiles';

// Issue 17: the browser host reads notes through vscode.workspace.fs, naming them by URI strings.

const FILE = 1;
const DIRECTORY = 2;
const SYMBOLIC_LINK = 64;
const PREFIX = 'vscode-remote://127.0.0.1:8080';

/** A Uri stand-in: webNoteFiles only passes it back to the file system. */
const uriOf = (p: string) => ({ path: p, toString: () => p }) as unknown as vscode.Uri;

/** workspace.fs over the real disk, as code-server's web host sees it (URI strings in, FileType bits out). */
function diskFs(): WorkspaceFsApi {
  const local = (uri: vscode.Uri) => {
    const p = (uri as unknown as { path: string }).path;
    assert.ok(p.startsWith(PREFIX), p);
    return p.slice(PREFIX.length);
  };
  const typeOf = (st: fs.Stats, link: boolean) => (st.isDirectory() ? DIRECTORY : st.isFile() ? FILE : 0) | (link ? SYMBOLIC_LINK : 0);
  return {
    async readDirectory(uri) {
      const dir = local(uri);
      return fs.readdirSync(dir, { withFileTypes: true }).map((d) => {
        const full = path.join(dir, d.name);
        const link = d.isSymbolicLink();
        let st: fs.Stats;
        try {
          st = fs.statSync(full);
        } catch {
          st = fs.lstatSync(full);
        }
        return [d.name, typeOf(st, link) as vscode.FileType];
      });
    },
    async stat(uri) {
      const st = fs.statSync(local(uri));
      return { type: typeOf(st, false), size: st.size, mtime: st.mtimeMs, ctime: st.ctimeMs };
    },
    async readFile(uri) {
      return fs.readFileSync(local(uri));
    },
  };
}

describe('posix paths of the browser host (src/shared/posixPath.ts)', () => {
  it('joins, normalises and never splits the scheme://authority prefix', () => {
    assert.equal(join(`${PREFIX}/ext`, 'notes'), `${PREFIX}/ext/notes`);
    assert.equal(join(`${PREFIX}/ext/notes/`, './a/../b', 'c.md'), `${PREFIX}/ext/notes/b/c.md`);
    assert.equal(join(PREFIX, '/work/notes'), `${PREFIX}/work/notes`);
    assert.equal(join('/a/b', '../../..', 'c'), '/c');
    assert.equal(join('a', '..', '..', 'b'), '../b');
  });

  it('takes dirname and basename, and a path relative to another', () => {
    assert.equal(dirname(`${PREFIX}/ext/notes/a.md`), `${PREFIX}/ext/notes`);
    assert.equal(dirname(`${PREFIX}/a.md`), `${PREFIX}/`);
    assert.equal(basename(`${PREFIX}/ext/notes/交叉熵 #1.md`), '交叉熵 #1.md');
    assert.equal(relative(`${PREFIX}/ws`, `${PREFIX}/ws/notes/a.md`), 'notes/a.md');
    assert.equal(relative(`${PREFIX}/ws/x`, `${PREFIX}/ws/notes/a.md`), '../notes/a.md');
    assert.equal(relative('vscode-vfs://github/o/r', `${PREFIX}/ws/a.md`), `${PREFIX}/ws/a.md`, 'another file system: the path itself');
  });
});

describe('notes folders in the browser (src/web/webFolders.ts)', () => {
  const ws = 'vscode-vfs://github/octo-org/ml-notes';
  it('reads aiNotes.notesFolders relative to the workspace; ~ is a home folder the browser cannot read', () => {
    assert.equal(resolveWebFolder('notes', ws), `${ws}/notes`);
    assert.equal(resolveWebFolder('./docs/../notes/', ws), `${ws}/notes`);
    assert.equal(resolveWebFolder('${workspaceFolder}/notes', ws), `${ws}/notes`);
    assert.equal(resolveWebFolder('/srv/notes', `${PREFIX}/work/repo`), `${PREFIX}/srv/notes`, 'absolute: on the workspace’s file system');
    assert.equal(resolveWebFolder(`${PREFIX}/other`, ws), `${PREFIX}/other`);
    assert.equal(resolveWebFolder('~/notes', ws), 'home');
    assert.equal(resolveWebFolder('~', ws), 'home');
    assert.equal(resolveWebFolder('  ', ws), undefined);
    assert.equal(resolveWebFolder('notes', undefined), undefined, 'no workspace: nothing to be relative to');
  });

  it('writes a picked folder inside the workspace relative to it, and one outside as its URI', () => {
    assert.equal(webFolderSetting(`${ws}/notes/mine`, ws), 'notes/mine');
    assert.equal(webFolderSetting(ws, ws), '.');
    assert.equal(webFolderSetting(`${PREFIX}/x`, ws), `${PREFIX}/x`);
    assert.equal(webFolderSetting('vscode-vfs://github/octo-org/other', ws), 'vscode-vfs://github/octo-org/other');
    assert.equal(resolveWebFolder(webFolderSetting(`${ws}/notes/mine`, ws), ws), `${ws}/notes/mine`, 'round trip');
  });
});

describe('NoteFiles over vscode.workspace.fs (src/web/webNoteFiles.ts)', () => {
  it('loads the bundled notes exactly as nodeNoteFiles does', async () => {
    const notesDir = path.resolve(__dirname, '../../../notes');
    const [web, node] = await Promise.all([
      createKnowledgeBase({ files: webNoteFiles(diskFs(), uriOf), roots: [`${PREFIX}${notesDir}`] }).load(),
      createKnowledgeBase({ files: nodeNoteFiles, roots: [notesDir] }).load(),
    ]);
    assert.ok(node.notes.size > 50);
    assert.deepEqual([...web.notes.keys()].sort(), [...node.notes.keys()].sort());
    for (const [id, n] of node.notes) {
      const w = web.notes.get(id)!;
      assert.equal(w.title, n.title, id);
      assert.equal(w.path, `${PREFIX}${n.path}`, id);
      assert.deepEqual(w.headings.map((h) => h.slug), n.headings.map((h) => h.slug), id);
    }
    assert.equal(web.problems.length, node.problems.length);
  });

  it('skips what nodeNoteFiles skips, and names every bad file in a message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-web-'));
    try {
      const w = (rel: string, text: string | Buffer) => {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
      };
      w('t/good.md', '---\ntitle: 好\ntitle_en: Good\n---\n# Good\n');
      w('t/binary.md', Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
      w('t/huge.md', Buffer.alloc(6 * 1024 * 1024, 0x61));
      w('.hidden/x.md', '# hidden');
      w('node_modules/pkg/readme.md', '# dep');
      fs.symlinkSync(path.join(dir, 't'), path.join(dir, 'linked'));
      let deep = 'deep';
      for (let i = 0; i < MAX_FOLDER_DEPTH; i++) deep += '/d';
      w(`${deep}/far.md`, '# far');
      const skipped: SkippedPath[] = [];
      const files = webNoteFiles(diskFs(), uriOf);
      const root = `${PREFIX}${dir}`;
      const listed = await files.listMarkdown(root, (s) => skipped.push(s));
      assert.deepEqual(listed.sort(), ['t/binary.md', 't/good.md', 't/huge.md']);
      const about = (p: string) => skipped.find((s) => s.path === `${root}/${p}`);
      assert.equal(about('.hidden')?.severity, 'info');
      assert.equal(about('node_modules')?.severity, 'info');
      assert.match(about('linked')?.message ?? '', /symbolic link to a folder is not followed/);
      assert.ok(skipped.some((s) => s.severity === 'warning' && /nested more than 32 levels/.test(s.message)), JSON.stringify(skipped));

      const s = await createKnowledgeBase({ files, roots: [root] }).load();
      assert.ok(s.notes.get('t/good'));
      const problem = (name: string) => s.problems.find((p) => p.path === `${root}/t/${name}`)?.message ?? '';
      assert.match(problem('binary.md'), /binary/);
      assert.match(problem('huge.md'), /too large/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a sub-folder that cannot be read, and rejects a root that is not a folder', async () => {
    const tree: Record<string, [string, number][]> = { '/r': [['a.md', FILE], ['locked', DIRECTORY]] };
    const api: WorkspaceFsApi = {
      async readDirectory(uri) {
        const p = (uri as unknown as { path: string }).path;
        if (!tree[p]) throw new Error('NoPermissions');
        return tree[p] as [string, vscode.FileType][];
      },
      async stat(uri) {
        const p = (uri as unknown as { path: string }).path;
        return { type: p === '/file.md' ? FILE : DIRECTORY, size: 1, mtime: 1, ctime: 1 };
      },
      async readFile() {
        throw new Error('EntryNotFound');
      },
    };
    const skipped: SkippedPath[] = [];
    const files = webNoteFiles(api, uriOf);
    assert.deepEqual(await files.listMarkdown('/r', (s) => skipped.push(s)), ['a.md']);
    assert.deepEqual(skipped.map((s) => [s.path, s.severity]), [['/r/locked', 'error']]);
    assert.match(skipped[0].message, /cannot be read.*NoPermissions/);
    await assert.rejects(files.listMarkdown('/file.md'), /is not a folder/);
    const s = await createKnowledgeBase({ files, roots: ['/r'] }).load();
    assert.match(s.problems.find((p) => p.path === '/r/a.md')?.message ?? '', /cannot be read: EntryNotFound/);
  });
});

describe('the web bundle build check (scripts/lib/webBundle.mjs)', function () {
  this.timeout(60_000);
  const lib = require(path.resolve(__dirname, '../../../scripts/lib/webBundle.mjs')) as {
    isNodeBuiltin(spec: string): boolean;
    noNodeBuiltins: unknown;
  };
  const esbuild = require('esbuild') as typeof import('esbuild');
  const bundle = (entry: string) =>
    esbuild.build({ entryPoints: [entry], bundle: true, write: false, platform: 'browser', format: 'cjs', external: ['vscode'], logLevel: 'silent', plugins: [lib.noNodeBuiltins as import('esbuild').Plugin] });

  it('knows Node built-ins by every name', () => {
    for (const s of ['node:fs', 'fs', 'fs/promises', 'path', 'os', 'child_process', 'worker_threads']) assert.ok(lib.isNodeBuiltin(s), s);
    for (const s of ['vscode', 'katex', 'markdown-it', './path', 'punycode.js']) assert.ok(!lib.isNodeBuiltin(s), s);
  });

  it('fails a bundle that imports a Node built-in, naming it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-webcheck-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.ts'), "import { join } from 'path';\nexport const x = join('a', 'b');\n");
      fs.writeFileSync(path.join(dir, 'b.ts'), "import * as os from 'node:os';\nexport const y = os.homedir();\n");
      for (const [f, name] of [['a.ts', 'path'], ['b.ts', 'node:os']]) {
        await assert.rejects(bundle(path.join(dir, f)), (e: Error) => e.message.includes(`the web bundle imports the Node built-in "${name}"`));
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes src/extension.web.ts and the MathJax chunk: the browser entry imports no Node built-in', async () => {
    const root = path.resolve(__dirname, '../../..');
    for (const entry of ['src/extension.web.ts', 'src/core/math/texToSvg.ts']) {
      const r = await bundle(path.join(root, entry));
      assert.equal(r.errors.length, 0, entry);
    }
  });
});
