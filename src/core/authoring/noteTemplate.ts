import { pinyin } from 'pinyin-pro';
import { stringify } from 'yaml';

const HAN = /[\u3400-\u9fff]/;

/**
 * A readable ASCII file name (and so note id part) for a title: `Focal Loss` → `focal-loss`, `焦点损失` →
 * `jiao-dian-sun-shi`, `KL 散度` → `kl-san-du`. Empty when nothing in the title can be spelled in ASCII.
 */
export function noteSlug(title: string): string {
  const parts = HAN.test(title)
    ? (pinyin(title.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[])
    : [title.normalize('NFKC')];
  return parts
    .join('-')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** A file name not yet taken in a folder: `slug.md`, else `slug-2.md`, `slug-3.md`… */
export function freeFileName(slug: string, taken: ReadonlySet<string>): string {
  const base = slug || 'note';
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(`${base}.md`)) return `${base}.md`;
  for (let i = 2; ; i++) if (!lower.has(`${base}-${i}.md`)) return `${base}-${i}.md`;
}

export interface NewNote {
  /** The title the user typed, in Chinese or English. */
  title: string;
  /** Position among the topic's notes. */
  order?: number;
  /** Code names to start `code:` with ("Add to My Notes"). */
  code?: string[];
}

/** One YAML scalar in flow style: plain when YAML reads it back as the same string, quoted otherwise. */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A YAML flow list (`[a, b]`); an item with a flow indicator in it is quoted. */
export function flowList(values: readonly string[]): string {
  return `[${values.map((v) => (/[,[\]{}]/.test(v) ? JSON.stringify(v) : scalar(v))).join(', ')}]`;
}

/**
 * The text of a new note: complete front matter (both titles: the typed one in the field of its language and, for
 * an English title, in `title` too, since `title` is what Chinese UIs show), empty summaries to fill in, and a
 * `# title` heading.
 */
export function newNoteText(note: NewNote): string {
  const title = note.title.trim();
  const chinese = HAN.test(title);
  const lines = [
    '---',
    `title: ${scalar(title)}`,
    `title_en: ${chinese ? "''" : scalar(title)}`,
    'aliases: []',
    "summary: ''",
    "summary_en: ''",
    ...(note.order !== undefined ? [`order: ${note.order}`] : []),
    `code: ${flowList(note.code ?? [])}`,
    'related: []',
    '---',
    '',
    `# ${title}`,
    '',
    '',
  ];
  return lines.join('\n');
}

/** The `_index.md` of a new topic folder. */
export function newTopicText(title: string): string {
  const t = title.trim();
  return ['---', `title: ${scalar(t)}`, `title_en: ${HAN.test(t) ? "''" : scalar(t)}`, "summary: ''", "summary_en: ''", '---', ''].join('\n');
}

/** The order a new note takes among notes with these orders: after the last. */
export function nextOrder(orders: ReadonlyArray<number | undefined>): number {
  return Math.max(0, ...orders.filter((o): o is number => o !== undefined && Number.isFinite(o))) + 1;
}
