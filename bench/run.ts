/**
 * `npm run bench` (or `-- --smoke` for a few seconds' check): the project against a bare botbuilder echo bot,
 * run alternately (A B A B) in this process tree, driven by autocannon against 127.0.0.1 only, with the
 * same connector sink. Writes bench/results.json and prints a table.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { seedRoster } from '../src/app/booking/manage-roster';
import { pickTimes } from '../src/app/booking/pick-times';
import { acceptTime } from '../src/app/booking/accept-time';
import { findFreeTimes } from '../src/app/booking/find-free-times';
import { appOn, publishEveryDayDirect, submitManyEligible } from '../test/support/booking';
import { startConnectorStub } from '../test/support/connector-stub';
import { freePort, startRedis } from '../test/support/redis-server';
import { bookingRace } from './lib/booking-race';
import { build, ROOT } from './lib/build';
import { cpuSeconds } from './lib/cpu';
import { fanout } from './lib/fanout';
import { journeyCount, journeyRequests, echoRequests } from './lib/journey';
import { drive } from './lib/load';
import { startNode, type NodeProcess } from './lib/processes';
import { seedClinicians } from './lib/setup';
import { startSink } from './lib/sink';
import { median, percentile, round } from './lib/stats';

const SMOKE = process.argv.includes('--smoke');
const SECONDS = SMOKE ? 2 : 10;
const ROUNDS = SMOKE ? 1 : 2;
const TURNS_PER_JOURNEY = 12;

interface Figures { rps: number; p50: number; p95: number; p99: number; rss_mb: number; cold_start_ms: number }

async function measure(proc: NodeProcess, requests: () => Parameters<typeof drive>[3]) {
  const throughput = await drive(proc.url, 50, SECONDS, requests());
  const latency = await drive(proc.url, 10, SECONDS, requests());
  if (latency.latencies.length === 0) throw new Error(`no latencies measured: ${JSON.stringify({ ...latency, latencies: undefined })}`);
  return {
    rps: throughput.rps, p50: percentile(latency.latencies, 50), p95: percentile(latency.latencies, 95), p99: percentile(latency.latencies, 99),
    rss_mb: proc.peakRssMb(), cold_start_ms: proc.coldStartMs, errors: throughput.errors + latency.errors, non2xx: throughput.non2xx + latency.non2xx,
  };
}

const summarise = (runs: Figures[]): Figures => ({
  rps: round(median(runs.map((r) => r.rps)), 1), p50: round(median(runs.map((r) => r.p50))), p95: round(median(runs.map((r) => r.p95))),
  p99: round(median(runs.map((r) => r.p99))), rss_mb: round(median(runs.map((r) => r.rss_mb)), 1), cold_start_ms: round(median(runs.map((r) => r.cold_start_ms)), 0),
});

async function main(): Promise<void> {
  const started = Date.now();
  build();
  const redis = await startRedis();
  const sink = await startSink();
  const { app, close } = appOn(redis.url);
  const botEnv = { REDIS_URL: redis.url, LOG_LEVEL: 'warn', DEMO_DATA: 'false', NOTIFIER: 'inline', INBOUND_USER_PER_MINUTE: '0', INBOUND_TENANT_PER_MINUTE: '0' };
  const freshStore = async () => {
    await redis.client().flushall();
    return seedClinicians(app, 20);
  };

  const echoRuns: Figures[] = [];
  const journeyRuns: Figures[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const echo = await startNode(resolve(ROOT, 'dist-bench/echo-bot.js'), {}, await freePort(), sink.url);
    echoRuns.push(await measure(echo, () => echoRequests(sink.url, TURNS_PER_JOURNEY)));
    await echo.stop();
    const clinicians = await freshStore();
    const bot = await startNode(resolve(ROOT, 'dist/main.js'), botEnv, await freePort(), sink.url);
    journeyRuns.push(await measure(bot, () => journeyRequests(sink.url, clinicians)));
    await bot.stop();
    process.stdout.write(`round ${round + 1}: echo ${echoRuns.at(-1)!.rps.toFixed(0)} turns/s, journey ${journeyRuns.at(-1)!.rps.toFixed(0)} turns/s\n`);
  }
  const echo = summarise(echoRuns);
  const journey = summarise(journeyRuns);

  // Scale-out: the same journey load on two bot processes behind one port (node's cluster module), then on one.
  const clinicians = await freshStore();
  // Each also counts the CPU the bot processes (primary and workers) spent on the load: turns per CPU-second with two
  // instances over the same with one says whether instances get in each other's way, though the cores are shared.
  const scaled = async (workers: number) => {
    const proc = await startNode(resolve(ROOT, 'bench/cluster-bot.js'), { ...botEnv, CLUSTER_WORKERS: String(workers) }, await freePort(), sink.url);
    // The first answered turn may come while the second worker is still starting: its start-up is not the load's.
    while (!proc.output().includes('"workers_listening"')) await new Promise((r) => setTimeout(r, 10));
    const before = cpuSeconds(proc.child.pid!);
    const load = await drive(proc.url, 50, SECONDS, journeyRequests(sink.url, clinicians));
    const cpu = cpuSeconds(proc.child.pid!) - before;
    await proc.stop();
    return { ...load, turnsPerCpuSecond: load.requests / cpu };
  };
  const two = await scaled(2);
  const one = await scaled(1);

  // Booking: 1,000 concurrent accepts from two bot processes on 100 slots (10 clinicians x 10 times).
  await redis.client().flushall();
  const raceClinicians = Array.from({ length: 10 }, (_, i) => `aad-race-clinician-${i}`);
  await seedRoster(app, 'fass', raceClinicians.map((id) => `${id}:clinician`).join(','));
  for (const id of raceClinicians) await publishEveryDayDirect(app, id);
  const racers = [await startNode(resolve(ROOT, 'dist/main.js'), botEnv, await freePort(), sink.url), await startNode(resolve(ROOT, 'dist/main.js'), botEnv, await freePort(), sink.url)];
  const booking = await bookingRace(app, racers.map((r) => r.url), sink.url, SMOKE ? raceClinicians.slice(0, 3) : raceClinicians, SMOKE ? 3 : 10, SMOKE ? 9 : 100);
  await Promise.all(racers.map((r) => r.stop()));

  // Fan-out: one event to 500 linked conversations through a stub enforcing Teams' limits.
  await redis.client().flushall();
  // The limits apply to the notifier's sends; the cold-start probe's in-turn reply is not part of the fan-out.
  const stub = await startConnectorStub({ teamsLimits: { globalPerSecond: 50 }, appliesTo: (_m, path) => !path.includes('cold-start') });
  await seedRoster(app, 'fass', 'aad-fan-clinician:clinician');
  await publishEveryDayDirect(app, 'aad-fan-clinician');
  const [reference] = await submitManyEligible(app, { id: 'aad-fan-referrer', name: 'Bench' }, 1);
  const [time] = await findFreeTimes(app, 'fass');
  await pickTimes(app, { id: 'aad-fan-referrer' }, { service: 'fass', reference: reference!, starts: [time!.start] });
  await acceptTime(app, { id: 'aad-fan-clinician' }, { service: 'fass', reference: reference!, start: time!.start });
  const notifierBot = await startNode(resolve(ROOT, 'dist/main.js'), { ...botEnv, OUTBOX_BLOCK_MS: '100' }, await freePort(), stub.url);
  const fan = await fanout(app, stub, reference!, SMOKE ? 50 : 500, SMOKE ? 30_000 : 120_000);
  await notifierBot.stop();
  await stub.stop();

  const results = {
    generated_at: new Date().toISOString(), mode: SMOKE ? 'smoke' : 'full', seconds_per_measurement: SECONDS, rounds: ROUNDS,
    // Both bots are spawned on this process's Node (process.execPath) and the project's restify, so the ratios compare like with like.
    machine: { cpus: cpus().length, node: process.version }, restify: (JSON.parse(readFileSync(require.resolve('restify/package.json'), 'utf8')) as { version: string }).version,
    echo, journey,
    journey_ratio: round(journey.rps / echo.rps, 3), p99_ratio: round(journey.p99 / echo.p99, 3),
    rss_ratio: round(journey.rss_mb / echo.rss_mb, 3), cold_start_ratio: round(journey.cold_start_ms / echo.cold_start_ms, 3),
    scale_out: {
      instances: 2, rps: round(two.rps, 1), one_instance_rps: round(one.rps, 1), ratio_to_one: round(two.rps / one.rps, 3),
      turns_per_cpu_second: round(two.turnsPerCpuSecond, 1), one_instance_turns_per_cpu_second: round(one.turnsPerCpuSecond, 1),
      cpu_efficiency: round(two.turnsPerCpuSecond / one.turnsPerCpuSecond, 3),
    },
    booking, fanout: fan,
    journeys: journeyCount(),
    total_seconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(resolve(ROOT, 'bench'), { recursive: true });
  writeFileSync(resolve(ROOT, SMOKE ? 'bench/results.smoke.json' : 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const row = (name: string, f: Figures) => `| ${name} | ${f.rps} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.rss_mb} | ${f.cold_start_ms} |`;
  process.stdout.write([
    '', '| | turns/s (50 conn) | p50 ms | p95 ms | p99 ms (10 conn) | peak RSS MB | cold start ms |', '| --- | --- | --- | --- | --- | --- | --- |',
    row('echo (ceiling)', echo), row('journey', journey),
    `| ratio | ${results.journey_ratio} | | | ${results.p99_ratio} | ${results.rss_ratio} | ${results.cold_start_ratio} |`, '',
    `scale-out: 2 instances ${results.scale_out.rps} turns/s vs 1 instance ${results.scale_out.one_instance_rps} (x${results.scale_out.ratio_to_one}); `
      + `${results.scale_out.turns_per_cpu_second} vs ${results.scale_out.one_instance_turns_per_cpu_second} turns per CPU-second of the bot processes (cpu_efficiency ${results.scale_out.cpu_efficiency})`,
    `booking: ${booking.attempts} accepts on ${booking.slots} slots -> ${booking.bookings} bookings, ${booking.double_bookings} double, ${booking.overlapping_clinician_bookings} overlapping`,
    `fan-out: ${fan.conversations} conversations, ${fan.delivered} delivered, ${fan.lost} lost, ${fan.duplicates} duplicates, ${fan.sends} sends in ${fan.seconds} s, ceiling ratio ${fan.ceiling_ratio}, ${fan.throttled_over_limit} sends over Teams' limits`,
    `total ${results.total_seconds} s`, '',
  ].join('\n'));
  await close();
  await sink.stop();
  await redis.stop();
}

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
