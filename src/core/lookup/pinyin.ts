import { pinyin, polyphonic } from 'pinyin-pro';
import { compactText, hanRuns, hasHan } from './normalize';

export interface PinyinForms {
  /** Toneless pinyin without spaces, Latin parts kept: `交叉熵` → `jiaochashang`, `KL散度` → `klsandu`. */
  full: string;
  /** First letters of each syllable, Latin parts kept whole: `交叉熵` → `jcs`, `KL散度` → `klsd`. */
  initials: string;
}

const OPTIONS = { toneType: 'none', type: 'array', v: true } as const;
/**
 * Reverse maximum matching: twice as fast as pinyin-pro's default segmentation and, on every Chinese title
 * and alias of the bundled notes, the same readings.
 */
const RUN_OPTIONS = { ...OPTIONS, segmentit: 1 as const };

/** Reading of each character seen so far: its only reading, or null when it has several. */
const readings = new Map<string, string | null>();

function readingOf(ch: string): string | null {
  let r = readings.get(ch);
  if (r === undefined) {
    const all = (polyphonic(ch, OPTIONS) as string[][])[0] ?? [];
    r = all.length === 1 ? all[0].replace(/[^a-z]/g, '') : null;
    readings.set(ch, r);
  }
  return r;
}

/**
 * Toneless syllables of a run of Han characters. Characters with one reading come from a cache; a run
 * holding a polyphonic character goes to pinyin-pro whole, which reads it from context (长度 → chang du).
 */
function syllables(run: string): string[] {
  const out: string[] = [];
  for (const ch of run) {
    const r = readingOf(ch);
    if (r === null) return (pinyin(run, RUN_OPTIONS as typeof OPTIONS) as string[]).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
    out.push(r);
  }
  return out;
}

/**
 * Pinyin of a name containing Chinese, computed once at index time (pinyin-pro picks the reading of
 * polyphonic characters from context: 长度 → changdu). Undefined when the text has no Han characters.
 */
export function pinyinForms(text: string): PinyinForms | undefined {
  if (!hasHan(text)) return undefined;
  let full = '';
  let initials = '';
  for (const run of hanRuns(text.normalize('NFKC'))) {
    if (run.han) {
      for (const s of syllables(run.text)) {
        full += s;
        initials += s.charAt(0);
      }
    } else {
      const latin = compactText(run.text);
      full += latin;
      initials += latin;
    }
  }
  return full ? { full, initials } : undefined;
}
