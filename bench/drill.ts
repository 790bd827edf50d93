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
  fuzz: './drills/fuzz', auth: './drills/auth', edge: './drills/edge', soak: './drills/soak',
  sentinel_failover: './drills/sentinel-failover', sentinel_failover_without_ack: './drills/sentinel-failover-without-ack',
};

async function main(): Promise<void> {
  const started = Date.now();
  build();
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const file = resolve(ROOT, SMOKE ? 'bench/drills.smoke.json' : 'bench/drills.json');
  // Drills named on the command line replace their own entries only: the others keep their last run's figures.
  const kept = only.length > 0 && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
  const results: Record<string, unknown> = kept ?? { generated_at: new Date().toISOString(), mode: SMOKE ? 'smoke' : 'full' };
  let allPass = true;
  for (const [name, path] of Object.entries(DRILLS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const t = Date.now();
    try {
      const { run } = (await import(path)) as { run: (o: { smoke: boolean }) => Promise<{ pass: boolean }> };
      const r = await run({ smoke: SMOKE });
      results[name] = { ...r, drill_seconds: Math.round((Date.now() - t) / 100) / 10, ...(kept ? { run_at: new Date(t).toISOString() } : {}) };
      allPass &&= r.pass;
    } catch (e) {
      results[name] = { pass: false, error: (e as Error).message.slice(0, 500) };
      allPass = false;
    }
    process.stdout.write(`${name}: ${JSON.stringify(results[name])}\n`);
  }
  if (!kept) results.total_seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.exit(allPass ? 0 : 1);
}

void main();
