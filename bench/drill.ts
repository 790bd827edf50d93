/**
 * `npm run drill` (or `-- --smoke`): fault drills against the compiled bot, loopback only and bounded.
 * Writes bench/drills.json, each drill with `pass` and its counts.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, ROOT } from './lib/build';

const SMOKE = process.argv.includes('--smoke');
const DRILLS: Record<string, string> = {
  redis_kill: './drills/redis-kill', instance_kill: './drills/instance-kill', duplicate_delivery: './drills/duplicate-delivery',
  fuzz: './drills/fuzz', auth: './drills/auth', edge: './drills/edge',
};

async function main(): Promise<void> {
  const started = Date.now();
  build();
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const results: Record<string, unknown> = { generated_at: new Date().toISOString(), mode: SMOKE ? 'smoke' : 'full' };
  let allPass = true;
  for (const [name, path] of Object.entries(DRILLS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const t = Date.now();
    try {
      const { run } = (await import(path)) as { run: (o: { smoke: boolean }) => Promise<{ pass: boolean }> };
      const r = await run({ smoke: SMOKE });
      results[name] = { ...r, drill_seconds: Math.round((Date.now() - t) / 100) / 10, ...(only.length > 0 ? { generated_at: new Date().toISOString() } : {}) };
      allPass &&= r.pass;
    } catch (e) {
      results[name] = { pass: false, error: (e as Error).message.slice(0, 500) };
      allPass = false;
    }
    process.stdout.write(`${name}: ${JSON.stringify(results[name])}\n`);
  }
  results.total_seconds = Math.round((Date.now() - started) / 1000);
  const file = resolve(ROOT, SMOKE ? 'bench/drills.smoke.json' : 'bench/drills.json');
  // Some drills only (`npm run drill -- edge`): the others' last results stay in the file beside the new ones.
  const kept = only.length > 0 && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  // Run alone, a drill carries its own time; the file's generated_at and total_seconds stay those of the last whole run.
  const fresh = only.length > 0 && Object.keys(kept).length > 0 ? Object.fromEntries(only.filter((n) => n in results).map((n) => [n, results[n]])) : results;
  writeFileSync(file, `${JSON.stringify({ ...kept, ...fresh }, null, 2)}\n`);
  process.exit(allPass ? 0 : 1);
}

void main();
