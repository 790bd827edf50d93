import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { appOn, submitManyEligible } from '../../test/support/booking';
import { freePort, startRedis } from '../../test/support/redis-server';
import { BOT, BOT_ENV } from '../lib/build';
import { cleanupStack } from '../lib/cleanup';
import { startNode } from '../lib/processes';
import { seedClinicians } from '../lib/setup';
import { startSink } from '../lib/sink';
import { percentile, round } from '../lib/stats';

/** Resident memory now (VmRSS) and its peak so far (VmHWM), in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: mb('VmRSS'), peak: mb('VmHWM') };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

/** One raw POST to /api/messages; resolves with its status (0 when the connection failed), how long it took, and whether it was told to slow down. */
function post(url: string, headers: Record<string, string>, body: Buffer): Promise<{ status: number; ms: number; limited: boolean }> {
  const u = new URL(`${url}/api/messages`);
  const started = process.hrtime.bigint();
  const took = () => Number(process.hrtime.bigint() - started) / 1e6;
  return new Promise((resolve) => {
    const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { if (text.length < 20_000) text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: took(), limited: text.includes('Please slow down') }));
    });
    req.on('error', () => resolve({ status: 0, ms: took(), limited: false }));
    req.end(body);
  });
}

/**
 * A card action from one person, answered in the reply: `requests.mine` (reads Redis, draws a card), or for the
 * flooder `booking.times` on their own request, the costliest thing a referrer may ask for as often as they like (the
 * free times of every clinician over the booking horizon, drawn as a card), and one that no two clicks contend over.
 */
const invoke = (sinkUrl: string, user: string, n: number, action: { verb: string; data: object } = { verb: 'requests.mine', data: {} }) => Buffer.from(JSON.stringify({
  type: 'invoke', name: 'adaptiveCard/action', id: `edge-${user}-${n}`, channelId: 'msteams', serviceUrl: sinkUrl, timestamp: new Date().toISOString(),
  from: { id: `29:${user}`, aadObjectId: user, name: 'Edge Drill' }, recipient: { id: '28:bot', name: 'Consultations' },
  conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 'tenant-edge' }, channelData: { tenant: { id: 'tenant-edge' } },
  value: { action: { type: 'Action.Execute', ...action } },
}));
const FLOODER = { id: 'aad-edge-flooder', name: 'Edge Flooder' };

/**
 * The flooder, as plain JavaScript for a worker thread: every one of its turns is sent at its moment (start + i x gap),
 * catching up at once if timers run late; it reports how many were served, told to slow down, or failed.
 */
const FLOOD_WORKER = `
const { request, Agent } = require('node:http');
const { parentPort, workerData: w } = require('node:worker_threads');
const agent = new Agent({ keepAlive: true, maxSockets: 32 });
const u = new URL(w.url);
const counts = { served: 0, limited: 0, other: 0 };
const one = () => new Promise((resolve) => {
  const req = request({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(w.body) } }, (res) => {
    let text = '';
    res.on('data', (c) => { if (text.length < 20000) text += c; });
    res.on('end', () => { counts[res.statusCode !== 200 ? 'other' : text.includes('Please slow down') ? 'limited' : 'served'] += 1; resolve(); });
  });
  req.on('error', () => { counts.other += 1; resolve(); });
  req.end(w.body);
});
(async () => {
  const start = Date.now();
  const sent = [];
  for (let i = 0; i < w.turns; i += 1) {
    const due = start + i * w.gapMs - Date.now();
    if (due > 0) await new Promise((r) => setTimeout(r, due));
    sent.push(one());
  }
  await Promise.all(sent);
  agent.destroy();
  parentPort.postMessage(counts);
})();
`;

