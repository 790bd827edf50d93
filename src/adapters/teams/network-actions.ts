import type { Actor, AppContext } from '../../app/context';
import { retryDeadLetters, listDeadLetters } from '../../app/network/dead-letters';
import { followCase } from '../../app/network/follow-case';
import { postNextSteps, recordOutcome } from '../../app/network/record-outcome';
import { viewRequest } from '../../app/booking/view-request';
import { networkView } from '../../domain/network/privacy';
import { isDomainError } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { catalogueFor } from '../../app/context';
import type { BookingVerbData } from './booking-payload';
import { deadLettersCard, networkCaseCard } from './cards/booking-cards';
import { noticeCard } from './cards/simple-cards';
import type { Card } from './cards/templates';
import { ERROR_TEXT } from './error-text';

export type NetworkVerb = 'network.follow' | 'network.unfollow' | 'consultation.complete' | 'consultation.next_steps' | 'deadletters.show' | 'deadletters.retry';

/** What the network-facing handlers need from the booking ones: the case card as its parties see it. */
export type CaseView = (ctx: AppContext, actor: Actor, request: ConsultationRequest, options: { headline?: string; errors?: { field: string; message: string }[] }) => Promise<Card>;

type Handler<V extends NetworkVerb> = (ctx: AppContext, caseView: CaseView, actor: Actor, data: BookingVerbData<V>, raw: Record<string, unknown>) => Promise<Card>;

const followerCard = (ctx: AppContext, request: ConsultationRequest, place: 'conversation' | 'follower') =>
  networkCaseCard(networkView(request), catalogueFor(ctx, request.service).name, request.service, place);

/** The clinician's record of a consultation: on bad input the case card comes back with the message and nothing changes. */
async function onCaseUpdate(ctx: AppContext, caseView: CaseView, actor: Actor, cmd: { service: string; reference: string },
  act: () => Promise<{ request: ConsultationRequest; changed: boolean }>, done: string): Promise<Card> {
  try {
    const { request, changed } = await act();
    return caseView(ctx, actor, request, { headline: changed ? done : `${done} (already done)` });
  } catch (e) {
    if (!isDomainError(e) || !['invalid_input', 'request_moved_on', 'outcome_too_early'].includes(e.code)) throw e;
    const { request } = await viewRequest(ctx, actor, cmd);
    return caseView(ctx, actor, request, e.code === 'invalid_input' ? { errors: [...e.issues] } : { headline: `${ERROR_TEXT[e.code].title}. ${ERROR_TEXT[e.code].text}` });
  }
}

export const NETWORK_HANDLERS: { [V in NetworkVerb]: Handler<V> } = {
  'network.follow': async (ctx, _view, actor, cmd) => {
    const { request, changed } = await followCase(ctx, actor, { ...cmd, on: true, ...(cmd.fromConversationId ? { fromConversationId: cmd.fromConversationId } : {}) });
    const card = followerCard(ctx, request, 'conversation');
    return changed || request.followers?.some((f) => f.userId === actor.id)
      ? { ...card, body: [...(card.body as unknown[]), { type: 'TextBlock', text: 'You follow this case: its card comes to your personal chat with me, kept up to date. (Open a personal chat with me first if you never have.)', wrap: true, color: 'Good' }] }
      : card;
  },
  'network.unfollow': async (ctx, _view, actor, cmd) => {
    const { request } = await followCase(ctx, actor, { ...cmd, on: false });
    return noticeCard(`Stopped following ${request.reference}`, 'You will get no more updates on this case. Nothing else was changed.');
  },
  'consultation.complete': (ctx, view, actor, cmd) =>
    onCaseUpdate(ctx, view, actor, cmd, () => recordOutcome(ctx, actor, cmd), 'Outcome recorded'),
  'consultation.next_steps': (ctx, view, actor, cmd) =>
    onCaseUpdate(ctx, view, actor, cmd, () => postNextSteps(ctx, actor, { ...cmd, ...(cmd.nextText !== undefined ? { text: cmd.nextText } : {}) }), 'Next steps posted'),
  'deadletters.show': async (ctx, _view, actor, cmd) => deadLettersCard(cmd.service, await listDeadLetters(ctx, actor, cmd.service)),
  'deadletters.retry': async (ctx, _view, actor, cmd) => {
    const retried = await retryDeadLetters(ctx, actor, cmd);
    return deadLettersCard(cmd.service, await listDeadLetters(ctx, actor, cmd.service), `${retried} message(s) put back for delivery.`);
  },
};
