import { z } from 'zod';
import { catalogueFor } from '../../app/context';
import { listDeadLetters, retryDeadLetters } from '../../app/network/dead-letters';
import { followCase } from '../../app/network/follow-case';
import { postNextSteps, recordOutcome } from '../../app/network/record-outcome';
import { networkView } from '../../domain/network/privacy';
import { deadLettersView, networkCaseView } from '../views/network';
import { notice } from '../views/simple';
import { onCase } from './booking';
import { Cursor, FreeText, Ref, Service, verb } from './verb';

/** The clinician's records after the consultation refuse an outcome before it started, as well as bad input. */
const AFTER_CONSULTATION = ['invalid_input', 'request_moved_on', 'outcome_too_early'] as const;

export const NETWORK_VERBS = {
  'network.follow': verb({
    schema: z.object(Ref),
    shared: true,
    async run(cc, actor, cmd, { place }) {
      // The conversation the click came from is the proof of membership; nothing the card sent is trusted for it.
      const { request, changed } = await followCase(cc.app, actor, { ...cmd, on: true, ...(place.conversationId ? { fromConversationId: place.conversationId } : {}) });
      const following = changed || (request.followers?.some((f) => f.userId === actor.id) ?? false);
      const catalogue = catalogueFor(cc.app, request.service);
      return networkCaseView(networkView(request, catalogue), catalogue, 'conversation', following);
    },
  }),
  'network.unfollow': verb({
    schema: z.object(Ref),
    async run(cc, actor, cmd) {
      const { request } = await followCase(cc.app, actor, { ...cmd, on: false });
      return notice(`Stopped following ${request.reference}`, 'You will get no more updates on this case. Nothing else was changed.');
    },
  }),
  'consultation.complete': verb({
    schema: z.object({ ...Ref, outcome: z.string().max(60).optional(), notes: FreeText }),
    run: (cc, actor, cmd) => onCase(cc, actor, cmd, () => recordOutcome(cc.app, actor, cmd), 'Outcome recorded', AFTER_CONSULTATION),
  }),
  'consultation.next_steps': verb({
    schema: z.object({ ...Ref, step: z.string().max(60).optional(), nextText: FreeText }),
    run: (cc, actor, cmd) => onCase(cc, actor, cmd, () => postNextSteps(cc.app, actor, { ...cmd, ...(cmd.nextText !== undefined ? { text: cmd.nextText } : {}) }), 'Next steps posted', AFTER_CONSULTATION),
  }),
  'deadletters.show': verb({
    schema: z.object({ service: Service, after: Cursor }),
    run: async (cc, actor, cmd) => deadLettersView(cmd.service, await listDeadLetters(cc.app, actor, cmd.service), '', cmd.after),
  }),
  'deadletters.retry': verb({
    schema: z.object({ service: Service, deadId: z.string().regex(/^\d+-\d+$/).optional(), after: Cursor }),
    async run(cc, actor, cmd) {
      const retried = await retryDeadLetters(cc.app, actor, cmd);
      return deadLettersView(cmd.service, await listDeadLetters(cc.app, actor, cmd.service), `${retried} message(s) put back for delivery.`, cmd.after);
    },
  }),
};
