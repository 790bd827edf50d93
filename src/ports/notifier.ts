import type { ConsultationRequest } from '../domain/request/consultation-request';
import type { Job } from './job-queue';

export type Delivery = 'sent' | 'undeliverable';

/** Sends what a job says to the people and channels it concerns (the transport picks the cards). */
export interface Notifier {
  /**
   * Delivers the job for the request as it stands now. Answers `undeliverable` when there is no way to
   * reach anyone (nothing to retry); throws when sending failed and is worth trying again.
   */
  deliver(job: Job, request: ConsultationRequest): Promise<Delivery>;
}
