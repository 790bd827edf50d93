import { resolve } from 'node:path';
import fc from 'fast-check';
import { appOn } from '../../test/support/booking';
import { freePort, startRedis } from '../../test/support/redis-server';
import { BOT, BOT_ENV } from '../lib/build';
import { cleanupStack } from '../lib/cleanup';
import { fuzzCases, spliceDeep, type FuzzCase } from '../lib/fuzz-cases';
import { seedSomeoneElsesCases } from '../lib/fuzz-state';
import { watchOutput } from '../lib/output-watch';
import { startNode, type NodeProcess } from '../lib/processes';
import { startSink, type Sink } from '../lib/sink';
import { changedKeys, draftsOf, snapshot } from '../lib/redis-snapshot';

const FUZZER = { id: 'aad-fuzz-outsider', name: 'Synthetic Fuzzer' };
const GUARD = resolve(__dirname, '../lib/loopback-guard.cjs');
const CARD = 'application/vnd.microsoft.card.adaptive';
const BODY_LIMIT = 256 * 1024;
const CONCURRENCY = 20;
const CHUNK = 1000;
const TRIAGE = '19:fuzz-triage@thread.tacv2';

type Outcome = 'card' | 'not_card' | 'bad_body_refused' | 'bad_body_other' | 'too_large_413' | 'transport_error';

/** The activity (or raw body) for one case, from the fuzzer, answered to the sink. */
function render(c: FuzzCase, i: number, serviceUrl: string): { body: string; contentType: string; conversationId?: string } {
  if (c.kind === 'bad_body') return { body: c.raw, contentType: c.contentType };
  const personal = c.kind === 'submit' ? `a:fuzz-submit-${i}` : `a:${FUZZER.id}`;
  const conversation = c.kind === 'channel'
    ? { id: `${TRIAGE};messageid=${i}`, conversationType: 'channel', tenantId: 'tenant-fuzz', isGroup: true }
    : { id: personal, conversationType: 'personal', tenantId: 'tenant-fuzz' };
  const activity = {
    type: c.kind === 'submit' ? 'message' : 'invoke', ...(c.kind === 'submit' ? {} : { name: 'adaptiveCard/action' }), id: `fz-${i}`, channelId: 'msteams',
    serviceUrl, timestamp: new Date().toISOString(), from: { id: `29:${FUZZER.id}`, aadObjectId: FUZZER.id, name: FUZZER.name },
    recipient: { id: '28:bot', name: 'Consultations' }, conversation, value: c.value, ...(c.replyTo ? { replyToId: `card-${i}` } : {}),
    ...(c.kind === 'channel' ? { channelData: { channel: { id: TRIAGE }, team: { id: '19:fuzz-team@thread.tacv2' } } } : {}),
  };
  return { body: spliceDeep(JSON.stringify(activity)), contentType: 'application/json', conversationId: c.kind === 'submit' ? personal : undefined };
}

/** The heading of an invoke's answer card, to show what people were told. */
function heading(text: string): string | undefined {
  try {
    return (JSON.parse(text) as { value?: { body?: { text?: string }[] } }).value?.body?.[0]?.text?.slice(0, 60);
  } catch {
    return undefined;
  }
}

/** What the bot answered, judged by what a Teams client would do with it. */
function judge(c: FuzzCase, sent: number, status: number, text: string, cardSent: boolean): Outcome {
  if (sent > BODY_LIMIT) return status === 413 ? 'too_large_413' : 'not_card';
  // A body that is not an activity is refused (4xx); an invoke that is not a card action is "not implemented" (501), as botbuilder answers.
  if (c.kind === 'bad_body') return (status >= 400 && status < 500) || status === 501 ? 'bad_body_refused' : 'bad_body_other';
  if (c.kind === 'submit') return status === 200 && cardSent ? 'card' : 'not_card';
  try {
    const body = JSON.parse(text) as { type?: string; value?: { type?: string } };
    return status === 200 && body.type === CARD && body.value?.type === 'AdaptiveCard' ? 'card' : 'not_card';
  } catch {
    return 'not_card';
  }
}

