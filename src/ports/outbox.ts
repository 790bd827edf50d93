import type { Notification } from '../domain/network/notification';

/** One notification as a worker holds it: the stream entry, and how often it has been handed out. */
export interface OutboxEntry {
  entryId: string;
  notification: Notification;
  /** How many times the entry has been handed to a worker (1 the first time; more after a crash). */
  deliveries: number;
}

export interface DeadLetter {
  deadId: string;
  notification: Notification;
  code: string;
  attempts: number;
  at: string;
}

/**
 * Notifications waiting to be sent: appended in the same atomic step as the change that causes them
 * (see RequestEffects.notify), read by notifier workers in a consumer group so that each goes to one
 * worker, acknowledged only after it was delivered, and claimed again from a worker that died.
 */
export interface Outbox {
  /** Appends on its own, for notifications that change no state (a reminder coming due). */
  append(notification: Notification): Promise<void>;
  /** New entries for this worker, waiting up to `blockMs` for some. */
  read(service: string, consumer: string, count: number, blockMs: number): Promise<OutboxEntry[]>;
  /** Entries handed to a worker that has held them unacknowledged for `minIdleMs` (it died), now this consumer's. */
  reclaim(service: string, consumer: string, minIdleMs: number, count: number): Promise<OutboxEntry[]>;
  ack(service: string, entryId: string): Promise<void>;
  /** Moves an entry that could not be delivered to the dead letters, acknowledging it, in one step. */
  deadLetter(service: string, entry: OutboxEntry, code: string, attempts: number, at: Date): Promise<void>;
  listDead(service: string, count: number): Promise<DeadLetter[]>;
  /** Puts a dead letter back in the outbox (same notification id, so nobody is told twice); false if it is gone. */
  retryDead(service: string, deadId: string): Promise<boolean>;
  /** Entries not yet acknowledged, including ones not yet read. */
  backlog(service: string): Promise<number>;
  /** Drops dead letters older than `before` (retention), or every one about a case (`reference`, erasure); returns how many went. */
  dropDead(service: string, which: { before: Date } | { reference: string }): Promise<number>;
}