const JSON_TYPE = { 'content-type': 'application/json' };
const mostCommon = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => xs.filter((x) => x === b).length - xs.filter((x) => x === a).length)[0] ?? 0;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The HTTP edge under hostile input, before and after authentication:
 * - a burst of gzip bombs (250 KB that inflate to 250 MB each) and multipart uploads, all at once: every one
 *   answered 4xx, resident memory sampled throughout, and nothing written to the bot's temporary folder;
 * - one person flooding 1,000 card actions in 10 seconds (each asking for the free times of their request, from a
 *   thread of its own) while forty others act at a person's pace (40 actions a second between them): their p99 answer
 *   time with the flood, against without it (three rounds, alternating, to share the machine's noise); and, in a full
 *   run, the same flood against a bot without the limits, for comparison (not part of `pass`). A smoke run's p99 rests
 *   on a handful of answers, so there the ratio is reported but not required.
 */
export async function run({ smoke }: { smoke: boolean }) {
  const stack = cleanupStack();
  try {
    return await drill(stack, smoke);
  } finally {
    await stack.close();
  }
}

async function drill(stack: ReturnType<typeof cleanupStack>, smoke: boolean) {
  const redis = await startRedis();
  stack.defer(() => redis.stop());
  const sink = await startSink();
  stack.defer(() => sink.stop());
  const tmp = mkdtempSync(join(tmpdir(), 'cb-edge-drill-'));
  stack.defer(async () => rmSync(tmp, { recursive: true, force: true }));
  // The production limits (the drill's other bots run without them), and a temporary folder of the bot's own to watch.
  const bot = await startNode(BOT, { ...BOT_ENV, REDIS_URL: redis.url, NOTIFIER: 'off', INBOUND_USER_PER_MINUTE: '120', INBOUND_TENANT_PER_MINUTE: '6000', TMPDIR: tmp },
    await freePort(), sink.url);
  stack.defer(() => bot.stop());
  const pid = bot.child.pid!;
  // Ten clinicians open every day, and the flooder's own request waiting for times, so that asking for times costs what it does.
  const { app, close } = appOn(redis.url);
  stack.defer(close);
  await seedClinicians(app, 10);
  const [reference] = await submitManyEligible(app, FLOODER, 1) as [string];
  // Ordinary traffic first (2,000 card actions from 200 people, 20 at a time), so that the burst meets a bot whose heap
  // is at its working size, as in service, rather than one fresh from start-up.
  for (let i = 0; i < (smoke ? 200 : 2000); i += 20) {
    await Promise.all(Array.from({ length: 20 }, (_, j) => post(bot.url, JSON_TYPE, invoke(sink.url, `aad-warm-${(i + j) % 200}`, i + j))));
  }

  // --- the burst
  const bomb = gzipSync(Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.alloc(250 * 1024 * 1024, 0x20), Buffer.from('"}')]), { level: 9 });
  const boundary = 'edge-drill-boundary';
  const multipart = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="f"; filename="x.bin"\r\ncontent-type: application/octet-stream\r\n\r\n`),
    Buffer.alloc(200 * 1024, 0x41), Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const rounds = smoke ? 1 : 5;
  const perRound = 12;
  const before = memory(pid);
  let highest = before.rss;
  const sampler = setInterval(() => { highest = Math.max(highest, memory(pid).rss); }, 5);
  const bombStatuses: number[] = [];
  const multipartStatuses: number[] = [];
  for (let r = 0; r < rounds; r += 1) {
    await Promise.all([
      ...Array.from({ length: perRound }, () => post(bot.url, { ...JSON_TYPE, 'content-encoding': 'gzip' }, bomb).then((a) => bombStatuses.push(a.status))),
      ...Array.from({ length: perRound }, () => post(bot.url, { 'content-type': `multipart/form-data; boundary=${boundary}` }, multipart).then((a) => multipartStatuses.push(a.status))),
    ]);
  }
  await wait(200);
  clearInterval(sampler);
  const after = memory(pid);
  const growth = round(Math.max(highest, after.rss) - before.rss, 1);
  const tmpFiles = readdirSync(tmp).length;
  const all4xx = [...bombStatuses, ...multipartStatuses].every((s) => s >= 400 && s < 500);

  // --- the flood, with the limits on; and (full run only) the same against a bot without them, to show what they do
  await wait(smoke ? 500 : 3000); // the burst's garbage collected before the first quiet spell is measured
  const limited = await floodRun(bot.url, sink.url, reference, smoke);
  let control: Awaited<ReturnType<typeof floodRun>> | undefined;
  if (!smoke) {
    const unlimited = await startNode(BOT, { ...BOT_ENV, REDIS_URL: redis.url, NOTIFIER: 'off' }, await freePort(), sink.url);
    stack.defer(() => unlimited.stop());
    control = await floodRun(unlimited.url, sink.url, reference, smoke, 2);
  }
  const { p99, p50, victim, flooder } = limited;
  const ratio = round(p99.flood / p99.quiet, 2);

  return {
    pass: all4xx && growth < 50 && tmpFiles === 0 && (smoke || ratio <= 2) && victim.failed === 0 && flooder.limited > 0,
    gzip_bomb_status: mostCommon(bombStatuses),
    gzip_bomb_rss_growth_mb: growth,
    multipart_status: mostCommon(multipartStatuses),
    flood_user_p99_ratio: ratio,
    burst: {
      gzip_bombs: bombStatuses.length, bomb_bytes: bomb.length, inflates_to_mb: 250, multipart_bodies: multipartStatuses.length, at_once: perRound * 2,
      statuses: [...new Set([...bombStatuses, ...multipartStatuses])].sort(), rss_before_mb: round(before.rss, 1), rss_highest_mb: round(highest, 1),
      peak_rss_growth_mb: round(after.peak - before.peak, 1), temp_files_written: tmpFiles,
    },
    flood: {
      rounds: 3, turns_per_round: smoke ? 200 : 1000, seconds_per_phase: smoke ? 2 : 10, action: 'booking.times', flooder,
      victim_p99_ms: { without_flood: round(p99.quiet, 1), with_flood: round(p99.flood, 1) },
      victim_p50_ms: { without_flood: round(p50.quiet, 1), with_flood: round(p50.flood, 1) },
      victim_turns: victim.quiet.length + victim.flood.length, victim_failed: victim.failed,
      ...(control ? { without_limits: {
        rounds: 2, flooder: control.flooder, p99_ratio: round(control.p99.flood / control.p99.quiet, 2),
        victim_p99_ms: { without_flood: round(control.p99.quiet, 1), with_flood: round(control.p99.flood, 1) },
      } } : {}),
    },
  };
}

/**
 * Forty people acting at a person's pace (40 card actions a second between them), alone and then while one more
 * person floods `floodTurns` actions in a phase, `rounds` times, alternating. Answer times of the forty, and what
 * became of the flood.
 */
async function floodRun(url: string, sinkUrl: string, reference: string, smoke: boolean, rounds = 3) {
  const phaseMs = smoke ? 2000 : 10_000;
  const floodTurns = smoke ? 200 : 1000;
  const victimEveryMs = 25;
  const victim: { quiet: number[]; flood: number[]; failed: number } = { quiet: [], flood: [], failed: 0 };
  const flooder: { served: number; limited: number; other: number } = { served: 0, limited: 0, other: 0 };
  let n = 0;
  const steady = async (into: number[], until: number) => {
    while (Date.now() < until) {
      const next = Date.now() + victimEveryMs;
      n += 1;
      const a = await post(url, JSON_TYPE, invoke(sinkUrl, `aad-edge-victim-${n % 40}`, n));
      if (a.status === 200 && !a.limited) into.push(a.ms);
      else victim.failed += 1;
      await wait(Math.max(0, next - Date.now()));
    }
  };
  // The flooder runs on a thread of its own, so that sending and reading its thousand answers never delays the timing of the others'.
  const flood = async () => {
    const body = invoke(sinkUrl, FLOODER.id, 0, { verb: 'booking.times', data: { service: 'fass', reference } }).toString();
    const worker = new Worker(FLOOD_WORKER, { eval: true, workerData: { url: `${url}/api/messages`, body, turns: floodTurns, gapMs: phaseMs / floodTurns } });
    const counts = await new Promise<typeof flooder>((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
    for (const k of ['served', 'limited', 'other'] as const) flooder[k] += counts[k];
  };
  for (let i = 0; i < rounds; i += 1) {
    await steady(victim.quiet, Date.now() + phaseMs);
    const start = Date.now();
    await Promise.all([steady(victim.flood, start + phaseMs), flood()]);
    await wait(smoke ? 500 : 2000); // the flooder's bucket refills, as in a quiet spell
  }
  return {
    victim, flooder,
    p99: { quiet: percentile(victim.quiet, 99), flood: percentile(victim.flood, 99) },
    p50: { quiet: percentile(victim.quiet, 50), flood: percentile(victim.flood, 50) },
  };
}
