import { z } from 'zod';
import { cancelDraft } from '../../app/cancel-draft';
import { catalogueFor } from '../../app/context';
import { goToStep } from '../../app/go-to-step';
import { loadOwnDraft } from '../../app/guard';
import { listMyRequests } from '../../app/list-my-requests';
import { openRequest } from '../../app/open-request';
import { recordRead } from '../../app/record-read';
import { requestReview } from '../../app/request-review';
import { resumeDraft } from '../../app/resume-draft';
import { saveStep } from '../../app/save-step';
import { startRequest } from '../../app/start-request';
import { submitRequest } from '../../app/submit-request';
import { DomainError, isDomainError } from '../../domain/errors';
import { isMultiField } from '../../domain/referral/fields';
import { urgentAdvice } from '../../domain/screening/screen';
import { ANSWER_STEPS, STEPS, journeyOf, type AnswerStep } from '../../domain/referral/steps';
import type { ActionView } from '../views/common';
import { outcomeView } from '../views/outcome';
import { myRequests, notice } from '../views/simple';
import { ERROR_TEXT } from '../wording/error-text';
import { draftScreen } from './screens';
import { Cursor, DraftId, MAX_INPUT, Reference, Service, verb, Version } from './verb';

export const startAction = (service: string, title = 'Request a consultation'): ActionView => ({ title, verb: 'request.start', data: { service } });
export const mineAction: ActionView = { title: 'My requests', verb: 'requests.mine', data: {} };

/**
 * Picks one step's inputs out of an action's data and turns wire strings into answers: empty strings
 * become absent, multi-selects become lists. A value that is not a string, or is too long, is refused.
 */
export function stepInputs(data: Record<string, unknown>, inputs: readonly string[]): { values: Record<string, unknown>; raw: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  const issues: { field: string; message: string }[] = [];
  for (const id of inputs) {
    const v = data[id];
    if (v === undefined) {
      if (isMultiField(id)) values[id] = [];
      continue;
    }
    if (typeof v !== 'string') { issues.push({ field: id, message: 'is not a value this card can send' }); continue; }
    if (v.length > MAX_INPUT) { issues.push({ field: id, message: `is too long (at most ${MAX_INPUT} characters)` }); continue; }
    raw[id] = v;
    const trimmed = v.trim();
    if (isMultiField(id)) values[id] = trimmed === '' ? [] : trimmed.split(',').map((s) => s.trim()).filter(Boolean);
    else if (trimmed !== '') values[id] = trimmed;
  }
  if (issues.length > 0) throw new DomainError('invalid_input', issues);
  return { values, raw };
}

