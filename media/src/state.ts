// The page's shared mutable state: the id of the note on show (restored from the saved webview state).
import { parsePreviewState } from '../../src/shared/previewProtocol';
import { vscode } from './dom';

let currentId: string | undefined = parsePreviewState(vscode.getState())?.id;

export function getCurrentId(): string | undefined {
  return currentId;
}

export function setCurrentId(id: string | undefined): void {
  currentId = id;
}
