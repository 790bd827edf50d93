import type { Catalogue } from '../../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../../domain/errors';
import type { ConsultationRequest } from '../../../domain/request/consultation-request';
import { formatLondon } from '../../../domain/time/london';
import { errorRows } from './common';
import { NEXT_STEPS, STATUS_LABELS } from './labels';
import { screeningView } from './reasons';
import { expand, type Card } from './templates';

/** A submitted request: its reference, the outcome in plain words, every reason, and what happens next. */
export function outcomeCard(request: ConsultationRequest, catalogue: Catalogue, options: { errors?: readonly FieldIssue[]; justification?: string } = {}): Card {
  return expand('outcome', {
    ...screeningView(request.screening),
    service: request.service, reference: request.reference, serviceName: catalogue.name,
    submittedAt: formatLondon(request.submittedAt), statusLabel: STATUS_LABELS[request.status], nextStep: NEXT_STEPS[request.status],
    canRequestReview: request.status === 'not_recommended',
    canPickTimes: request.status === 'awaiting_booking',
    justification: options.justification ?? '', errors: errorRows(options.errors),
  });
}
