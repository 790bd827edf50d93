import Redis from 'ioredis';
import { appOn } from '../../test/support/booking';
import { freePort } from '../../test/support/redis-server';
import { startSentinelDeployment } from '../../test/support/redis-sentinel';
import { BOT, BOT_ENV } from '../lib/build';
import { journeyRequests } from '../lib/journey';
import { drive } from '../lib/load';
import { startNode } from '../lib/processes';
import { seedClinicians } from '../lib/setup';
import { startSink } from '../lib/sink';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How far the replica falls behind before the primary is killed (DRILL_REPLICA_LAG_MS=0: not held at all, the
 * sub-millisecond lag of loopback), and for how long it stays held after.
 */
const REPLICA_LAG_MS = Number(process.env.DRILL_REPLICA_LAG_MS ?? 1000);
const HOLD_AFTER_KILL_MS = 500;

/**
 * A primary, one replica and three sentinels; the compiled bot finds the primary through the sentinels and
 * carries journey load. The replica falls a second behind (CLIENT PAUSE WRITE on it: it stops applying the
 * replication stream, as a replica that is busy or on a slow link does), the primary is killed (-9) in that
 * second, the sentinels promote the replica, and the old primary is restarted as its replica, as an
 * orchestrator would. Then: is every request a referrer was shown a reference for on the new primary, and
 * still theirs? With `minReplicasAck` 1 it must be; with 0 the drill measures what asynchronous replication loses.
 */
export async function failoverDrill({ smoke, minReplicasAck }: { smoke: boolean; minReplicasAck: number }) {
  const deployment = await startSentinelDeployment({ downAfterMs: 1000, failoverTimeoutMs: 5000 });
  const sink = await startSink();
  const [primary, replica] = deployment.nodes as [typeof deployment.nodes[0], typeof deployment.nodes[0]];
  const seeding = appOn(primary.url);
  const clinicians = await seedClinicians(seeding.app, 10);
  await seeding.close();
  await deployment.waitForReplicas(1); // the seeding is on the replica too
  const bot = await startNode(BOT, {
    ...BOT_ENV, ...deployment.env(), REDIS_MIN_REPLICAS_ACK: String(minReplicasAck), REDIS_REPLICA_ACK_TIMEOUT_MS: '500',
  }, await freePort(), sink.url);
  const logged = { replica_ack_timeout: 0, store_unavailable: 0 };
  bot.child.stdout?.on('data', (d: Buffer) => {
    for (const code of Object.keys(logged) as (keyof typeof logged)[]) logged[code] += d.toString().split(`"code":"${code}"`).length - 1;
  });

  const shown: { reference: string; referrerId: string; at: number }[] = [];
  let unavailableCards = 0;
  let otherFailures = 0;
  const answered: number[] = [];
  const seconds = smoke ? 8 : 20;
  const loadStart = Date.now();
  const watch = {
    onSubmitted: (reference: string, referrerId: string) => shown.push({ reference, referrerId, at: Date.now() }),
    onAnswer: (status: number, body: string) => {
      answered.push(Date.now());
      if (body.includes('Temporarily unavailable')) unavailableCards += 1;
      else if (status >= 300) otherFailures += 1;
    },
  };
  const load = drive(bot.url, 10, seconds, journeyRequests(sink.url, clinicians, watch));

  await pause(smoke ? 1500 : 5000);
  if (REPLICA_LAG_MS > 0) {
    const held = new Redis({ port: replica.port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
    await held.call('CLIENT', 'PAUSE', String(REPLICA_LAG_MS + HOLD_AFTER_KILL_MS), 'WRITE');
    held.disconnect();
  }
  // From here the replica applies nothing; an answer on its way may still arrive just after, confirmed before.
  const heldAt = Date.now();
  await pause(REPLICA_LAG_MS);
  await primary.kill();
  const killedAt = Date.now();
  // The bot answers its health check again once its connection is on the new primary (the old one is dead).
  const healthyAgain = (async () => {
    await pause(100);
    while (!(await fetch(`${bot.url}/healthz`).then((r) => r.ok, () => false))) await pause(20);
    return Date.now();
  })();
  const promoted = await deployment.waitForNewPrimary(primary);
  const promotedAt = Date.now();
  const botOnNewPrimaryAt = await healthyAgain;
  await deployment.rejoin(primary);
  await deployment.waitForReplicas(1);
  const rejoinedAt = Date.now();
  const first = await load;
  // New requests must be taken once the deployment is whole again, however long the old primary took to rejoin (a
  // full resync on a busy machine can outlast the load above, and with replica acknowledgement nothing is confirmed
  // until a replica is back): a short load after the rejoin shows it.
  const after = await drive(bot.url, 10, smoke ? 2 : 3, journeyRequests(sink.url, clinicians, watch));
  const result = { errors: first.errors + after.errors, requests: first.requests + after.requests };
  await bot.stop();

  // What the new primary holds for each reference a referrer was shown: their request, someone else's, or nothing.
  const check = new Redis({ port: promoted.port, host: '127.0.0.1', maxRetriesPerRequest: 1 });
  const docs = await Promise.all(shown.map((s) => check.hget(`cb:{fass}:req:${s.reference}`, 'doc')));
  check.disconnect();
  const heldNow = shown.map((s, i) => ({ ...s, owner: docs[i] ? (JSON.parse(docs[i]) as { ownerId: string }).ownerId : null }));
  const lost = heldNow.filter((s) => s.owner !== s.referrerId);
  const resumed = shown.find((s) => s.at > killedAt);
  await sink.stop();
  await deployment.stop();

  const followed = promotedAt > killedAt && resumed !== undefined;
  return {
    pass: shown.length > 0 && followed && (minReplicasAck === 0 || lost.length === 0),
    min_replicas_ack: minReplicasAck,
    acknowledged: shown.length,
    acknowledged_lost: lost.length,
    failover_ms: promotedAt - killedAt,
    bot_on_new_primary_ms: botOnNewPrimaryAt - killedAt,
    unavailable_cards: unavailableCards,
    unavailable_logged: logged,
    replica_behind_ms: killedAt - heldAt,
    acknowledged_while_replica_behind: shown.filter((s) => s.at >= heldAt && s.at <= killedAt).length,
    lost_given_to_another_referrer: lost.filter((s) => s.owner !== null).length,
    lost_examples: lost.slice(0, 3).map((s) => s.reference),
    old_primary_back_as_replica_ms: rejoinedAt - killedAt,
    first_reference_after_kill_ms: resumed ? resumed.at - killedAt : null,
    turns_per_second_before_fault: Math.round(answered.filter((t) => t < heldAt).length / ((heldAt - loadStart) / 1000)),
    other_failures: otherFailures, errors: result.errors, turns: result.requests,
  };
}

export const run = ({ smoke }: { smoke: boolean }) => failoverDrill({ smoke, minReplicasAck: 1 });
