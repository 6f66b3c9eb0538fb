import * as assert from 'node:assert/strict';
import { linkEditsForRenames, type LinkEdit, type NoteText } from '../../src/core';

const USER = '/home/u/notes';
const BUNDLED = '/ext/notes';
const roots = [BUNDLED, USER];

const fm = (body: string, related = '[]') => ['---', 'title: T', `related: ${related}`, '---', '', body, ''].join('\n');
const note = (rel: string, body: string, related?: string): NoteText => ({ path: `${USER}/${rel}`, root: USER, text: fm(body, related) });

/** The texts after applying the edits (one file's edits never overlap). */
function apply(notes: readonly NoteText[], edits: readonly LinkEdit[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of notes) {
    const lines = n.text.split('\n');
    const mine = edits.filter((e) => e.path === n.path).sort((a, b) => b.line - a.line || b.character - a.character);
    for (const e of mine) {
      const l = lines[e.line];
      lines[e.line] = l.slice(0, e.character) + e.newText + l.slice(e.endCharacter);
    }
    out.set(n.path, lines.join('\n'));
  }
  return out;
}

describe('links kept when notes are renamed or moved (authoring)', () => {
  it('rewrites a relative link from a sibling, keeping the fragment', () => {
    const notes = [note('losses/a.md', 'A'), note('losses/b.md', 'See [A](a.md#公式) and [A again](./a.md).')];
    const edits = linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/losses/focal.md` }] });
    const after = apply(notes, edits).get(`${USER}/losses/b.md`)!;
    assert.match(after, /See \[A\]\(focal\.md#公式\) and \[A again\]\(\.\/focal\.md\)\./);
    assert.equal(edits.length, 2);
    assert.deepEqual(edits[0], { path: `${USER}/losses/b.md`, line: 5, character: 8, endCharacter: 12, newText: 'focal.md' });
  });

  it('recomputes a link from another folder relative to the linking note, and a move to another folder', () => {
    const notes = [note('losses/a.md', 'A'), note('topics/deep/c.md', 'Read [it](../../losses/a.md#x "title").')];
    const edits = linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/topics/a.md` }] });
    assert.match(apply(notes, edits).get(`${USER}/topics/deep/c.md`)!, /Read \[it\]\(\.\.\/a\.md#x "title"\)\./);
  });

  it('updates [[id]] links (ids are paths) and related: ids, with headings and link text kept', () => {
    const notes = [
      note('losses/a.md', 'A'),
      note('other/b.md', 'See [[losses/a]], [[losses/a#公式|the formula]] and [[losses/ab]].', '[losses/a, other/c]'),
      { path: `${USER}/other/c.md`, root: USER, text: ['---', 'title: C', 'related:', '  - losses/a', "  - 'losses/a'", '---', 'x'].join('\n') },
    ];
    const edits = linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/losses/alpha.md` }] });
    const after = apply(notes, edits);
    assert.match(after.get(`${USER}/other/b.md`)!, /See \[\[losses\/alpha\]\], \[\[losses\/alpha#公式\|the formula\]\] and \[\[losses\/ab\]\]\./);
    assert.match(after.get(`${USER}/other/b.md`)!, /^related: \[losses\/alpha, other\/c\]$/m);
    assert.match(after.get(`${USER}/other/c.md`)!, /^ {2}- losses\/alpha\n {2}- 'losses\/alpha'$/m);
  });

  it("recomputes the moved note's own relative links to notes that stay, and leaves its wiki links alone", () => {
    const notes = [note('losses/a.md', 'To [B](b.md), [web](https://x.org/b.md), [self](#h), [[losses/b]].'), note('losses/b.md', 'B')];
    const edits = linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/mine/deep/a.md` }] });
    const after = apply(notes, edits).get(`${USER}/losses/a.md`)!;
    assert.match(after, /To \[B\]\(\.\.\/\.\.\/losses\/b\.md\), \[web\]\(https:\/\/x\.org\/b\.md\), \[self\]\(#h\), \[\[losses\/b\]\]\./);
    assert.equal(edits.length, 1);
  });

  it('moves a folder: links into it change, links between its notes stay valid as written', () => {
    const notes = [
      note('losses/a.md', 'To [B](b.md) and [C](../other/c.md).'),
      note('losses/b.md', 'B'),
      note('other/c.md', 'See [A](../losses/a.md) and [[losses/b]].'),
    ];
    const edits = linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses`, newPath: `${USER}/ml/loss-functions` }] });
    const after = apply(notes, edits);
    assert.match(after.get(`${USER}/other/c.md`)!, /See \[A\]\(\.\.\/ml\/loss-functions\/a\.md\) and \[\[ml\/loss-functions\/b\]\]\./);
    assert.match(after.get(`${USER}/losses/a.md`)!, /To \[B\]\(b\.md\) and \[C\]\(\.\.\/\.\.\/other\/c\.md\)\./);
    assert.equal(edits.filter((e) => e.path === `${USER}/losses/a.md`).length, 1, 'only the link leaving the folder');
  });

  it('leaves links in code fences and code spans alone', () => {
    const body = ['Real [A](a.md).', '```md', '[A](a.md) [[losses/a]]', '```', '~~~~', '[[losses/a]]', '~~~~', 'Span `[[losses/a]]` and `[A](a.md)` then [[losses/a]].'].join('\n');
    const notes = [note('losses/a.md', 'A'), note('losses/b.md', body)];
    const edits = linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/losses/z.md` }] });
    const after = apply(notes, edits).get(`${USER}/losses/b.md`)!;
    assert.match(after, /Real \[A\]\(z\.md\)\.\n```md\n\[A\]\(a\.md\) \[\[losses\/a\]\]\n```\n~~~~\n\[\[losses\/a\]\]\n~~~~\nSpan `\[\[losses\/a\]\]` and `\[A\]\(a\.md\)` then \[\[losses\/z\]\]\./);
    assert.equal(edits.length, 2);
  });

  it('never edits bundled notes, and leaves links alone when a later folder’s note wins the old id', () => {
    const bundled: NoteText = { path: `${BUNDLED}/losses/b.md`, root: BUNDLED, text: fm('[[losses/a]] [A](a.md)'), bundled: true };
    const notes = [bundled, note('losses/a.md', 'A'), note('x/c.md', '[[losses/a]]')];
    const edits = linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/losses/q.md` }] });
    assert.deepEqual(edits.map((e) => e.path), [`${USER}/x/c.md`], 'the user note only');

    const second = '/home/u/more';
    const shadowing = [note('losses/a.md', 'A'), { path: `${second}/losses/a.md`, root: second, text: fm('mine') }, note('x/c.md', '[[losses/a]]')];
    const none = linkEditsForRenames({ roots: [BUNDLED, USER, second], notes: shadowing, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/losses/q.md` }] });
    assert.deepEqual(none, [], '[[losses/a]] names the other folder’s note');
  });

  it('keeps %-encoding, encodes spaces, and rewrites reference definitions', () => {
    const notes = [note('losses/a.md', 'A'), note('other/b.md', ['[A](../losses/a.md#%E5%85%AC%E5%BC%8F)', '', '[ref]: ../losses/a.md'].join('\n'))];
    const edits = linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/losses/my notes/交叉熵.md` }] });
    const after = apply(notes, edits).get(`${USER}/other/b.md`)!;
    assert.match(after, /\[A\]\(\.\.\/losses\/my%20notes\/%E4%BA%A4%E5%8F%89%E7%86%B5\.md#%E5%85%AC%E5%BC%8F\)/);
    assert.match(after, /\[ref\]: \.\.\/losses\/my%20notes\/交叉熵\.md/);
  });

  it('gives no edits for a rename that no link names, or a move out of the notes folders', () => {
    const notes = [note('losses/a.md', 'A'), note('losses/b.md', '[[losses/b]]')];
    assert.deepEqual(linkEditsForRenames({ roots, notes, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: `${USER}/losses/c.md` }] }), []);
    const out = [note('losses/a.md', '[B](b.md)'), note('losses/b.md', '[A](a.md)')];
    assert.deepEqual(linkEditsForRenames({ roots, notes: out, renames: [{ oldPath: `${USER}/losses/a.md`, newPath: '/tmp/a.md' }] }), []);
  });
});
