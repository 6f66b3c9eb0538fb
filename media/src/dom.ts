// The page's fixed elements, the VS Code webview api and the small DOM helpers every module uses.
import type { WebviewMessage } from '../../src/shared/previewProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

export const vscode = acquireVsCodeApi();
export const post = (m: WebviewMessage): void => vscode.postMessage(m);

interface Labels {
  copyCode: string;
  cannotShow: string;
}
export const labels: Labels = (() => {
  const fallback: Labels = { copyCode: 'Copy', cannotShow: 'This note could not be shown in the preview. Open the source to read it.' };
  try {
    const parsed = JSON.parse(document.body.dataset.labels ?? '{}') as Partial<Labels>;
    return {
      copyCode: typeof parsed.copyCode === 'string' ? parsed.copyCode : fallback.copyCode,
      cannotShow: typeof parsed.cannotShow === 'string' ? parsed.cannotShow : fallback.cannotShow,
    };
  } catch {
    return fallback;
  }
})();

export const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
export const content = $<HTMLElement>('content');
export const header = $<HTMLElement>('note-header');
export const crumbs = $<HTMLElement>('crumbs');
export const outlineList = $<HTMLUListElement>('outline-list');
export const related = $<HTMLElement>('related');
export const relatedList = $<HTMLUListElement>('related-list');
export const linkedFrom = $<HTMLElement>('linked-from');
export const linkedFromList = $<HTMLUListElement>('linked-from-list');
export const notice = $<HTMLElement>('notice');
export const backButton = $<HTMLElement>('back');
export const forwardButton = $<HTMLElement>('forward');
export const outlineToggle = $<HTMLElement & { checked: boolean }>('outline-toggle');

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
