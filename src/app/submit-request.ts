import { DomainError, isDomainError } from '../domain/errors';
import { notification } from '../domain/network/notification';
import type { Draft } from '../domain/referral/draft';
import { toScreeningInput } from '../domain/referral/to-screening-input';
import {
  automaticReviewReasons, formatReference, statusFor, type ConsultationRequest,
} from '../domain/request/consultation-request';
import { screen } from '../domain/screening/screen';
import { londonYear } from '../domain/time/london';
import { catalogueFor, type Actor, type AppContext } from './context';
import { loadOwnDraft } from './guard';

export interface SubmitResult {
  request: ConsultationRequest;
  /** False when this draft had been submitted already (a double click or a retried delivery). */
  created: boolean;
}

/** The request a submitted draft made, shown again only once it is kept as safely as a new one would be. */
async function existingFor(ctx: AppContext, draft: Draft): Promise<SubmitResult> {
  const request = draft.reference ? await ctx.store.requests.getConfirmed(draft.service, draft.reference) : null;
  if (!request) throw new DomainError('draft_already_submitted');
  return { request, created: false };
}

/**
 * Screens a complete draft and stores it as a request with a reference, in one atomic step with the
 * draft's submission. Submitting the same draft again, however often and however concurrently,
 * returns the one request it made.
 */
export async function submitRequest(ctx: AppContext, actor: Actor, cmd: { service: string; draftId: string }): Promise<SubmitResult> {
  const draft = await loadOwnDraft(ctx, actor, cmd.service, cmd.draftId, 'request.submit');
  if (draft.status === 'submitted') return existingFor(ctx, draft);
  if (draft.status !== 'open') throw new DomainError('draft_not_found');
  const catalogue = catalogueFor(ctx, cmd.service);
  const screening = screen(toScreeningInput(catalogue, draft.answers), catalogue, new Set(ctx.catalogues.keys()));
  const now = ctx.clock.now();
  const { year, n } = await ctx.store.requests.reserveSequence(cmd.service, draft.id, londonYear(now));
  const reference = formatReference(catalogue.referencePrefix, year, n);
  const at = now.toISOString();
  const reviewReasons = automaticReviewReasons(screening);
  const request: ConsultationRequest = {
    reference, service: cmd.service, draftId: draft.id, ownerId: actor.id,
    answers: draft.answers,
    screening,
    status: statusFor(screening.outcome),
    ...(reviewReasons.length > 0 ? { review: { reasons: reviewReasons, requestedAt: at } } : {}),
    submittedAt: at, updatedAt: at, version: 1,
  };
  // The answers now live in the request: the sent draft keeps none (only what makes a repeated submit find its request).
  const submitted: Draft = { ...draft, answers: {}, status: 'submitted', reference, version: draft.version + 1, updatedAt: at };
  try {
    return await ctx.store.requests.create(request, submitted, {
      at, actor: actor.id, action: 'request.submit', subject: reference, result: 'ok',
      detail: { outcome: screening.outcome, catalogueVersion: screening.catalogueVersion },
    }, [
      notification(request, 'submitted', new Date(at)),
      ...(request.status === 'awaiting_review' ? [notification(request, 'review_requested', new Date(at))] : []),
    ]);
  } catch (e) {
    // Someone else's save got in first: if it was this same submission, answer with its request.
    if (!isDomainError(e) || e.code !== 'version_conflict') throw e;
    const current = await ctx.store.drafts.get(cmd.service, draft.id);
    if (current?.status === 'submitted') return existingFor(ctx, current);
    throw e;
  }
}