export const JOURNEY_VERBS = {
  'request.start': verb({
    schema: z.object({ service: Service, fresh: z.union([z.boolean(), z.enum(['true', 'false'])]).optional() }),
    async run(cc, actor, { service, fresh }) {
      const { draft, existing } = await startRequest(cc.app, actor, service, fresh === true || fresh === 'true');
      if (!existing) return draftScreen(cc, draft);
      return notice('You have a request in progress', 'Carry on with it, or discard it and start again.', [
        { title: 'Resume', verb: 'draft.resume', data: { service } },
        { title: 'Start again', verb: 'request.start', data: { service, fresh: true } },
      ]);
    },
  }),
  'draft.resume': verb({
    schema: z.object({ service: Service }),
    async run(cc, actor, { service }) {
      catalogueFor(cc.app, service);
      const draft = await resumeDraft(cc.app, actor, service);
      return draft ? draftScreen(cc, draft) : notice('No request in progress', 'You have no unfinished request.', [startAction(service), mineAction]);
    },
  }),
  'draft.save': verb({
    schema: z.object({ service: Service, draftId: DraftId, version: Version, step: z.enum(ANSWER_STEPS as [AnswerStep, ...AnswerStep[]]) }),
    async run(cc, actor, cmd, { raw }) {
      // Who is acting is checked before anything of the draft is read or the inputs are looked at: anyone else is refused (and audited).
      const own = await loadOwnDraft(cc.app, actor, cmd.service, cmd.draftId, 'draft.save_step');
      const inputs = journeyOf(catalogueFor(cc.app, cmd.service)).fields[cmd.step] ?? [];
      let parsed: ReturnType<typeof stepInputs> | undefined;
      try {
        parsed = stepInputs(raw, inputs);
        const { draft, stale } = await saveStep(cc.app, actor, { ...cmd, values: parsed.values });
        // Advice about a risk to someone's safety is shown the moment it is answered, not at the end.
        const urgent = urgentAdvice(catalogueFor(cc.app, cmd.service), draft.answers).join(' ');
        return draftScreen(cc, draft, stale ? { notice: ERROR_TEXT.stale_card.text } : urgent ? { notice: urgent } : {});
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
        return draftScreen(cc, own, { errors: e.issues, ...(parsed ? { values: parsed.raw } : {}) });
      }
    },
  }),
  'draft.goto': verb({
    schema: z.object({ service: Service, draftId: DraftId, version: Version, step: z.enum(STEPS) }),
    async run(cc, actor, cmd) {
      const { draft, stale } = await goToStep(cc.app, actor, cmd);
      return draftScreen(cc, draft, stale ? { notice: ERROR_TEXT.stale_card.text } : {});
    },
  }),
  'draft.cancel': verb({
    schema: z.object({ service: Service, draftId: DraftId.optional() }),
    async run(cc, actor, cmd) {
      catalogueFor(cc.app, cmd.service);
      const { cancelled } = await cancelDraft(cc.app, actor, cmd);
      return notice(cancelled ? 'Request discarded' : 'Nothing to discard',
        cancelled ? 'Your request in progress was discarded. Nothing was sent.' : 'You have no request in progress.', [startAction(cmd.service), mineAction]);
    },
  }),
  'request.submit': verb({
    schema: z.object({ service: Service, draftId: DraftId }),
    async run(cc, actor, cmd) {
      try {
        const { request } = await submitRequest(cc.app, actor, cmd);
        return outcomeView(request, catalogueFor(cc.app, request.service));
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'draft_incomplete') throw e;
        // submitRequest refused anyone but the owner before it found the draft incomplete.
        const draft = await cc.app.store.drafts.get(cmd.service, cmd.draftId);
        if (!draft) throw e;
        return draftScreen(cc, draft, { errors: e.issues });
      }
    },
  }),
  'request.review': verb({
    schema: z.object({ service: Service, reference: Reference, justification: z.string().max(MAX_INPUT).optional() }),
    async run(cc, actor, cmd) {
      try {
        const { request } = await requestReview(cc.app, actor, { ...cmd, justification: cmd.justification ?? '' });
        return outcomeView(request, catalogueFor(cc.app, request.service));
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
        const request = await openRequest(cc.app, actor, cmd);
        return outcomeView(request, catalogueFor(cc.app, request.service), { errors: e.issues, justification: cmd.justification ?? '' });
      }
    },
  }),
  'request.open': verb({
    schema: z.object({ service: Service, reference: Reference }),
    async run(cc, actor, cmd) {
      const request = await openRequest(cc.app, actor, cmd);
      await recordRead(cc.app, actor, request, 'request.open', ['screening']);
      return outcomeView(request, catalogueFor(cc.app, request.service));
    },
  }),
  'requests.mine': verb({
    schema: z.object({ after: Cursor }),
    async run(cc, actor, { after }) {
      const catalogues = [...cc.app.catalogues.values()];
      const [requests, drafts] = await Promise.all([
        listMyRequests(cc.app, actor),
        Promise.all(catalogues.map(async (c) => ((await resumeDraft(cc.app, actor, c.service)) ? [c.service] : []))),
      ]);
      return myRequests(catalogues, requests, drafts.flat(), after);
    },
  }),
};
