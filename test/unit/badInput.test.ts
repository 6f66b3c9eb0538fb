import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildFullTextIndex, buildLookupIndex, capQuery, createKnowledgeBase, findIdentifiers, lintKnowledgeBase, MAX_QUERY_LENGTH, parseFrontMatter, renderNote, resolveNoteLink, searchConcepts, searchFullText, type Logger, type NoteFiles } from '../../src/core';
import { MAX_QUERY_WORDS } from '../../src/core/lookup/searchConcepts';
import { MAX_FRONT_MATTER_CHARS } from '../../src/core/frontMatter';
import { inMemoryFiles, noteText } from '../support/inMemoryFiles';
import { MAX_FOLDER_DEPTH, nodeNoteFiles, nodeNoteFilesOver } from '../../src/node/nodeNoteFiles';

// Issue 9: bad input loses nothing. Each case: the bad item is reported with its file and why, everything else loads.

const ok = { title: '甲', title_en: 'A', aliases: [], summary: 's', summary_en: 's' };

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

/** An alias bomb ("billion laughs"): nine levels of nine aliases each, 9^9 strings if expanded. */
function aliasBomb(): string {
  const lines = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  let prev = 'a';
  for (const k of 'bcdefghi') {
    lines.push(`${k}: &${k} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    prev = k;
  }
  lines.push(`title: *${prev}`);
  return `---\n${lines.join('\n')}\n---\n# Bomb\n`;
}

describe('bad input loses nothing (issue 9)', () => {
  describe('front matter the YAML parser throws on', () => {
    it('lists a note with an alias that has no anchor (`title: *a`) with its file and line; the others load', async () => {
      const files = inMemoryFiles({
        '/n/t/bad.md': '---\ntitle_en: Bad\ntitle: *a\n---\n# Kept heading\n',
        '/n/t/good.md': noteText(ok),
      });
      const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
      assert.deepEqual([...s.notes.keys()].sort(), ['t/bad', 't/good']);
      assert.equal(s.notes.get('t/good')!.error, undefined);
      const bad = s.notes.get('t/bad')!;
      assert.match(bad.error!, /Unresolved alias.*: a/);
      assert.equal(bad.title, 'Kept heading');
      const p = s.problems.find((x) => x.path === '/n/t/bad.md')!;
      assert.ok(p, JSON.stringify(s.problems));
      assert.equal(p.line, 3, 'the line of `title: *a` in the file');
      assert.match(p.message, /^front matter is not valid YAML: Unresolved alias/);
      const linted = lintKnowledgeBase(s);
      assert.deepEqual(linted.map((x) => x.path), ['/n/t/bad.md']);
    });

    it('stops an alias bomb at the note, with a message, and loads the others', async () => {
      const files = inMemoryFiles({ '/n/bomb.md': aliasBomb(), '/n/good.md': noteText(ok) });
      const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
      assert.equal(s.notes.size, 2);
      assert.equal(s.notes.get('good')!.error, undefined);
      assert.match(s.notes.get('bomb')!.error!, /alias/i);
      assert.deepEqual(s.problems.map((p) => p.path), ['/n/bomb.md']);
    });

    it('keeps a topic whose _index.md has a broken alias, and its notes', async () => {
      const files = inMemoryFiles({ '/n/t/_index.md': '---\ntitle: *x\n---\nAbout t.\n', '/n/t/a.md': noteText(ok) });
      const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
      assert.deepEqual(s.topics.get('t')!.notes.map((n) => n.id), ['t/a']);
      assert.equal(s.topics.get('t')!.summary, 'About t.');
      assert.deepEqual(s.problems.map((p) => [p.path, p.line]), [['/n/t/_index.md', 2]]);
    });

    it('keeps loading the bundled-style first root when a later root holds the bad note', async () => {
      const files = inMemoryFiles({ '/bundled/a.md': noteText(ok), '/mine/b.md': '---\ntitle: *nope\n---\n' });
      const s = await createKnowledgeBase({ files, roots: ['/bundled', '/mine'], logger: recordingLogger() }).load();
      assert.deepEqual([...s.notes.keys()].sort(), ['a', 'b']);
    });
  });

  describe('front matter with very many keys', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: v${i}`).join('\n');

    it('reads 20,000 keys (the unique-key check is one pass, not all pairs)', () => {
      const fm = parseFrontMatter(`---\ntitle: T\n${keys(20_000)}\n---\nbody\n`);
      assert.equal(fm.error, undefined);
      assert.equal(Object.keys(fm.data).length, 20_001);
      assert.equal(fm.data.k19999, 'v19999');
      assert.equal(fm.fieldLines.k19999, 20_002);
    });

    it('still reports a key set twice, top-level or nested, at the line of the second one', () => {
      const top = parseFrontMatter(`---\ntitle: T\n${keys(3000)}\ntitle: again\n---\n`);
      assert.equal(top.error?.line, 3003);
      assert.match(top.error!.message, /^front matter is not valid YAML: Map keys must be unique \("title"/);
      const nested = parseFrontMatter('---\ntitle: T\nmeta:\n  a: 1\n  a: 2\n---\n');
      assert.deepEqual([nested.error?.line, /"a" is set twice/.test(nested.error?.message ?? '')], [5, true]);
      // 1 and "1" are different keys to YAML, as they were to yaml's own check.
      assert.equal(parseFrontMatter('---\n1: a\n"1": b\n---\n').error, undefined);
    });

    it('does not parse front matter over the size limit, and says so; the body is kept', async () => {
      const big = `---\ntitle: T\n${'x'.repeat(MAX_FRONT_MATTER_CHARS)}: 1\n---\n# Body heading\n`;
      const files = inMemoryFiles({ '/n/big.md': big, '/n/good.md': noteText(ok) });
      const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
      assert.match(s.notes.get('big')!.error!, /front matter is too long to read \(512 KB; the limit is 512 KB\)/);
      assert.equal(s.notes.get('big')!.title, 'Body heading');
      assert.equal(s.notes.get('good')!.error, undefined);
    });
  });

  describe('links with malformed %-escapes', () => {
    it('resolveNoteLink never throws: malformed escapes stay as written, valid ones are decoded', () => {
      assert.equal(resolveNoteLink('t/a', '%FF.md'), 't/%FF');
      assert.equal(resolveNoteLink('t/a', '100%.md'), 't/100%');
      assert.equal(resolveNoteLink('t/a', '%C3%A9t%C3%A9%FF.md#x'), 't/été%FF');
      assert.equal(resolveNoteLink('t/a', '%E4%BD%A0%zz.md'), 't/你%zz');
      assert.equal(resolveNoteLink('t/a', '../b%20c.md'), 'b c');
      assert.equal(resolveNoteLink('t/a', '%FF.png'), undefined);
    });

    it('lint reports `[x](%FF.md)` on its file and line and goes on with the rest', async () => {
      const files = inMemoryFiles({
        '/n/t/a.md': noteText(ok, 'text\n\n[x](%FF.md) and [y](missing.md)\n'),
        '/n/t/b.md': noteText({ ...ok, title: '乙', title_en: 'B' }, '[z](nope.md)\n'),
      });
      const problems = lintKnowledgeBase(await createKnowledgeBase({ files, roots: ['/n'] }).load());
      assert.deepEqual(problems.map((p) => `${p.path}:${p.line}: ${p.message.replace(/ \(.*/, '')}`), [
        '/n/t/a.md:10: link target "%FF.md" has a malformed %-escape',
        '/n/t/a.md:10: link target "missing.md" does not exist',
        '/n/t/b.md:8: link target "nope.md" does not exist',
      ]);
    });

    it('renders the note (not raw text), the bad link as a link to no note', async () => {
      const files = inMemoryFiles({ '/n/t/a.md': noteText(ok, '# A\n\n[x](%FF.md) and **bold**\n') });
      const s = await createKnowledgeBase({ files, roots: ['/n'] }).load();
      const { html } = renderNote(s.notes.get('t/a')!, { noteTitle: (id) => s.notes.get(id)?.title });
      assert.doesNotMatch(html, /render-failed|could not be rendered/);
      assert.match(html, /<strong>bold<\/strong>/);
      assert.match(html, /class="broken-link"/);
    });
  });

  describe('notes folders on disk: nothing skipped without a message', () => {
    let dir: string;
    const write = (rel: string, text = noteText(ok)) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    const load = async (files: NoteFiles = nodeNoteFiles) => {
      const logger = recordingLogger();
      const s = await createKnowledgeBase({ files, roots: [dir], logger }).load();
      return { s, logger, ids: [...s.notes.keys()].sort(), skipped: s.problems.map((p) => [path.relative(dir, p.path), p.severity, p.message]) };
    };

    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-skip-'));
      write('a/ok.md');
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it(`loads notes ${MAX_FOLDER_DEPTH} folders deep and reports each folder below that`, async () => {
      const deep = (n: number, leaf: string) => `${Array.from({ length: n }, (_, i) => `d${i + 1}`).join('/')}/${leaf}`;
      write(deep(14, 'fourteen.md')); // the old limit was 12, silently
      write(deep(MAX_FOLDER_DEPTH, 'deepest.md'));
      write(deep(MAX_FOLDER_DEPTH + 3, 'too-deep.md'));
      const { ids, skipped } = await load();
      assert.deepEqual(ids, ['a/ok', deep(14, 'fourteen'), deep(MAX_FOLDER_DEPTH, 'deepest')].sort());
      const folder = deep(MAX_FOLDER_DEPTH + 1, '').slice(0, -1);
      assert.deepEqual(skipped, [[folder, 'warning', `folder is nested more than ${MAX_FOLDER_DEPTH} levels deep, its notes are not loaded: move it up`]]);
    });

    it('reports every symbolic link to a folder or note (inside, outside, cyclic, broken) and loads no note twice', async () => {
      const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-outside-'));
      try {
        fs.writeFileSync(path.join(outside, 'ext.md'), noteText(ok));
        fs.symlinkSync(outside, path.join(dir, 'linked-out'));
        fs.symlinkSync(path.join(dir, 'a'), path.join(dir, 'linked-in'));
        fs.symlinkSync('..', path.join(dir, 'a', 'cycle'));
        fs.symlinkSync('ok.md', path.join(dir, 'a', 'alias.md'));
        fs.symlinkSync('nowhere.md', path.join(dir, 'a', 'broken.md'));
        fs.symlinkSync('ok.md', path.join(dir, 'a', 'not-a-note.txt'));
        const { ids, skipped } = await load();
        assert.deepEqual(ids, ['a/ok']);
        const byPath = new Map(skipped.map(([p, sev, m]) => [p, `${sev}: ${m}`]));
        assert.deepEqual([...byPath.keys()].sort(), ['a/alias.md', 'a/broken.md', 'a/cycle', 'linked-in', 'linked-out']);
        for (const m of byPath.values()) assert.match(m, /^warning: symbolic link to a (folder|note) is not followed/);
        assert.match(byPath.get('linked-out')!, new RegExp(`add ${outside} as a notes folder of its own instead$`));
        assert.match(byPath.get('linked-in')!, /is inside the notes folder and loads from there$/);
        assert.match(byPath.get('a/broken.md')!, /nowhere\.md, which does not exist$/);
      } finally {
        fs.rmSync(outside, { recursive: true, force: true });
      }
    });

    it('loses only the folder whose name is not valid UTF-8, and names it', async () => {
      const bad = Buffer.concat([Buffer.from(`${dir}/bad`), Buffer.from([0xff, 0xfe])]);
      fs.mkdirSync(bad);
      fs.writeFileSync(Buffer.concat([bad, Buffer.from('/inside.md')]), noteText(ok));
      fs.writeFileSync(Buffer.concat([Buffer.from(`${dir}/a/`), Buffer.from([0xc3, 0x28]), Buffer.from('.md')]), noteText(ok));
      const { ids, skipped } = await load();
      assert.deepEqual(ids, ['a/ok']);
      assert.deepEqual(skipped.map(([p, sev, m]) => [p, sev, m]).sort(), [
        ['a/\uFFFD(.md', 'error', 'file name is not valid UTF-8, so it is not loaded: rename it'],
        ['bad\uFFFD\uFFFD', 'error', 'folder name is not valid UTF-8, so it is not loaded: rename it'],
      ]);
    });

    it('loses only the sub-folder that cannot be read, and says why', async () => {
      write('locked/hidden.md');
      write('z/last.md');
      const locked = path.join(dir, 'locked');
      // (Tests run as root here, where chmod 000 does not stop reading: the failure is injected.)
      const failing = nodeNoteFilesOver({
        ...fs.promises,
        readdir: (async (p: fs.PathLike, o: unknown) => {
          if (String(p) === locked) throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), { code: 'EACCES' });
          return fs.promises.readdir(p, o as { withFileTypes: true });
        }) as typeof fs.promises.readdir,
      });
      const { ids, skipped } = await load(failing);
      assert.deepEqual(ids, ['a/ok', 'z/last']);
      assert.deepEqual(skipped, [['locked', 'error', `folder cannot be read, its notes are not loaded: EACCES: permission denied, scandir '${locked}'`]]);
    });

    it('reports a .md that is not a regular file (a FIFO would hang the read)', async function () {
      if (spawnSync('mkfifo', [path.join(dir, 'a', 'pipe.md')]).status !== 0) this.skip();
      const { ids, skipped } = await load();
      assert.deepEqual(ids, ['a/ok']);
      assert.deepEqual(skipped, [['a/pipe.md', 'warning', 'not a regular file (a device, socket or pipe), so it is not read']]);
    });

    it('logs what it leaves out by convention (hidden folders, node_modules, _drafts, the root README), with the reason', async () => {
      write('.obsidian/x.md');
      write('node_modules/pkg/readme.md');
      write('a/_draft.md');
      write('README.md', '# notes');
      const { ids, skipped, logger } = await load();
      assert.deepEqual(ids, ['a/ok']);
      assert.deepEqual(skipped, []);
      const info = logger.lines.filter((l) => l.startsWith('info ') && !l.startsWith('info loaded')).map((l) => l.slice(5).replace(dir + path.sep, '').replace(dir + '/', ''));
      assert.deepEqual(info.sort(), [
        '.obsidian: folder ignored: hidden entries and node_modules hold no notes',
        'README.md: not a note: the README.md at the top of a notes folder describes the folder',
        'a/_draft.md: not a note: files starting with "_" are not notes (only _index.md, which describes its folder)',
        'node_modules: folder ignored: hidden entries and node_modules hold no notes',
      ]);
    });

    it('reports each file it cannot load with its path and why, once (the extension logs every problem)', async () => {
      write('a/binary.md', '\u0000\u0001PK');
      const { skipped, logger } = await load();
      assert.deepEqual(skipped, [['a/binary.md', 'error', 'file is binary, not a Markdown note']]);
      assert.deepEqual(logger.lines.filter((l) => l.startsWith('warn')), []);
    });
  });

  describe('lookup queries are capped', () => {
    const kb = async () =>
      createKnowledgeBase({
        files: inMemoryFiles({
          '/n/t/entropy.md': noteText({ ...ok, title: '交叉熵', title_en: 'Cross Entropy', aliases: ['zebrafish'] }, 'The zebrafish line.\n'),
          '/n/t/adam.md': noteText({ ...ok, title: '亚当', title_en: 'Adam Optimizer', aliases: ['quokka'] }, 'A quokka line.\n'),
        }),
        roots: ['/n'],
      }).load();

    it(`cuts a query to its first ${MAX_QUERY_LENGTH} characters, never inside a surrogate pair`, () => {
      assert.equal(MAX_QUERY_LENGTH, 200);
      assert.equal(capQuery('x'.repeat(10_000)), 'x'.repeat(200));
      assert.equal(capQuery('abc'), 'abc');
      const emoji = capQuery('😀'.repeat(300));
      assert.equal([...emoji].length, 200);
      assert.equal(emoji, '😀'.repeat(200));
    });

    it('searches only the first 200 characters of a 10 kB query', async () => {
      const index = buildLookupIndex(await kb());
      const head = `zebrafish ${'lorem '.repeat(40)}`.slice(0, MAX_QUERY_LENGTH);
      const found = searchConcepts(index, `${head}quokka ${'ipsum '.repeat(1700)}`);
      assert.deepEqual(found.map((m) => m.item.note.id), ['t/entropy']);
      assert.deepEqual(found, searchConcepts(index, head));
      assert.deepEqual(searchConcepts(index, `${'q'.repeat(MAX_QUERY_LENGTH)} zebrafish`), []);
      const text = buildFullTextIndex(await kb());
      // Full text wants every word on one line: a word after the cut no longer stops the match.
      assert.deepEqual(searchFullText(text, `quokka${' '.repeat(MAX_QUERY_LENGTH)}nomatch`).map((m) => m.note.id), ['t/adam']);
    });

    it(`looks words up one by one for at most ${MAX_QUERY_WORDS} words when the whole query finds nothing`, async () => {
      const index = buildLookupIndex(await kb());
      const filler = (n: number) => Array.from({ length: n }, (_, i) => `w${i}q`);
      // By names, a query answered in one word of two stands; one of nine is no answer (NAME_FALLBACK_MAX).
      assert.deepEqual(searchConcepts(index, 'w0q zebrafish', { meaning: false }).map((m) => m.item.note.id), ['t/entropy']);
      assert.deepEqual(searchConcepts(index, [...filler(2), 'zebrafish', ...filler(6)].join(' '), { meaning: false }), []);
      const late = [...filler(MAX_QUERY_WORDS), 'zebrafish'].join(' ');
      assert.deepEqual(searchConcepts(index, late, { meaning: false }), []);
      // Retrieval by meaning reads every word, but only of the first MAX_QUERY_LENGTH characters.
      assert.deepEqual(searchConcepts(index, late).map((m) => m.item.note.id), ['t/entropy']);
      assert.deepEqual(searchConcepts(index, `${'w0q '.repeat(60)}zebrafish`), []);
    });
  });

  describe('code scanner strings', () => {
    const ids = (text: string, style: 'python' | 'c' = 'python') => findIdentifiers(text, style).map((o) => `${o.line}:${o.start} ${o.name}`);

    it('counts the lines of strings continued with a backslash-newline', () => {
      assert.deepEqual(ids('s = "a\\\nb\\\nc"\nfor epoch in x: pass\n'), ['0:0 s', '3:4 epoch', '3:13 x']);
      assert.deepEqual(ids("s = 'a\\\r\nb'; t = 1\r\nepoch = 2\n"), ['0:0 s', '1:4 t', '2:0 epoch']);
      assert.deepEqual(ids('s = """a\\\nb"""\nepoch = 1\n'), ['0:0 s', '2:0 epoch']);
      assert.deepEqual(ids('s = "a\\\nb" + `c\\\nd`; epoch\n', 'c'), ['0:0 s', '2:4 epoch']);
    });

    it('skips f-strings whole, with quotes nested in their {…} (PEP 701)', () => {
      assert.deepEqual(ids('x = f"{d["a"]}" + epoch\n'), ['0:0 x', '0:18 epoch']);
      assert.deepEqual(ids('y = f"{a + f"{b}"} epoch" + z\n'), ['0:0 y', '0:28 z']);
      assert.deepEqual(ids("y = rf'{w:{width}}' + F\"{{epoch}}\" + z\n"), ['0:0 y', '0:37 z']);
      assert.deepEqual(ids('y = f"""{\n  x["k"]\n}""" + z\nw = 1\n'), ['0:0 y', '2:7 z', '3:0 w']);
      // A plain string does not treat braces as code.
      assert.deepEqual(ids('y = "{" + epoch + "}"\n'), ['0:0 y', '0:10 epoch']);
      // An f-string left open ends at its line, as any other string.
      assert.deepEqual(ids('y = f"{x\nepoch = 1\n'), ['0:0 y', '1:0 epoch']);
    });

    it('skips JavaScript template literals whole, with backticks nested in ${…}', () => {
      assert.deepEqual(ids('const s = `${a ? `x` : "y"} epoch`; let z = q\n', 'c'), ['0:0 const', '0:6 s', '0:36 let', '0:40 z', '0:44 q']);
      assert.deepEqual(ids('const s = `a\nb ${"}"} c`; z\n', 'c'), ['0:0 const', '0:6 s', '1:13 z']);
    });
  });
});
