import * as path from 'node:path';
import { buildLookupIndex, capQuery, displaySummary, displayTitle, matchSnippet, MAX_QUERY_LENGTH, noteNames, searchConcepts, type Lang } from '../core';
import { jsonOption, langOption, loadNotes, notesOption, type CliArgs, type CliCommand } from './shared';

function langOf(args: CliArgs): Lang {
  return args.flags.lang === 'en' ? 'en' : 'zh';
}

function limitOf(args: CliArgs): number | undefined {
  if (args.flags.limit === undefined) return 10;
  const n = Number(args.flags.limit);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

export const searchCommand: CliCommand = {
  usage:
    'search <query> [--json] [--limit N] [--lang zh|en] [--notes <folder>]\n' +
    '                             look up notes and headings (Chinese, English, pinyin, code names, typos); best first;\n' +
    '                             --json prints [{ id, title, title_en, names, heading?, score, match, matched, snippet }]: matched is the\n' +
    '                             field that answered (title, alias, code, summary, facet, heading, body), snippet a clean\n' +
    '                             line of text; exit 1 when nothing matches',
  options: { ...jsonOption, ...langOption, ...notesOption, limit: { type: 'string' } },
  async run(args) {
    const query = args.positional.join(' ').trim();
    const limit = limitOf(args);
    if (!query || limit === undefined) {
      process.stderr.write(`usage: ai-notes ${this.usage}\n`);
      return 2;
    }
    if (capQuery(query) !== query) console.error(`search: only the first ${MAX_QUERY_LENGTH} characters of the query are searched`);
    const snapshot = await loadNotes(args);
    const results = searchConcepts(buildLookupIndex(snapshot), query, { limit });
    if (args.flags.json) {
      const rows = results.map((r) => {
        const { note, heading } = r.item;
        return {
          id: note.id,
          title: note.title,
          title_en: note.titleEn,
          names: noteNames(note),
          ...(heading ? { heading: heading.text, anchor: heading.slug, line: heading.line + 1 } : {}),
          score: r.score,
          match: { tier: r.tier, field: r.field, name: r.matched },
          matched: r.meaning?.field ?? r.field,
          snippet: matchSnippet(r, langOf(args)),
        };
      });
      process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    } else {
      const lang = langOf(args);
      results.forEach((r, i) => {
        const { note, heading } = r.item;
        const title = displayTitle(note, lang) + (heading ? ` › ${heading.text}` : '');
        const where = note.id + (heading ? `#${heading.slug}` : '');
        const matched = r.matched.length > 40 ? `${r.matched.slice(0, 39)}…` : r.matched;
        console.log(`${String(i + 1).padStart(2)}. ${title}  ${where}  (${r.tier} ${r.field}: ${matched}; ${r.score})`);
      });
      if (!results.length) console.error(`no note matches "${capQuery(query)}${capQuery(query) !== query ? '…' : ''}"`);
    }
    return results.length ? 0 : 1;
  },
};

export const showCommand: CliCommand = {
  usage: 'show <id> [--json] [--lang zh|en] [--notes <folder>]\n' + "                             print a note's titles, summary and path",
  options: { ...jsonOption, ...langOption, ...notesOption },
  async run(args) {
    const id = (args.positional[0] ?? '').replace(/\.md$/, '');
    if (!id) {
      process.stderr.write(`usage: ai-notes ${this.usage}\n`);
      return 2;
    }
    const snapshot = await loadNotes(args);
    const note = snapshot.notes.get(id);
    if (!note) {
      const guesses = searchConcepts(buildLookupIndex(snapshot), id, { limit: 3 }).map((r) => r.item.note.id);
      const unique = [...new Set(guesses)];
      console.error(`no note with id "${id}"${unique.length ? `; did you mean ${unique.join(', ')}?` : ''}`);
      return 1;
    }
    if (args.flags.json) {
      const { title, titleEn, summary, summaryEn, aliases, code, related, topicId } = note;
      process.stdout.write(
        `${JSON.stringify({ id: note.id, title, title_en: titleEn, summary, summary_en: summaryEn, path: note.path, topic: topicId, aliases, code, related }, null, 2)}\n`,
      );
      return 0;
    }
    const lang = langOf(args);
    const other = lang === 'zh' ? note.titleEn : note.title;
    console.log(`${displayTitle(note, lang)}${other && other !== displayTitle(note, lang) ? ` (${other})` : ''}`);
    console.log(displaySummary(note, lang));
    const second = lang === 'zh' ? note.summaryEn : note.summary;
    if (second && second !== displaySummary(note, lang)) console.log(second);
    console.log(path.relative(process.cwd(), note.path) || note.path);
    return 0;
  },
};
