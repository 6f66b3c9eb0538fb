import { pinyin } from 'pinyin-pro';
import { compactText, hanRuns, hasHan } from './normalize';

export interface PinyinForms {
  /** Toneless pinyin without spaces, Latin parts kept: `交叉熵` → `jiaochashang`, `KL散度` → `klsandu`. */
  full: string;
  /** First letters of each syllable, Latin parts kept whole: `交叉熵` → `jcs`, `KL散度` → `klsd`. */
  initials: string;
}

const OPTIONS = { toneType: 'none', type: 'array', v: true } as const;

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
      const syllables = pinyin(run.text, OPTIONS) as string[];
      for (const s of syllables) {
        const clean = s.toLowerCase().replace(/[^a-z]/g, '');
        full += clean;
        initials += clean.charAt(0);
      }
    } else {
      const latin = compactText(run.text);
      full += latin;
      initials += latin;
    }
  }
  return full ? { full, initials } : undefined;
}
