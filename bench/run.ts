/**
 * `npm run bench`: runs every bench/*.bench.ts in one process, so the ratios printed by mitata's
 * summaries compare implementations measured in the same run.
 */
import { readdirSync } from 'node:fs';
import { run } from 'mitata';

const only = process.argv[2];
for (const file of readdirSync(new URL('.', import.meta.url)).sort()) {
  if (!file.endsWith('.bench.ts') || (only !== undefined && !file.includes(only))) continue;
  await import(`./${file}`);
}
await run({ colors: false });
