import { z } from 'zod';
import { viewRequest } from '../../app/booking/view-request';
import { eraseFromCard } from '../../app/retention/erase-case';
import { requestExportLink } from '../../app/retention/export-case';
import { isDomainError } from '../../domain/errors';
import { exportLinkView } from '../views/governance';
import { notice } from '../views/simple';
import { caseScreen } from './screens';
import { Ref, textInput, verb } from './verb';

/** Information governance from the case card: coordinators only, in personal chat. */
export const GOVERNANCE_VERBS = {
  'case.export': verb({
    schema: z.object(Ref),
    async run(cc, actor, cmd) {
      const { token, expiresAt } = await requestExportLink(cc.app, actor, { ...cmd, ttlMs: cc.links.exportTtlMs });
      return exportLinkView(cmd.service, cmd.reference, cc.links.exportUrl(cmd.service, cmd.reference, token), expiresAt);
    },
  }),
  'case.erase': verb({
    schema: z.object(Ref),
    async run(cc, actor, cmd, { raw }) {
      try {
        await eraseFromCard(cc.app, actor, { ...cmd, reason: textInput(raw, 'eraseReason'), confirm: textInput(raw, 'eraseConfirm') });
        return notice(`Erased ${cmd.reference}`, 'Every personal detail held about this case has been deleted. The audit trail keeps a record of who erased it, when and why. Cards already posted in chats show only the reference and status.');
      } catch (e) {
        if (!isDomainError(e) || e.code !== 'invalid_input') throw e;
        const { request } = await viewRequest(cc.app, actor, cmd);
        return caseScreen(cc, actor, request, { errors: e.issues, via: 'case.erase' });
      }
    },
  }),
};
