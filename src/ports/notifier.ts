import type { Notification } from '../domain/network/notification';
import type { ConsultationRequest } from '../domain/request/consultation-request';

export type Delivery = 'sent' | 'undeliverable';

/** A send that failed in a way worth trying again; `retryAfterMs` when the channel said how long to wait (HTTP 429). */
export class DeliveryError extends Error {
  /** `permanent`: retrying cannot help (the bot was removed from the conversation, say). */
  constructor(readonly code: string, readonly retryAfterMs?: number, readonly permanent = false) {
    super(code);
    this.name = 'DeliveryError';
  }
}

/** Sends what a notification says to the people and conversations it concerns (the transport picks the cards). */
export interface Notifier {
  /**
   * Delivers the notification for the request as it stands now, each recipient at most once however
   * often it is called. Answers `undeliverable` when nobody can be reached (nothing to retry); throws
   * when sending failed and is worth trying again.
   */
  deliver(notification: Notification, request: ConsultationRequest): Promise<Delivery>;
}
