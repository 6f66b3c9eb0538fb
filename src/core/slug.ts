/** Heading anchor ids: lower-case, letters/digits of any script kept, the rest folded into '-'. */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]+/gu, '')
    .trim()
    .replace(/[\s_-]+/g, '-');
}

/** Gives repeated slugs in one document the suffixes -1, -2… (as markdown-it-anchor does). */
export function uniqueSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text) => {
    const base = slugify(text) || 'section';
    let slug = base;
    let i = seen.get(base) ?? 0;
    while (seen.has(slug)) slug = `${base}-${++i}`;
    seen.set(base, i);
    seen.set(slug, 0);
    return slug;
  };
}

/**
 * The element id of a heading in rendered HTML: its slug behind a prefix that no id of the preview's page chrome
 * starts with. A note's heading named `Back` or `Content` would otherwise reuse the toolbar's `#back` or the
 * article's `#content`. Slugs stay what the tree, links and `data-heading` use; only the DOM id carries the prefix.
 */
export const HEADING_ID_PREFIX = 'h-';

export function headingId(slug: string): string {
  return `${HEADING_ID_PREFIX}${slug}`;
}

/** The slug of a heading element id, or undefined when the id is not a heading's. */
export function slugOfHeadingId(id: string): string | undefined {
  return id.startsWith(HEADING_ID_PREFIX) ? id.slice(HEADING_ID_PREFIX.length) : undefined;
}
