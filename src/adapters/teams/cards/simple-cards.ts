import type { Catalogue } from '../../../domain/catalogue/catalogue';
import type { ConsultationRequest } from '../../../domain/request/consultation-request';
import { formatLondon } from '../../../domain/time/london';
import { STATUS_LABELS } from './labels';
import { expand, type Card } from './templates';

export interface CardAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

export const welcomeCard = (catalogue: Catalogue): Card => expand('welcome', { service: catalogue.service, serviceName: catalogue.name });

/** A short message, with buttons for what the person can do next. */
export const noticeCard = (title: string, text: string, actions: CardAction[] = []): Card => expand('notice', { title, text, actions });

export const myRequestsCard = (service: string, requests: readonly ConsultationRequest[], hasDraft: boolean): Card =>
  expand('my-requests', {
    service, hasDraft,
    requests: requests.map((r) => ({ service: r.service, reference: r.reference, statusLabel: STATUS_LABELS[r.status], submittedAt: formatLondon(r.submittedAt) })),
  });
