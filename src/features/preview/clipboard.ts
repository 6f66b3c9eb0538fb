import * as vscode from 'vscode';

/**
 * Writes to the clipboard, or says it could not: in a browser (code-server) the write is refused, or never
 * settles, while the page is not focused.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000));
  return Promise.race([vscode.env.clipboard.writeText(text).then(() => true, () => false), timeout]);
}
