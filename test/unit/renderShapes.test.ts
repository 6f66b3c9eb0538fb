// The renderer on the hostile shapes of issue 9: inputs that used to take seconds to minutes (backtracking
// regexes, quadratic scans) or rendered wrongly. Each case checks what the output must be; mocha's timeout
// catches a hang, and the growth of each shape is measured in `npm run bench` (bench/renderBench.ts).
import * as assert from 'node:assert/strict';
import { renderNote, type NoteToRender } from '../../src/core';

function note(body: string): NoteToRender {
  return { id: 'topic/a', path: '/notes/topic/a.md', root: '/notes', body, bodyLine: 0 };
}
const render = (body: string) => renderNote(note(body), { noteTitle: (id) => (id === 'topic/b' ? 'B' : undefined) });
const count = (html: string, re: RegExp) => (html.match(re) ?? []).length;

describe('renderNote on hostile shapes (issue 9)', () => {
  describe('formula size check (item 3)', () => {
    it('renders \\hphantom followed by 3,000 spaces', () => {
      const { html, problems } = render(`$\\hphantom${' '.repeat(3000)}x$`);
      assert.equal(count(html, /<span class="katex">/g), 1);
      assert.deepEqual(problems, []);
    });

    it('still finds an oversized size after thousands of spaces, brackets and braces', () => {
      for (const tex of [`\\kern${' '.repeat(3000)}300pt`, `\\rule[${' '.repeat(10)}1pt]${' '.repeat(3000)}{ 500em}{1pt}`, `\\hspace*{${' '.repeat(3000)}99cm}`]) {
        const { problems } = render(`$${tex}$`);
        assert.ok(problems.some((p) => /over the 20em limit and was capped/.test(p.message)), `${tex.replace(/ +/g, ' ')}: ${JSON.stringify(problems)}`);
      }
    });
  });
});
