import * as assert from 'node:assert/strict';
import { parseHostMessage, parsePreviewState, parseWebviewMessage } from '../../src/shared/previewProtocol';

describe('preview messages', () => {
  describe('from the webview (validated by the host)', () => {
    it('accepts every well-formed message', () => {
      const ok: unknown[] = [
        { type: 'ready' }, { type: 'back' }, { type: 'forward' }, { type: 'revealInTree' },
        { type: 'openNote', id: 'losses/cross-entropy' }, { type: 'openNote', id: 'a', heading: '定义' },
        { type: 'openExternal', url: 'https://example.com/a?b=1' }, { type: 'openExternal', url: 'http://x.org' },
        { type: 'openSource' }, { type: 'openSource', line: 12 }, { type: 'copyLink' }, { type: 'copyLink', heading: 'x' },
        { type: 'copyText', text: 'print(1)' }, { type: 'scroll', id: 'a', top: 10 }, { type: 'scroll', id: 'a', top: 10, line: 3, delta: -4 },
      ];
      const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
      for (const m of ok) assert.deepEqual(json(parseWebviewMessage(m)), json(m), JSON.stringify(m));
    });

    it('rejects anything else', () => {
      const bad: unknown[] = [
        null, 'ready', [], { type: 'nope' }, { type: 'openNote' }, { type: 'openNote', id: '' }, { type: 'openNote', id: 42 },
        { type: 'openNote', id: 'a'.repeat(600) }, { type: 'openNote', id: 'a\u0000b' }, { type: 'openNote', id: 'a', heading: 3 },
        { type: 'openExternal', url: 'javascript:alert(1)' }, { type: 'openExternal', url: 'command:workbench.action.quit' },
        { type: 'openExternal', url: 'file:///etc/passwd' }, { type: 'openExternal', url: 'vscode://x' }, { type: 'openExternal', url: 'https://a b' },
        { type: 'openSource', line: -1 }, { type: 'openSource', line: 'x' }, { type: 'openSource', line: Infinity },
        { type: 'copyText', text: 'x'.repeat(1_000_001) }, { type: 'scroll', id: 'a' }, { type: 'scroll', id: 'a', top: NaN },
        { type: 'constructor' }, { type: '__proto__' },
      ];
      for (const m of bad) assert.equal(parseWebviewMessage(m), undefined, JSON.stringify(m));
    });

    it('drops unknown fields and an invalid optional line', () => {
      assert.deepEqual(parseWebviewMessage({ type: 'openNote', id: 'a', extra: '<script>' }), { type: 'openNote', id: 'a', heading: undefined });
      assert.deepEqual(parseWebviewMessage({ type: 'scroll', id: 'a', top: 5, line: -2, delta: 3 }), { type: 'scroll', id: 'a', top: 5 });
    });
  });

  describe('from the host (validated by the webview)', () => {
    const view = { id: 'a', title: 'T', subtitle: '', breadcrumb: ['x'], tags: [], html: '<p>x</p>', outline: [{ level: 2, slug: 's', html: 'S' }], related: [{ id: 'b', title: 'B', summaryHtml: '' }], linkedFrom: [{ id: 'c', title: 'C', summaryHtml: 'c' }], hasTitleHeading: true };

    it('accepts show, scrollTo and notice', () => {
      const show = { type: 'show', view, canGoBack: false, canGoForward: true, scroll: { kind: 'heading', slug: 's' } };
      assert.deepEqual(parseHostMessage(show), show);
      assert.deepEqual(parseHostMessage({ type: 'scrollTo', scroll: { kind: 'line', line: 4 } }), { type: 'scrollTo', scroll: { kind: 'line', line: 4 } });
      // A Search Notes hit carries its query to mark on arrival; a non-string or oversized one is refused.
      assert.deepEqual(parseHostMessage({ type: 'scrollTo', scroll: { kind: 'line', line: 4, highlight: 'drop_last' } }), {
        type: 'scrollTo',
        scroll: { kind: 'line', line: 4, highlight: 'drop_last' },
      });
      assert.equal(parseHostMessage({ type: 'scrollTo', scroll: { kind: 'line', line: 4, highlight: 42 } }), undefined);
      assert.equal(parseHostMessage({ type: 'scrollTo', scroll: { kind: 'line', line: 4, highlight: 'x'.repeat(201) } }), undefined);
      assert.deepEqual(parseWebviewMessage({ type: 'findWhereUsed' }), { type: 'findWhereUsed' });
      assert.deepEqual(parseHostMessage({ type: 'notice', text: 'Copied' }), { type: 'notice', text: 'Copied' });
    });

    it('rejects malformed ones', () => {
      const bad: unknown[] = [
        { type: 'show', view, canGoBack: false, canGoForward: true, scroll: { kind: 'sideways' } },
        { type: 'show', view: { ...view, html: 3 }, canGoBack: false, canGoForward: false, scroll: { kind: 'top' } },
        { type: 'show', view: { ...view, outline: [{ level: 'x' }] }, canGoBack: false, canGoForward: false, scroll: { kind: 'top' } },
        { type: 'show', view: { ...view, related: [{ id: '', title: 'x', summaryHtml: '' }] }, canGoBack: false, canGoForward: false, scroll: { kind: 'top' } },
        { type: 'show', view: { ...view, linkedFrom: undefined }, canGoBack: false, canGoForward: false, scroll: { kind: 'top' } },
        { type: 'show', view, scroll: { kind: 'top' } }, { type: 'scrollTo', scroll: { kind: 'offset', top: -5 } }, { type: 'notice', text: 5 },
      ];
      for (const m of bad) assert.equal(parseHostMessage(m), undefined, JSON.stringify(m).slice(0, 200));
    });
  });

  it('reads back a saved state, or nothing', () => {
    assert.deepEqual(parsePreviewState({ id: 'a', top: 120, line: 30, delta: 8 }), { id: 'a', top: 120, line: 30, delta: 8 });
    assert.deepEqual(parsePreviewState({ id: 'a' }), { id: 'a', top: 0 });
    assert.equal(parsePreviewState(undefined), undefined);
    assert.equal(parsePreviewState({ top: 3 }), undefined);
  });
});
