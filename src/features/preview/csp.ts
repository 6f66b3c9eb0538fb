/** A fresh nonce for every page load, as VS Code's Markdown preview does. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // Web Crypto exists in Node 20 and in web workers alike; a nonce must not be guessable.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(32));
  let s = '';
  for (const b of bytes) s += chars[b % chars.length];
  return s;
}

/**
 * The Content-Security-Policy of the page. KaTeX positions glyphs with `style="…"` attributes, so inline
 * *attributes* are allowed (`style-src-attr`), while style *elements* must come from the extension
 * (`style-src-elem`): a note cannot add a stylesheet. VS Code's built-in preview allows both ('unsafe-inline').
 * Scripts: only ours, by nonce. Images: only through the webview resource origin (notes roots, media).
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource}`,
    `font-src ${cspSource}`,
    `style-src ${cspSource}`,
    `style-src-elem ${cspSource}`,
    "style-src-attr 'unsafe-inline'",
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
