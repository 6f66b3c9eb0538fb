// The host-message pump (show, scrollTo, notice) and the toolbar's buttons, which become messages back.
import { parseHostMessage, type WebviewMessage } from '../../src/shared/previewProtocol';
import { $, backButton, content, el, forwardButton, header, labels, notice, outlineList, post, related, linkedFrom } from './dom';
import { applyScroll, readingPosition } from './scroll';
import { show } from './show';

function setEnabled(button: HTMLElement, enabled: boolean): void {
  button.setAttribute('aria-disabled', String(!enabled));
  button.classList.toggle('disabled', !enabled);
}

function onToolbar(id: string, message: WebviewMessage): void {
  $(id).addEventListener('click', (e) => {
    if ((e.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') return;
    post(message);
  });
}

export function installToolbar(): void {
  onToolbar('back', { type: 'back' });
  onToolbar('forward', { type: 'forward' });
  onToolbar('open-source', { type: 'openSource' });
  onToolbar('reveal', { type: 'revealInTree' });
  onToolbar('where-used', { type: 'findWhereUsed' });
  onToolbar('copy-link', { type: 'copyLink' });
}

let noticeTimer: number | undefined;
function showNotice(text: string): void {
  notice.textContent = text;
  notice.classList.add('visible');
  window.clearTimeout(noticeTimer);
  noticeTimer = window.setTimeout(() => notice.classList.remove('visible'), 2500);
}

export function installHostMessages(): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const message = parseHostMessage(event.data);
    if (!message) {
      // A note the page could not take (too big, malformed): say so instead of staying on "Loading…".
      const data = event.data as { type?: unknown } | null;
      if (typeof data === 'object' && data !== null && data.type === 'show') showError(labels.cannotShow);
      return;
    }
    switch (message.type) {
      case 'show':
        setEnabled(backButton, message.canGoBack);
        setEnabled(forwardButton, message.canGoForward);
        show(message.view, message.scroll);
        return;
      case 'scrollTo':
        applyScroll(message.scroll, readingPosition());
        return;
      case 'notice':
        showNotice(message.text);
        return;
    }
  });
}

/** A note the page could not show: an alert in place of the note (the toolbar's Open Source still opens it). */
function showError(text: string): void {
  const box = el('div', 'preview-error');
  box.setAttribute('role', 'alert');
  box.append(el('p', undefined, text));
  content.replaceChildren(box);
  header.replaceChildren();
  outlineList.replaceChildren();
  related.hidden = true;
  linkedFrom.hidden = true;
}
