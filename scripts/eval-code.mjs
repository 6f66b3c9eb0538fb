// Real-code evaluation of the concept hover (issue 11), outside `npm test`: scores `scan --json` on the blind
// labelled sets in test/fixtures/realcode/*.json. The code itself is never committed; each file is read from a
// fetched mirror of its repository (/work/.mirror/<owner>+<name>/repo, or $AI_NOTES_MIRRORS/<owner>+<name>/repo).
//
//   node scripts/eval-code.mjs [set-a set-b …] [--cli dist/cli.js] [--errors] [--json]
//
// Unit: a distinct (line, identifier) pair in a file's range. Labels: a note id (positive), "?" (not scored),
// "NEW:…" (a concept with no note; not scored, its hits are counted apart); every unlabelled identifier is a negative.
// recall = positives shown with their concept; wrong = positives shown with another concept; false alarms =
// negatives shown with any concept.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parser } from '@lezer/python';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const cli = option('--cli', 'dist/cli.js');
const setsDir = 'test/fixtures/realcode';
const mirrors = process.env.AI_NOTES_MIRRORS ?? '/work/.mirror';
const valued = new Set(['--cli']);
const names = argv.filter((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1]));
const sets = names.length ? names : fs.readdirSync(setsDir).filter((f) => /^set-.*\.json$/.test(f)).map((f) => f.replace(/\.json$/, '')).sort();

if (!fs.existsSync(cli)) fail(`${cli} is missing: run \`npm run build\` first (npm run eval:code does).`);

function fail(message) {
  console.error(`eval:code: ${message}`);
  process.exit(2);
}

/** Identifier items of a Python text: VariableName/PropertyName tokens outside strings and comments, f-string expressions included. */
function identifiersByLine(text) {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineOf = (pos) => {
    let lo = 0, hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  };
  const byLine = new Map();
  parser.parse(text).iterate({
    enter(node) {
      if (node.name === 'VariableName' || node.name === 'PropertyName') {
        const line = lineOf(node.from);
        if (!byLine.has(line)) byLine.set(line, new Set());
        byLine.get(line).add(text.slice(node.from, node.to));
      }
    },
  });
  return byLine;
}

function readSource(file) {
  const dir = path.join(mirrors, file.repo.replace('/', '+'), 'repo');
  if (!fs.existsSync(dir)) {
    fail(`${file.repo} is not on this machine (looked in ${dir}).\n  Bring it here with the session tool \`fetch github:${file.repo}\` (a bare mirror under /work/.mirror/),\n  or clone it yourself: git clone --bare https://github.com/${file.repo} ${dir}\n  (set AI_NOTES_MIRRORS to use another folder of <owner>+<name>/repo mirrors).`);
  }
  try {
    return execFileSync('git', ['-C', dir, 'show', `${file.commit}:${file.path}`], { encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    fail(`${file.repo}@${file.commit.slice(0, 10)}:${file.path} cannot be read from ${dir}: ${String(e.stderr || e.message).trim()}\n  Fetch the repository again so that it holds that commit.`);
  }
}

function scan(source) {
  const tmp = path.join(os.tmpdir(), `ai-notes-eval-${process.pid}.py`);
  fs.writeFileSync(tmp, source);
  try {
    return JSON.parse(execFileSync(process.execPath, [cli, 'scan', tmp, '--json'], { encoding: 'utf8', maxBuffer: 256 << 20 }));
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const report = [];
for (const name of sets) {
  const setFile = path.join(setsDir, `${name}.json`);
  if (!fs.existsSync(setFile)) fail(`no set ${setFile}`);
  const set = JSON.parse(fs.readFileSync(setFile, 'utf8'));
  const total = { pos: 0, hit: 0, wrong: 0, neg: 0, fa: 0, newItems: 0, newHits: 0, unknown: 0 };
  const errors = [];
  const perFile = [];
  for (const file of set.files) {
    const source = readSource(file);
    const ids = identifiersByLine(source);
    const predictions = new Map(); // "line\0ident" → concept ids shown there
    for (const h of scan(source)) {
      const key = `${h.line}\0${h.text}`;
      if (!predictions.has(key)) predictions.set(key, []);
      predictions.get(key).push({ id: h.concept.id, via: h.via });
    }
    const t = { pos: 0, hit: 0, wrong: 0, neg: 0, fa: 0 };
    const [from, to] = file.range;
    for (let line = from; line <= to; line++) {
      const labels = file.labels[String(line)] ?? {};
      for (const ident of Object.keys(labels)) {
        if (!ids.get(line)?.has(ident)) total.unknown++;
      }
      for (const ident of ids.get(line) ?? []) {
        const gold = labels[ident];
        const shown = predictions.get(`${line}\0${ident}`) ?? [];
        const where = `${file.repo}:${file.path}:${line} ${ident}`;
        if (gold === '?') continue;
        if (gold?.startsWith('NEW:')) {
          total.newItems++;
          if (shown.length) total.newHits++;
          continue;
        }
        if (gold) {
          t.pos++;
          if (shown.some((s) => s.id === gold)) t.hit++;
          else if (shown.length) {
            t.wrong++;
            errors.push(`wrong  ${where}: ${shown[0].id} [${shown[0].via ?? ''}], labelled ${gold}`);
          } else errors.push(`missed ${where}: labelled ${gold}`);
        } else {
          t.neg++;
          if (shown.length) {
            t.fa++;
            errors.push(`false  ${where}: ${shown[0].id} [${shown[0].via ?? ''}]`);
          }
        }
      }
    }
    for (const k of Object.keys(t)) total[k] += t[k];
    perFile.push({ file: `${file.repo}:${file.path}`, ...t });
  }
  report.push({ set: name, ...total, recall: total.hit / total.pos, wrongRate: total.wrong / total.pos, faRate: total.fa / total.neg, perFile, errors });
}

if (flag('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  console.log('| set | positives | recall | wrong concept | negatives | false alarms | NEW items shown |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of report) {
    console.log(`| ${r.set} | ${r.pos} | ${pct(r.hit, r.pos)} | ${pct(r.wrong, r.pos)} | ${r.neg} | ${pct(r.fa, r.neg)} | ${r.newHits}/${r.newItems} |`);
  }
  for (const r of report) {
    if (r.unknown) console.log(`(${r.set}: ${r.unknown} labelled names are not identifiers on their line and were not scored)`);
    if (flag('--files')) for (const f of r.perFile) console.log(`  ${r.set} ${f.file}: recall ${pct(f.hit, f.pos)} wrong ${pct(f.wrong, f.pos)} fa ${pct(f.fa, f.neg)}`);
    if (flag('--errors')) for (const e of r.errors) console.log(`  ${r.set} ${e}`);
  }
}
