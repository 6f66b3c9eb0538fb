import { join, relative } from '../shared/posixPath';

/** A URI string as the browser host names files: `scheme://authority/path`. */
export const URI_STRING = /^([a-zA-Z][\w+.-]*):\/\/([^/]*)(.*)$/;

/**
 * A folder of `aiNotes.notesFolders` as a root in the browser, given the first workspace folder as a URI string:
 * relative to the workspace, `${workspaceFolder}/…`, an absolute path on the workspace's own file system, or a URI
 * string. `~` paths name a home folder a browser cannot read: `'home'`, so the caller can say so.
 */
export function resolveWebFolder(folder: string, workspace: string | undefined): string | 'home' | undefined {
  let f = folder.trim();
  if (!f) return undefined;
  if (f === '~' || f.startsWith('~/')) return 'home';
  if (workspace) f = f.replace(/\$\{workspaceFolder\}/g, workspace);
  if (URI_STRING.test(f)) return join(f);
  if (!workspace) return undefined;
  if (f.startsWith('/')) {
    const m = URI_STRING.exec(workspace)!;
    return join(`${m[1]}://${m[2]}`, f);
  }
  return join(workspace, f);
}

/** How a picked folder is written into the setting: relative to its workspace folder when inside one. */
export function webFolderSetting(folder: string, workspace: string | undefined): string {
  if (workspace === undefined) return folder;
  const rel = relative(workspace, folder);
  return rel.startsWith('..') || URI_STRING.test(rel) ? folder : rel || '.';
}
