// `npm run bench`: runs every bench/*Bench.ts module (each exports `run(): Promise<void>` and prints its
// own figures), one after another. `node out/bench/index.js lookup` runs only the benches whose file
// name contains "lookup".
import * as fs from 'node:fs';
import * as path from 'node:path';

interface BenchModule {
  run(): Promise<void>;
}

async function main(filters: string[]): Promise<void> {
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => /Bench\.js$/.test(f))
    .filter((f) => !filters.length || filters.some((x) => f.toLowerCase().includes(x.toLowerCase())))
    .sort();
  if (!files.length) throw new Error(`no bench matches ${filters.join(' ')} in ${__dirname}`);
  for (const file of files) {
    console.log(`\n=== ${file.replace(/\.js$/, '')} ===`);
    const mod = require(path.join(__dirname, file)) as BenchModule;
    await mod.run();
  }
}

main(process.argv.slice(2)).catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
