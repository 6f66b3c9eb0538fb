/**
 * Whether an absolute, already normalised path lies strictly inside a root folder. Either separator works, so
 * Windows paths and POSIX paths give the same answer; `/notes-old/x` is not inside `/notes`.
 */
export function isInsideRoot(path: string, root: string): boolean {
  const p = path.replace(/\\/g, '/');
  const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
  return p.startsWith(`${r}/`);
}
