import { cardText, findAction } from '../../support/bot-client';
import type { Answers } from '../../../src/domain/referral/answers';
import { buildAnswers, FASS_STEPS } from '../../support/builders';
import { asCardInputs } from '../../support/journey';
import { CARD_TYPE, type BotEvent, type PlaygroundClient } from './playground-client';

export type PlaygroundCard = Record<string, unknown>;

/** A card message the bot posted, whose buttons can be clicked. */
export interface CardAt { conversationId: string; messageId: string }

const REFERENCE = /FASS-\d{4}-\d{4,}/;

/** Clicks an Action.Execute on a card message as `as` (default the playground's own user); returns the card it becomes. */
export async function click(client: PlaygroundClient, at: CardAt, card: unknown, verb: string,
  extra: Record<string, unknown> = {}, as?: string): Promise<PlaygroundCard> {
  const res = await client.invoke(at.conversationId, at.messageId, verb, { ...findAction(card, verb).data, ...extra }, as);
  if (res.type !== CARD_TYPE) throw new Error(`${verb} answered ${JSON.stringify(res).slice(0, 300)}`);
  return res.value as PlaygroundCard;
}

/** The first line of a card, as a person reads it first. */
export const firstLine = (card: unknown): string | undefined => ((card as { body?: { text?: string }[] } | undefined)?.body)?.[0]?.text;

/** The first line of the card a bot event carries. */
export const headline = (e: BotEvent): string | undefined => firstLine(e.card);

/** A new card message in `conversationId` whose first line is `text`. */
export const headed = (text: string, conversationId: string) => (e: BotEvent) =>
  e.kind === 'create' && e.conversationId === conversationId && headline(e) === text;

/** The clinician publishes 09:00 to 17:00 every day from "my availability" in their personal chat; returns the last card. */
export async function publishEveryDay(client: PlaygroundClient, service?: string): Promise<PlaygroundCard> {
  await client.sendText(client.ids.personal, 'my availability');
  const shown = await client.waitFor((e) => e.kind === 'create' && e.conversationId === client.ids.personal && ['My availability', 'Which service?'].includes(headline(e) ?? ''));
  const at = { conversationId: client.ids.personal, messageId: shown.messageId! };
  let card = shown.card!;
  // A clinician of more than one service is asked whose availability: the service named here.
  if (headline(shown) === 'Which service?') card = (await client.invoke(at.conversationId, at.messageId, 'availability.show', { service })).value as PlaygroundCard;
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    // By title: after the first save the card's first availability.change button is a Remove.
    const add = findAction(card, 'availability.change', 'Add weekly window');
    const res = await client.invoke(at.conversationId, at.messageId, add.verb, { ...add.data, weekday: String(weekday), weeklyStart: '09:00', weeklyEnd: '17:00' });
    card = res.value as PlaygroundCard;
    if (!cardText(card).includes('Saved.')) throw new Error(`availability not saved: ${cardText(card).slice(0, 300)}`);
  }
  return card;
}

/**
 * Types "request consultation" in personal chat and, with more than one service in force, picks FASS on the
 * card that asks which; returns the card the journey starts from (a first step, or "in progress"), where it is.
 */
export const startFassRequest = (client: PlaygroundClient) => startRequestFor(client, 'fass');

/** As startFassRequest, for any service in force. */
export async function startRequestFor(client: PlaygroundClient, service: string): Promise<CardAt & { card: PlaygroundCard }> {
  await client.sendText(client.ids.personal, 'request consultation');
  const shown = await client.waitFor((e) => e.kind === 'create' && e.conversationId === client.ids.personal && e.card !== undefined);
  const at = { conversationId: client.ids.personal, messageId: shown.messageId! };
  if (!cardText(shown.card).includes('Which service?')) return { ...at, card: shown.card! };
  const res = await client.invoke(at.conversationId, at.messageId, 'request.start', { service });
  return { ...at, card: res.value as PlaygroundCard };
}

/**
 * The playground's user requests a consultation in their personal chat with these answers (by default the
 * synthetic answers of `buildAnswers()`, an eligible request); returns its reference and the outcome card, where it was posted.
 */
export async function submitRequest(client: PlaygroundClient, answers: Required<Answers> = buildAnswers()): Promise<{ reference: string; at: CardAt; card: PlaygroundCard }> {
  const started = await startFassRequest(client);
  const at = { conversationId: started.conversationId, messageId: started.messageId };
  let card = started.card;
  if (!cardText(card).includes('Step 1 of 6')) throw new Error(`not a first step: ${cardText(card).slice(0, 200)}`);
  for (const step of FASS_STEPS) card = await click(client, at, card, 'draft.save', asCardInputs(answers[step]));
  card = await click(client, at, card, 'request.submit');
  const reference = REFERENCE.exec(cardText(card))?.[0];
  if (!reference) throw new Error(`no reference on the submitted card: ${cardText(card).slice(0, 300)}`);
  return { reference, at, card };
}

/** An eligible request (the synthetic answers of `buildAnswers()`). */
export const submitEligibleRequest = (client: PlaygroundClient) => submitRequest(client);
