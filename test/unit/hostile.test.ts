import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createKnowledgeBase, renderNote, type KnowledgeBaseSnapshot, type Note } from '../../src/core';
import { bigNote, executableParts, prepareHostileNotes, type HostileNote } from '../fixtures/hostileNotes';
import { nodeNoteFiles } from '../../src/node/nodeNoteFiles';

describe('hostile and broken notes', function () {
  this.timeout(60_000);
  let dir: string;
  let notes: HostileNote[];
  let snapshot: KnowledgeBaseSnapshot;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ai-notes-hostile-'));
    notes = prepareHostileNotes(dir);
    snapshot = await createKnowledgeBase({ files: nodeNoteFiles, roots: [dir] }).load();
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const render = (note: Note) =>
    renderNote(note, {
      noteTitle: (id) => snapshot.notes.get(id)?.title,
      resolveImage: (p) => `https://file+.vscode-resource.vscode-cdn.net${p}`,
    });

  it('has every fixture the issue lists', () => {
    const names = notes.map((n) => n.id.split('/').pop());
    for (const n of ['script-tags', 'img-onerror', 'unsafe-links', 'iframe', 'style-tags', 'front-matter-html', 'katex-href',
      'katex-def-recursion', 'katex-rule', 'unclosed-formula', 'nesting', 'big', 'binary', 'broken-front-matter']) {
      assert.ok(names.includes(n), `missing fixture ${n}`);
    }
    assert.equal(snapshot.notes.size, notes.length);
  });

  it('renders nothing executable, and every note says what is wrong with it', () => {
    for (const { id } of notes) {
      const note = snapshot.notes.get(id)!;
      const { html, problems } = render(note);
      assert.deepEqual(executableParts(html), [], id);
      assert.ok(html.replace(/<[^>]+>/g, '').trim().length > 0, `${id} renders blank`);
      const message = /class="(note-error|render-problems)"/.test(html);
      assert.ok(message, `${id} shows no message (problems: ${JSON.stringify(problems)})`);
    }
  });

  it('shows raw HTML as text', () => {
    const { html } = render(snapshot.notes.get('hostile/script-tags')!);
    assert.match(html, /&lt;script&gt;window.__pwned = 'script block'; alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /<code class="hljs language-html">|<code class="hljs">/);
    const handlers = render(snapshot.notes.get('hostile/img-onerror')!).html;
    assert.match(handlers, /&lt;img src=x onerror=/);
  });

  it('keeps the safe links of the unsafe-links note and drops the rest', () => {
    const { html, problems } = render(snapshot.notes.get('hostile/unsafe-links')!);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    for (const h of hrefs) assert.ok(h === '#' || h.startsWith('#') || /^https:\/\/example\.com\/$/.test(h), `unexpected href ${h}`);
    assert.ok(hrefs.includes('https://example.com/'));
    assert.ok(problems.some((p) => p.message.includes('command:')));
    assert.ok(problems.some((p) => p.message.includes('vscode:')));
    assert.match(html, /class="dropped-image"/);
    assert.doesNotMatch(html, /<img/);
  });

  it('shows front matter HTML nowhere as markup', () => {
    const note = snapshot.notes.get('hostile/front-matter-html')!;
    assert.match(note.title, /<img/);
    const { html } = render(note);
    assert.deepEqual(executableParts(html), []);
  });

  it('keeps KaTeX from making links or HTML, and says so', () => {
    const { html, problems } = render(snapshot.notes.get('hostile/katex-href')!);
    assert.doesNotMatch(html, /<a [^>]*href="javascript/i);
    assert.doesNotMatch(html, /\bid="evil"/);
    assert.doesNotMatch(html, /<img/);
    for (const cmd of ['\\href', '\\url', '\\htmlClass', '\\includegraphics']) {
      assert.ok(problems.some((p) => p.message.startsWith(`${cmd} is not allowed`)), `${cmd}: ${JSON.stringify(problems)}`);
    }
    assert.match(html, /class="katex"/, 'the fine formula still renders');
  });

  it('stops runaway macros with a visible error', () => {
    const { html, problems } = render(snapshot.notes.get('hostile/katex-def-recursion')!);
    assert.ok((html.match(/class="math-error/g) ?? []).length >= 3, html.slice(0, 2000));
    assert.ok(problems.some((p) => /Too many expansions/.test(p.message)));
    assert.match(html, /class="katex"/);
  });

  it('caps gigantic rules at maxSize', () => {
    const { html } = render(snapshot.notes.get('hostile/katex-rule')!);
    const sizes = [...html.matchAll(/(?:width|height):\s*([\d.]+)em/g)].map((m) => Number(m[1]));
    assert.ok(sizes.length > 0);
    // maxSize is 20em at the current size; under \Huge (2.488×) that is 49.8em of the base size.
    assert.ok(Math.max(...sizes) <= 50, `largest size ${Math.max(...sizes)}em`);
  });

  it('shows unclosed formulas as errors and keeps the text after them', () => {
    const { html, problems } = render(snapshot.notes.get('hostile/unclosed-formula')!);
    assert.ok(problems.some((p) => /not closed/.test(p.message)), JSON.stringify(problems));
    assert.match(html, /math-error/);
    assert.match(html, /This paragraph comes after the unclosed block/);
  });

  it('survives 5,000-level nesting and says the deep part is cut', () => {
    const t0 = Date.now();
    const { html, problems } = render(snapshot.notes.get('hostile/nesting')!);
    assert.ok(Date.now() - t0 < 2000, `took ${Date.now() - t0} ms`);
    assert.match(html, /Text before the nesting must show/);
    assert.match(html, /Text after the nesting must show/);
    assert.ok(problems.some((p) => /nest/.test(p.message)), JSON.stringify(problems));
  });

  it('shows a message for a binary file and for broken front matter', () => {
    const binary = render(snapshot.notes.get('hostile/binary')!);
    assert.match(binary.html, /class="note-error"/);
    assert.match(binary.html, /binary/);
    const broken = render(snapshot.notes.get('hostile/broken-front-matter')!);
    assert.match(broken.html, /class="note-error"/);
    assert.match(broken.html, /front matter/);
    assert.match(broken.html, /still show this text/);
  });

  it('renders a 2 MB note in under 2 s', () => {
    const note = snapshot.notes.get('hostile/big')!;
    assert.ok(Buffer.byteLength(note.body) > 2_000_000, `${Buffer.byteLength(note.body)} bytes`);
    const t0 = process.hrtime.bigint();
    const { html, problems } = render(note);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    assert.ok(ms < 2000, `2 MB note took ${ms.toFixed(0)} ms`);
    assert.ok(html.length > 2_000_000);
    assert.equal(problems.filter((p) => p.message.startsWith('formula')).length, 0, JSON.stringify(problems.slice(0, 3)));
    // For the report: how long it took here.
    console.log(`      2 MB note (${(Buffer.byteLength(note.body) / 1048576).toFixed(2)} MB) rendered in ${ms.toFixed(0)} ms`);
  });

  it('generates a note of the requested size', () => {
    assert.ok(Buffer.byteLength(bigNote(100_000)) >= 100_000);
  });
});
