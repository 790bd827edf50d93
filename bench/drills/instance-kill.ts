import { BotClient, cardText, findAction } from '../../test/support/bot-client';
import { buildAnswers, FASS_STEPS } from '../../test/support/builders';
import { answerStep } from '../../test/support/journey';
import { freePort, startRedis } from '../../test/support/redis-server';
import { BOT, BOT_ENV } from '../lib/build';
import { startNode } from '../lib/processes';
import { startSink } from '../lib/sink';

/** Two bot processes on one Redis; one is killed (SIGKILL) mid-journey and every journey carries on on the other. */
export async function run({ smoke }: { smoke: boolean }) {
  const redis = await startRedis();
  const sink = await startSink();
  const env = { ...BOT_ENV, REDIS_URL: redis.url };
  const [a, b] = [await startNode(BOT, env, await freePort(), sink.url), await startNode(BOT, env, await freePort(), sink.url)];
  const onA = new BotClient(a.url, sink.url, []);
  const onB = new BotClient(b.url, sink.url, []);
  const users = Array.from({ length: smoke ? 5 : 30 }, (_, i) => ({ id: `aad-drill-kill-${i}`, name: 'Drill' }));
  const answers = buildAnswers();
  const half = FASS_STEPS.slice(0, 2);
  // Each journey starts on A and answers two steps there.
  const cards = await Promise.all(users.map(async (u) => {
    let card = await onA.execute(u, 'request.start', { service: 'fass' });
    for (const step of half) card = await answerStep(onA, u, card, answers[step]);
    return card;
  }));
  await a.stop('SIGKILL');
  let continued = 0;
  let references = 0;
  await Promise.all(users.map(async (u, i) => {
    try {
      let card = cards[i]!;
      for (const step of FASS_STEPS.slice(2)) card = await answerStep(onB, u, card, answers[step]);
      continued += 1;
      const outcome = await onB.execute(u, 'request.submit', findAction(card, 'request.submit').data);
      if (/Request FASS-\d{4}-\d{4,}/.test(cardText(outcome))) references += 1;
    } catch { /* counted as not continued */ }
  }));
  await b.stop();
  await sink.stop();
  await redis.stop();
  return { pass: references === users.length, journeys: users.length, continued_on_other_instance: continued, submitted: references };
}
