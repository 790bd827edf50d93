import { cancelDraft } from '../../app/cancel-draft';
import type { Actor, AppContext } from '../../app/context';
import { goToStep } from '../../app/go-to-step';
import { listMyRequests } from '../../app/list-my-requests';
import { openRequest } from '../../app/open-request';
import { requestReview } from '../../app/request-review';
import { resumeDraft } from '../../app/resume-draft';
import { saveStep } from '../../app/save-step';
import { startRequest } from '../../app/start-request';
import { submitRequest } from '../../app/submit-request';
import { DomainError, fieldIssues, isDomainError } from '../../domain/errors';
import { runBookingAction, type Edge } from './booking-actions';
import { BOOKING_VERB_DATA, isBookingVerb } from './booking-payload';
import { isVerb, parseVerbData, stepInputs, type Verb, type VerbData } from './card-payload';
import { outcomeCard } from './cards/outcome-card';
import { myRequestsCard, noticeCard, type CardAction } from './cards/simple-cards';
import { inputsOf } from './cards/step-card';
import type { Card } from './cards/templates';
import { draftCard } from './draft-card';
import { ERROR_TEXT } from './error-text';

type Handler<V extends Verb> = (ctx: AppContext, actor: Actor, data: VerbData<V>, raw: Record<string, unknown>) => Promise<Card>;

const startAction = (service: string, title = 'Request a consultation'): CardAction => ({ title, verb: 'request.start', data: { service } });
const mineAction: CardAction = { title: 'My requests', verb: 'requests.mine', data: {} };

/** Re-draws a draft's card with what went wrong, keeping what the referrer typed. */
async function redrawWithErrors(ctx: AppContext, service: string, draftId: string, e: DomainError, values?: Record<string, string>): Promise<Card> {
  const draft = await ctx.store.drafts.get(service, draftId);
  if (!draft) throw e;
  return draftCard(ctx, draft, { errors: e.issues, ...(values ? { values } : {}) });
}

const HANDLERS: { [V in Verb]: Handler<V> } = {
  'request.start': async (ctx, actor, { service, fresh }) => {
    const { draft, existing } = await startRequest(ctx, actor, service, fresh === true || fresh === 'true');
    if (!existing) return draftCard(ctx, draft);
    return noticeCard('You have a request in progress', 'Carry on with it, or discard it and start again.', [
      { title: 'Resume', verb: 'draft.resume', data: { service } },
      { title: 'Start again', verb: 'request.start', data: { service, fresh: true } },
    ]);
  },
  'draft.resume': async (ctx, actor, { service }) => {
    const draft = await resumeDraft(ctx, actor, service);
    return draft ? draftCard(ctx, draft) : noticeCard('No request in progress', 'You have no unfinished request.', [startAction(service), mineAction]);
  },
  'draft.save': async (ctx, actor, cmd, raw) => {
    let parsed: ReturnType<typeof stepInputs> | undefined;
    try {
      parsed = stepInputs(raw, inputsOf(cmd.step));
      const { draft, stale } = await saveStep(ctx, actor, { ...cmd, values: parsed.values });
      return draftCard(ctx, draft, stale ? { notice: ERROR_TEXT.stale_card.text } : {});
    } catch (e) {
      if (isDomainError(e) && e.code === 'invalid_input') return redrawWithErrors(ctx, cmd.service, cmd.draftId, e, parsed?.raw);
      throw e;
    }
  },
  'draft.goto': async (ctx, actor, cmd) => {
    const { draft, stale } = await goToStep(ctx, actor, cmd);
    return draftCard(ctx, draft, stale ? { notice: ERROR_TEXT.stale_card.text } : {});
  },
  'draft.cancel': async (ctx, actor, cmd) => {
    const { cancelled } = await cancelDraft(ctx, actor, cmd);
    return noticeCard(cancelled ? 'Request discarded' : 'Nothing to discard',
      cancelled ? 'Your request in progress was discarded. Nothing was sent.' : 'You have no request in progress.', [startAction(cmd.service), mineAction]);
  },
  'request.submit': async (ctx, actor, cmd) => {
    try {
      const { request } = await submitRequest(ctx, actor, cmd);
      return outcomeCard(request, ctx.catalogues.get(request.service)!);
    } catch (e) {
      if (isDomainError(e) && e.code === 'draft_incomplete') return redrawWithErrors(ctx, cmd.service, cmd.draftId, e);
      throw e;
    }
  },
  'request.review': async (ctx, actor, cmd) => {
    try {
      const { request } = await requestReview(ctx, actor, { ...cmd, justification: cmd.justification ?? '' });
      return outcomeCard(request, ctx.catalogues.get(request.service)!);
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
      const request = await openRequest(ctx, actor, cmd);
      return outcomeCard(request, ctx.catalogues.get(request.service)!, { errors: e.issues, justification: cmd.justification ?? '' });
    }
  },
  'request.open': async (ctx, actor, cmd) => {
    const request = await openRequest(ctx, actor, cmd);
    return outcomeCard(request, ctx.catalogues.get(request.service)!);
  },
  'requests.mine': async (ctx, actor) => {
    const service = ctx.catalogues.keys().next().value ?? 'fass';
    const [requests, draft] = await Promise.all([listMyRequests(ctx, actor), resumeDraft(ctx, actor, service)]);
    return myRequestsCard(service, requests, draft !== null);
  },
};

/** The card that explains a refused or failed action; nothing changed. */
export function errorCard(code: keyof typeof ERROR_TEXT, service = 'fass'): Card {
  const { title, text } = ERROR_TEXT[code];
  return noticeCard(title, text, code === 'not_owner' ? [] : [startAction(service), mineAction]);
}

export interface ActionResult {
  card: Card;
  /** The error code, when the action was refused or failed; for logs and metrics. */
  code?: string;
}

/**
 * Runs one card action for an actor: parses its data, calls the use case, and answers with the card
 * to show in place of the one clicked. Every failure becomes a card that says what happened.
 */
export async function runCardAction(ctx: AppContext, actor: Actor, verb: string, data: unknown, edge?: Edge): Promise<ActionResult> {
  const raw = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  if (isBookingVerb(verb) && edge) {
    try {
      const parsed = BOOKING_VERB_DATA[verb].safeParse(raw);
      if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
      return { card: await runBookingAction(ctx, edge, actor, verb, parsed.data, raw) };
    } catch (e) {
      if (!isDomainError(e)) throw e;
      return { card: errorCard(e.code), code: e.code };
    }
  }
  if (!isVerb(verb)) return { card: errorCard('unknown_action'), code: 'unknown_action' };
  try {
    const parsed = parseVerbData(verb, raw);
    const handler = HANDLERS[verb] as Handler<Verb>;
    return { card: await handler(ctx, actor, parsed, raw) };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { card: errorCard(e.code), code: e.code };
  }
}

