/** Where to open a note: an id plus, optionally, a heading slug or a 0-based line. */
export interface NoteTarget {
  id: string;
  heading?: string;
  line?: number;
  /** A search query to highlight at the line on arrival (Search Notes). */
  highlight?: string;
}

/** `[[id]]` or `[[id#heading]]`: the wiki-link form notes use to link each other (the preview follows it). */
export function noteLink(target: NoteTarget): string {
  return target.heading ? `[[${target.id}#${target.heading}]]` : `[[${target.id}]]`;
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
        ...(typeof o.highlight === 'string' && o.highlight.trim() ? { highlight: o.highlight.trim().slice(0, 200) } : {}),
      };
    }
  }
  return undefined;
}
