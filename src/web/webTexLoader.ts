import * as vscode from 'vscode';
import type { TexToSvg } from '../core';

/**
 * Loads MathJax (dist/web/texToSvg.js, a CommonJS chunk) in the web worker host, where `require` of a file does not
 * exist and `importScripts` is blocked. The worker's `fetch` maps `vscode-remote:` URIs to the server (code-server)
 * and reads `https:` ones (vscode.dev) as they are; anything else is read through `workspace.fs`. The text is run with
 * `new Function`, which the worker's CSP allows ('unsafe-eval': it is how VS Code loads the extension itself).
 */
export async function loadWebTexToSvg(extensionUri: vscode.Uri): Promise<TexToSvg> {
  const uri = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'texToSvg.js');
  let code: string;
  try {
    const response = await fetch(uri.toString(true));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    code = await response.text();
  } catch {
    code = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  }
  const module = { exports: {} as { createTexToSvg?: () => TexToSvg } };
  new Function('module', 'exports', code)(module, module.exports);
  if (typeof module.exports.createTexToSvg !== 'function') throw new Error(`${uri}: not the TeX to SVG chunk`);
  return module.exports.createTexToSvg();
}
