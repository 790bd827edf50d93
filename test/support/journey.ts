import type { Answers } from '../../src/domain/referral/answers';
import { FASS_STEPS } from './builders';
import type { Card } from '../../src/adapters/teams/cards/templates';
import { findAction, type BotClient, type TestUser } from './bot-client';

/** A step's answers as the card would send them: strings, multi-selects joined with commas. */
export function asCardInputs(values: object): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v)]));
}

/** Clicks Next on the step card with these answers, as a person filling in the card would. */
export async function answerStep(client: BotClient, user: TestUser, card: Card, values: object): Promise<Card> {
  const next = findAction(card, 'draft.save');
  return client.execute(user, 'draft.save', { ...next.data, ...asCardInputs(values) });
}

/** Starts a request and answers every step; returns the review card. */
export async function fillJourney(client: BotClient, user: TestUser, answers: Required<Answers>): Promise<Card> {
  let card = await client.startRequest(user);
  for (const step of FASS_STEPS) card = await answerStep(client, user, card, answers[step]);
  return card;
}
