// DOM ids of note headings: written by the core's renderer, read by the preview page. Pure, shared by both.

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
