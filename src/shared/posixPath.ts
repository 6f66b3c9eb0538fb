/**
 * Path helpers for `/`-separated paths, with or without a `scheme://authority` prefix: the browser host names notes
 * by URI strings (see src/features/platform.ts), and a web worker has no `node:path`. The prefix is never split.
 */

/** `scheme://authority` of a URI string, or '' for a plain path. */
function prefixOf(p: string): string {
  return /^[a-zA-Z][\w+.-]*:\/\/[^/]*/.exec(p)?.[0] ?? '';
}

/** Resolves `.` and `..` segments and repeated slashes of the part after the prefix. */
function normalise(p: string): string {
  const prefix = prefixOf(p);
  const rest = p.slice(prefix.length);
  const absolute = rest.startsWith('/');
  const out: string[] = [];
  for (const seg of rest.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
      continue;
    }
    out.push(seg);
  }
  return `${prefix}${absolute || prefix ? '/' : ''}${out.join('/')}`;
}

export function join(...parts: string[]): string {
  const kept = parts.filter((s) => s !== '');
  if (!kept.length) return '.';
  return normalise(kept.join('/'));
}

export function dirname(p: string): string {
  const prefix = prefixOf(p);
  const rest = normalise(p).slice(prefix.length);
  const at = rest.lastIndexOf('/');
  if (at <= 0) return `${prefix}${rest.startsWith('/') ? '/' : '.'}`;
  return prefix + rest.slice(0, at);
}

export function basename(p: string): string {
  const rest = p.slice(prefixOf(p).length).replace(/\/+$/, '');
  return rest.slice(rest.lastIndexOf('/') + 1);
}

/** `to` relative to `from` (both absolute, same prefix); `to` itself when their prefixes differ. */
export function relative(from: string, to: string): string {
  const a = normalise(from);
  const b = normalise(to);
  if (prefixOf(a) !== prefixOf(b)) return b;
  const as = a.slice(prefixOf(a).length).split('/').filter(Boolean);
  const bs = b.slice(prefixOf(b).length).split('/').filter(Boolean);
  let i = 0;
  while (i < as.length && i < bs.length && as[i] === bs[i]) i++;
  return [...as.slice(i).map(() => '..'), ...bs.slice(i)].join('/');
}

export const posixPath = { join, dirname, basename, relative };