async function pool<T>(items: readonly T[], n: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const alive = async (bot: NodeProcess) => bot.child.exitCode === null && bot.child.signalCode === null
  && fetch(`${bot.url}/healthz`, { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);

/** Posts one case within Teams' 15 s and judges the answer. */
async function send(botUrl: string, sink: Sink, k: FuzzCase, n: number) {
  const { body, contentType, conversationId } = render(k, n, sink.url);
  const answer = await fetch(`${botUrl}/api/messages`, { method: 'POST', headers: { 'content-type': contentType }, body, signal: AbortSignal.timeout(15_000) })
    .then(async (r) => ({ status: r.status, text: await r.text() }), (e: Error) => ({ status: 0, text: e.message }));
  const cardSent = conversationId ? sink.cardsTo(conversationId) > 0 : false;
  const outcome: Outcome = answer.status === 0 ? 'transport_error' : judge(k, Buffer.byteLength(body), answer.status, answer.text, cardSent);
  return { ...answer, outcome, body };
}

/** What the answers were: outcomes, the statuses bodies that are not activities got, what people were told, and a few failures. */
function tally() {
  const counts: Record<Outcome, number> = { card: 0, not_card: 0, bad_body_refused: 0, bad_body_other: 0, too_large_413: 0, transport_error: 0 };
  const badBodyStatuses: Record<number, number> = {};
  const headings = new Map<string, number>();
  const examples: { kind: string; status: number; answer: string; sent: string }[] = [];
  return {
    counts,
    add(k: FuzzCase, a: Awaited<ReturnType<typeof send>>) {
      counts[a.outcome] += 1;
      const title = a.outcome === 'card' ? heading(a.text) : undefined;
      if (title) headings.set(title, (headings.get(title) ?? 0) + 1);
      if (k.kind === 'bad_body') badBodyStatuses[a.status] = (badBodyStatuses[a.status] ?? 0) + 1;
      const expected = a.outcome === 'card' || a.outcome === 'bad_body_refused' || a.outcome === 'too_large_413';
      if (!expected && examples.length < 8) examples.push({ kind: k.kind, status: a.status, answer: a.text.slice(0, 300), sent: a.body.slice(0, 400) });
    },
    summary: () => ({
      answers: counts, bad_body_statuses: badBodyStatuses, top_answers: Object.fromEntries([...headings].sort((a, b) => b[1] - a[1]).slice(0, 12)), examples,
    }),
  };
}

/**
 * Thousands of generated card payloads from someone who owns nothing, against a bot on a Redis holding other
 * people's cases: the bot must stay up, answer every card action with a card, and change nothing.
 */
export async function run({ smoke }: { smoke: boolean }) {
  const stack = cleanupStack();
  try {
    return await fuzz(smoke, stack);
  } finally {
    await stack.close();
  }
}

async function fuzz(smoke: boolean, stack: ReturnType<typeof cleanupStack>) {
  const redis = await startRedis();
  stack.defer(() => redis.stop());
  const sink = await startSink({ recordCards: true });
  stack.defer(() => sink.stop());
  const { app, close } = appOn(redis.url);
  stack.defer(close);
  const known = await seedSomeoneElsesCases(app);
  const env = { ...BOT_ENV, REDIS_URL: redis.url, NOTIFIER: 'off', JOB_POLL_MS: '600000' };
  const start = async () => startNode(BOT, env, await freePort(), sink.url, ['--require', GUARD]);
  const output = watchOutput();
  let bot = await start();
  stack.defer(() => bot.stop());
  output.attach(bot.child);
  const c = redis.client();
  const before = await snapshot(c, draftsOf(FUZZER.id));
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const cases = fc.sample(fuzzCases(known), { numRuns: smoke ? 300 : 10_000, seed });
  const answers = tally();
  const crashes: string[] = [];
  const started = Date.now();
  let sent = 0;
  for (let from = 0; from < cases.length && crashes.length < 3; from += CHUNK) {
    await pool(cases.slice(from, from + CHUNK), CONCURRENCY, async (k) => answers.add(k, await send(bot.url, sink, k, (sent += 1))));
    if (await alive(bot)) continue;
    crashes.push(output.tail().slice(-1500));
    await bot.stop();
    bot = await start();
    output.attach(bot.child);
  }
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const changed = changedKeys(before, await snapshot(c, draftsOf(FUZZER.id)));
  const ownDraft = (await c.keys(`cb:*:draft-active:${FUZZER.id}`)).length > 0;
  const refusals: Record<string, number> = {};
  for (const e of await app.store.audit.recent(known.service, 100_000)) {
    if (e.actor === FUZZER.id && e.result !== 'ok') refusals[e.code ?? e.result] = (refusals[e.code ?? e.result] ?? 0) + 1;
  }
  const nonCard = answers.counts.not_card + answers.counts.transport_error;
  const byKind: Record<string, number> = {};
  for (const k of cases) byKind[k.kind] = (byKind[k.kind] ?? 0) + 1;
  const { counts } = output;
  // Bodies that are not activities are counted, not failed on: botbuilder throws "missing activity type" for `{}`
  // outside its own error handling, and restify answers 500.
  return {
    pass: sent >= (smoke ? 300 : 10_000) && crashes.length === 0 && counts.unhandled_rejections === 0 && changed.length === 0 && nonCard === 0
      && counts.turn_errors === 0 && counts.internal_errors === 0 && counts.outbound_refused === 0,
    cases: sent, crashes: crashes.length, unhandled_rejections: counts.unhandled_rejections, state_changes: changed.length, non_card_answers: nonCard, seconds,
    seed, by_kind: byKind, changed_keys: changed.slice(0, 10), fuzzer_started_own_draft: ownDraft, fuzzer_refusals_audited: refusals,
    turn_errors: counts.turn_errors, internal_errors: counts.internal_errors, outbound_refused: counts.outbound_refused, ...answers.summary(), crash_output: crashes,
  };
}
