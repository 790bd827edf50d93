import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, startRedis } from '../../test/support/redis-server';
import { BOT, BOT_ENV } from '../lib/build';
import { cleanupStack } from '../lib/cleanup';
import { startNode } from '../lib/processes';
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

/** A card action (`requests.mine`: reads Redis, draws a card, answers in the reply) from one person. */
const invoke = (sinkUrl: string, user: string, n: number) => Buffer.from(JSON.stringify({
  type: 'invoke', name: 'adaptiveCard/action', id: `edge-${user}-${n}`, channelId: 'msteams', serviceUrl: sinkUrl, timestamp: new Date().toISOString(),
  from: { id: `29:${user}`, aadObjectId: user, name: 'Edge Drill' }, recipient: { id: '28:bot', name: 'Consultations' },
  conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 'tenant-edge' }, channelData: { tenant: { id: 'tenant-edge' } },
  value: { action: { type: 'Action.Execute', verb: 'requests.mine', data: {} } },
}));

const JSON_TYPE = { 'content-type': 'application/json' };
const mostCommon = (xs: readonly number[]) => [...new Set(xs)].sort((a, b) => xs.filter((x) => x === b).length - xs.filter((x) => x === a).length)[0] ?? 0;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The HTTP edge under hostile input, before and after authentication:
 * - a burst of gzip bombs (250 KB that inflate to 250 MB each) and multipart uploads, all at once: every one
 *   answered 4xx, resident memory sampled throughout, and nothing written to the bot's temporary folder;
 * - one person flooding 1,000 card actions in 10 seconds while twenty others act at a person's pace (20 actions a
 *   second between them): their p99 answer time with the flood, against without it (the runs alternate, A B A B,
 *   to share the machine's noise).
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
  for (let i = 0; i < 50; i += 1) await post(bot.url, JSON_TYPE, invoke(sink.url, `aad-warm-${i}`, i));

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

  // --- the flood
  const phaseMs = smoke ? 2000 : 10_000;
  const floodTurns = smoke ? 200 : 1000;
  const victimEveryMs = 50;
  const victim: { quiet: number[]; flood: number[]; failed: number } = { quiet: [], flood: [], failed: 0 };
  const flooder: { served: number; limited: number; other: number } = { served: 0, limited: 0, other: 0 };
  let n = 0;
  const steady = async (into: number[], until: number) => {
    while (Date.now() < until) {
      const next = Date.now() + victimEveryMs;
      // Everyone else: twenty people taking turns, each at a pace a person keeps (one action a second).
      n += 1;
      const a = await post(bot.url, JSON_TYPE, invoke(sink.url, `aad-edge-victim-${n % 20}`, n));
      if (a.status === 200 && !a.limited) into.push(a.ms);
      else victim.failed += 1;
      await wait(Math.max(0, next - Date.now()));
    }
  };
  const flood = async (until: number) => {
    const gap = phaseMs / floodTurns;
    const sent: Promise<void>[] = [];
    for (let i = 0; i < floodTurns && Date.now() < until; i += 1) {
      sent.push(post(bot.url, JSON_TYPE, invoke(sink.url, 'aad-edge-flooder', (n += 1))).then((a) => {
        flooder[a.status !== 200 ? 'other' : a.limited ? 'limited' : 'served'] += 1;
      }));
      await wait(gap);
    }
    await Promise.all(sent);
  };
  for (let i = 0; i < 2; i += 1) {
    await steady(victim.quiet, Date.now() + phaseMs);
    const end = Date.now() + phaseMs;
    await Promise.all([steady(victim.flood, end), flood(end)]);
    await wait(smoke ? 500 : 2000); // let the flooder's bucket refill, as a quiet spell would
  }
  const p99 = { quiet: percentile(victim.quiet, 99), flood: percentile(victim.flood, 99) };
  const ratio = round(p99.flood / p99.quiet, 2);

  return {
    pass: all4xx && growth < 50 && tmpFiles === 0 && ratio <= 2 && victim.failed === 0 && flooder.limited > 0,
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
      phases: 2, turns_per_phase: floodTurns, seconds_per_phase: phaseMs / 1000, flooder: flooder,
      victim_p99_ms: { without_flood: round(p99.quiet, 1), with_flood: round(p99.flood, 1) },
      victim_turns: victim.quiet.length + victim.flood.length, victim_failed: victim.failed,
    },
  };
}
