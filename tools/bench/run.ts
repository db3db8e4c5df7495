/**
 * `npm run bench`: runs every `tools/bench/*.bench.ts` in its own process (so one benchmark's memory and warm
 * caches never flatter another's), in name order, or only those whose names contain the given words.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const folder = __dirname;
const filters = process.argv.slice(2);
const benches = fs
  .readdirSync(folder)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

if (benches.length === 0) {
  console.error(`No benchmark matches ${filters.join(' ')} in ${path.relative(process.cwd(), folder)}`);
  process.exit(2);
}

const failed: string[] = [];
for (const bench of benches) {
  console.log(`\n▶ ${bench}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(folder, bench)], {
    stdio: 'inherit'
  });
  if (run.status !== 0) {
    failed.push(bench);
  }
}
console.log(`\nbench: ${benches.length - failed.length} of ${benches.length} benchmark(s) met their targets`);
if (failed.length > 0) {
  console.log(`missed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
