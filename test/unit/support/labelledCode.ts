import * as fs from 'node:fs';
import * as path from 'node:path';
import { findIdentifiers, matchOccurrence, type IdentifierMatcher } from '../../../src/core';

export interface MatcherScore {
  positives: number;
  correct: number;
  wrong: Array<{ file: string; line: number; chain: string; expected: string; got: string }>;
  missed: Array<{ file: string; line: number; chain: string; expected: string }>;
  negatives: number;
  falseAlarms: Array<{ file: string; line: number; chain: string; got: string }>;
}

/** Reads `# concepts: name=id name=?` labels (see test/fixtures/code/README.md) and scores a matcher on every identifier. */
export function scoreLabelledCode(dir: string, matcher: IdentifierMatcher): MatcherScore {
  const score: MatcherScore = { positives: 0, correct: 0, wrong: [], missed: [], negatives: 0, falseAlarms: [] };
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.py')).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const labels = text.split('\n').map((line) => {
      const m = /#\s*concepts:\s*(.*)$/.exec(line);
      const map = new Map<string, string>();
      for (const pair of m?.[1].trim().split(/\s+/) ?? []) {
        const [name, id] = pair.split('=');
        if (name && id) map.set(name, id);
      }
      return map;
    });
    for (const occ of findIdentifiers(text)) {
      const expected = labels[occ.line].get(occ.name);
      if (expected === '?') continue;
      const got = matchOccurrence(occ, matcher)?.concept.id;
      const where = { file, line: occ.line + 1, chain: occ.chain };
      if (expected) {
        score.positives++;
        if (got === expected) score.correct++;
        else if (got) score.wrong.push({ ...where, expected, got });
        else score.missed.push({ ...where, expected });
      } else {
        score.negatives++;
        if (got) score.falseAlarms.push({ ...where, got });
      }
    }
  }
  return score;
}
