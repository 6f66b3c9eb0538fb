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

export { HEADING_ID_PREFIX, headingId, slugOfHeadingId } from '../shared/headingIds';
