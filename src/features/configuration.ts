import * as vscode from 'vscode';

/** Every `aiNotes.*` setting the extension reads. The only module that calls `getConfiguration('aiNotes')`. */
export interface AiNotesConfiguration {
  notesFolders: string[];
  includeBundledNotes: boolean;
  displayLanguage: 'auto' | 'zh' | 'en';
  hover: { enabled: boolean; languages: string[]; mode: HoverMode };
  /** Where a note opened from code (hover, Explain, Look Up in an editor) shows: beside the code, or in its place. */
  openFromCode: 'beside' | 'active';
  tree: { showHeadings: boolean };
  /** Bounds of a "Where Used" search over the workspace. */
  whereUsed: { maxFiles: number; maxSeconds: number };
  /** Whether renaming or moving a note updates the links to it: ask each time, always, or never. */
  links: { updateOnRename: UpdateLinksOnRename };
}

export type UpdateLinksOnRename = 'prompt' | 'always' | 'never';

/** `auto`: compact when a Python language server also answers hovers, full otherwise. */
export type HoverMode = 'auto' | 'compact' | 'full' | 'off';

export type SettingKey =
  | 'notesFolders'
  | 'includeBundledNotes'
  | 'displayLanguage'
  | 'hover.enabled'
  | 'hover.languages'
  | 'hover.mode'
  | 'openFromCode'
  | 'tree.showHeadings'
  | 'whereUsed.maxFiles'
  | 'whereUsed.maxSeconds'
  | 'links.updateOnRename';

const HOVER_MODES: readonly HoverMode[] = ['auto', 'compact', 'full', 'off'];

const SECTION = 'aiNotes';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function positive(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The settings as one typed value; `scope` (a document) picks up language- and folder-specific values. */
export function readConfiguration(scope?: vscode.ConfigurationScope): AiNotesConfiguration {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const lang = c.get<string>('displayLanguage', 'auto');
  const mode = c.get<string>('hover.mode', 'auto') as HoverMode;
  return {
    notesFolders: stringList(c.get('notesFolders', [])),
    includeBundledNotes: c.get<boolean>('includeBundledNotes', true) !== false,
    displayLanguage: lang === 'zh' || lang === 'en' ? lang : 'auto',
    hover: {
      enabled: c.get<boolean>('hover.enabled', true) !== false,
      languages: stringList(c.get('hover.languages', ['python'])),
      mode: HOVER_MODES.includes(mode) ? mode : 'auto',
    },
    openFromCode: c.get<string>('openFromCode', 'beside') === 'active' ? 'active' : 'beside',
    tree: { showHeadings: c.get<boolean>('tree.showHeadings', true) !== false },
    whereUsed: { maxFiles: positive(c.get('whereUsed.maxFiles'), 5000), maxSeconds: positive(c.get('whereUsed.maxSeconds'), 30) },
    links: { updateOnRename: (['always', 'never'] as const).find((v) => v === c.get<string>('links.updateOnRename')) ?? 'prompt' },
  };
}

/** Calls `listener` when any of `keys` changes. */
export function onDidChangeSettings(keys: readonly SettingKey[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) listener();
  });
}

/** Adds folders to `aiNotes.notesFolders` (user settings), keeping the ones already there. */
export async function addNotesFolders(folders: readonly string[]): Promise<void> {
  const next = [...new Set([...readConfiguration().notesFolders, ...folders])];
  await vscode.workspace.getConfiguration(SECTION).update('notesFolders', next, vscode.ConfigurationTarget.Global);
}

/** Sets `aiNotes.links.updateOnRename` in the user settings (the notification's Always / Never). */
export async function setUpdateLinksOnRename(value: UpdateLinksOnRename): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('links.updateOnRename', value, vscode.ConfigurationTarget.Global);
}

/** Opens the Settings editor at one of our settings. */
export function openSetting(key: SettingKey): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.${key}`);
}
