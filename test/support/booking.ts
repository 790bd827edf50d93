import type { Card } from '../../src/adapters/teams/cards/templates';
import { cardText, findAction, type BotClient, type TestUser } from './bot-client';
import type { ConnectorCall } from './connector-stub';
import { buildAnswers } from './builders';
import { fillJourney } from './journey';

/** Synthetic people: ids as Teams' aadObjectId. The roster env gives the first three their roles. */
export const PEOPLE = {
  referrer: { id: 'aad-sw-b1', name: 'Synthetic Referrer' },
  clinicianA: { id: 'aad-clin-a', name: 'Synthetic Clinician A' },
  clinicianB: { id: 'aad-clin-b', name: 'Synthetic Clinician B' },
  coordinator: { id: 'aad-coord', name: 'Synthetic Coordinator' },
} satisfies Record<string, TestUser>;
export const ROSTER = 'aad-clin-a:clinician,aad-clin-b:clinician,aad-coord:coordinator+clinician';

/** A clinician publishes every day 09:00-17:00 (UK time) from their availability card. */
export async function publishEveryDay(client: BotClient, clinician: TestUser): Promise<Card> {
  let card = (await client.say(clinician, 'my availability'))[0]!;
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    const add = findAction(card, 'availability.change', 'Add weekly window');
    card = await client.execute(clinician, 'availability.change', { ...add.data, weekday: String(weekday), weeklyStart: '09:00', weeklyEnd: '17:00' });
  }
  return card;
}

/** A referrer submits an eligible request; returns its reference and the outcome card. */
export async function submitEligible(client: BotClient, referrer: TestUser): Promise<{ reference: string; outcome: Card }> {
  const review = await fillJourney(client, referrer, buildAnswers());
  const outcome = await client.execute(referrer, 'request.submit', findAction(review, 'request.submit').data);
  return { reference: /FASS-\d{4}-\d{4,}/.exec(cardText(outcome))![0], outcome };
}

/** The time choices on a times card, as ISO instants. */
export function offeredStarts(card: Card): string[] {
  const json = JSON.stringify(card);
  return [...json.matchAll(/"value":"(\d{4}-\d{2}-\d{2}T[^"]+Z)"/g)].map((m) => m[1]!);
}

/** Cards the bot sent (not in reply to a turn) to a conversation, in order. */
export function sentTo(calls: readonly ConnectorCall[], conversationId: string, method = 'POST'): Card[] {
  const path = `/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
  return calls.filter((c) => c.method === method && c.path.startsWith(path))
    .flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
}
