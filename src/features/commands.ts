import * as vscode from 'vscode';

/** Every command the extension registers, as typed constants (package.json declares the same ids). */
export const Commands = {
  refresh: 'aiNotes.refresh',
  configureFolders: 'aiNotes.configureFolders',
  openNote: 'aiNotes.openNote',
  openSource: 'aiNotes.openSource',
  lookup: 'aiNotes.lookup',
  searchNotes: 'aiNotes.searchNotes',
  explainAtCursor: 'aiNotes.explainAtCursor',
  revealInTree: 'aiNotes.revealInTree',
  copyLink: 'aiNotes.copyLink',
} as const;

export type CommandId = (typeof Commands)[keyof typeof Commands];

/** Where to open a note: an id plus, optionally, a heading slug or a 0-based line. */
export interface NoteTarget {
  id: string;
  heading?: string;
  line?: number;
}

/** A `command:` URI for Markdown (hovers), with JSON-encoded arguments. */
export function commandUri(command: CommandId, ...args: unknown[]): vscode.Uri {
  return vscode.Uri.parse(`command:${command}?${encodeURIComponent(JSON.stringify(args))}`);
}

/** Accepts a NoteTarget, a bare id, or a tree item carrying one; returns undefined for anything else. */
export function toNoteTarget(arg: unknown): NoteTarget | undefined {
  if (typeof arg === 'string') return { id: arg };
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (o.target && typeof o.target === 'object') return toNoteTarget(o.target);
    // A Notes tree node, as passed to the tree's inline and context-menu actions.
    if (o.note && typeof o.note === 'object' && typeof (o.note as { id?: unknown }).id === 'string') {
      const heading = o.heading as { slug?: unknown; line?: unknown } | undefined;
      return {
        id: (o.note as { id: string }).id,
        heading: typeof heading?.slug === 'string' ? heading.slug : undefined,
        line: typeof heading?.line === 'number' ? heading.line : undefined,
      };
    }
    if (typeof o.id === 'string') {
      return {
        id: o.id,
        heading: typeof o.heading === 'string' ? o.heading : undefined,
        line: typeof o.line === 'number' ? o.line : undefined,
      };
    }
  }
  return undefined;
}
