import type { Catalogue } from '../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../domain/errors';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { MAX_JUSTIFICATION, mayAskForReview } from '../../domain/request/request-review';
import { formatLondon } from '../../domain/time/london';
import { NEXT_STEPS, STATUS_LABELS } from '../wording/labels';
import { screeningView, type ScreeningView } from '../wording/screening-view';
import { errorRows, type ErrorRow } from './common';

/** A submitted request: its reference, the outcome in plain words, every reason, and what happens next. */
export interface OutcomeView extends ScreeningView {
  kind: 'outcome';
  service: string;
  reference: string;
  serviceName: string;
  submittedAt: string;
  statusLabel: string;
  nextStep: string;
  canRequestReview: boolean;
  canPickTimes: boolean;
  justification: string;
  errors: ErrorRow[];
}

export function outcomeView(request: ConsultationRequest, catalogue: Catalogue, options: { errors?: readonly FieldIssue[]; justification?: string } = {}): OutcomeView {
  const reviewable = mayAskForReview(request, catalogue);
  const closed = request.status === 'not_recommended' && !reviewable;
  return {
    kind: 'outcome',
    ...screeningView(request.screening),
    service: request.service, reference: request.reference, serviceName: catalogue.name,
    submittedAt: formatLondon(request.submittedAt), statusLabel: STATUS_LABELS[request.status],
    nextStep: closed ? 'consider the signposting below. The service does not take this to a duty clinician: it has said it cannot offer this.' : NEXT_STEPS[request.status],
    canRequestReview: reviewable,
    canPickTimes: request.status === 'awaiting_booking',
    justification: (options.justification ?? '').slice(0, MAX_JUSTIFICATION), errors: errorRows(options.errors),
  };
}
