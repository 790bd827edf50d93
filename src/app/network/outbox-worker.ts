import type { Notification } from '../../domain/network/notification';
import type { OutboxEntry } from '../../ports/outbox';
import { DeliveryError, type Notifier } from '../../ports/notifier';
import type { AppContext } from '../context';

export type OutboxResult = 'sent' | 'undeliverable' | 'skipped' | 'dead';

export interface OutboxWorkerOptions {
  /** This worker's name in the consumer group; unique per process. */
  consumer: string;
  batch?: number;
  blockMs?: number;
  /** An entry held this long unacknowledged by another worker is taken over (that worker died). */
  reclaimIdleMs?: number;
  /** Attempts within one hand-out before the entry is dead-lettered. */
  maxAttempts?: number;
  /** Hand-outs (crashes while holding it) after which an entry is dead-lettered rather than tried again. */
  maxDeliveries?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  /** Entries delivered at the same time. */
  concurrency?: number;
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  onResult?: (n: Notification, result: OutboxResult, attempts: number, code?: string) => void;
  onError?: (e: unknown) => void;
}

const sleeper = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Exponential backoff with full jitter: a random wait up to base * 2^(attempt-1), capped. */
export const backoffMs = (attempt: number, baseMs: number, maxMs: number, random: () => number) =>
  Math.round(random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1)));

/**
 * Reads the outbox as one consumer of the notifiers group and delivers each entry through the
 * notifier: acknowledged only after success; a 429 waits as long as Retry-After says, other failures
 * back off exponentially with jitter; after too many attempts the entry goes to the dead letters.
 * Entries a dead worker held are reclaimed. Several workers (processes) can share the outbox.
 */
export class OutboxWorker {
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly o: Required<Omit<OutboxWorkerOptions, 'onResult' | 'onError'>> & Pick<OutboxWorkerOptions, 'onResult' | 'onError'>;

  constructor(private readonly ctx: AppContext, private readonly notifier: Notifier, options: OutboxWorkerOptions) {
    this.o = {
      batch: 20, blockMs: 1000, reclaimIdleMs: 30_000, maxAttempts: 6, maxDeliveries: 5, backoffBaseMs: 500, backoffMaxMs: 30_000,
      concurrency: 16, random: Math.random, sleep: sleeper, ...options,
    };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** Finishes the entries in hand (unacknowledged ones are reclaimed by another worker if it is cut short). */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    let lastReclaim = 0;
    while (!this.stopped) {
      try {
        for (const service of this.ctx.catalogues.keys()) {
          if (Date.now() - lastReclaim >= this.o.reclaimIdleMs / 2) {
            lastReclaim = Date.now();
            await this.deliverAll(service, await this.ctx.store.outbox.reclaim(service, this.o.consumer, this.o.reclaimIdleMs, this.o.batch));
          }
          await this.deliverAll(service, await this.ctx.store.outbox.read(service, this.o.consumer, this.o.batch, this.o.blockMs));
        }
      } catch (e) {
        this.o.onError?.(e);
        await this.o.sleep(500); // the store is away: try again shortly, holding nothing
      }
    }
  }

  /**
   * Delivers a batch: one case's notifications in order, one after the other (so its conversations read
   * its events in order), different cases side by side up to the concurrency.
   */
  private async deliverAll(service: string, entries: OutboxEntry[]): Promise<void> {
    const byCase = new Map<string, OutboxEntry[]>();
    for (const e of entries) byCase.set(e.notification.reference, [...(byCase.get(e.notification.reference) ?? []), e]);
    const queue = [...byCase.values()];
    const lanes = Array.from({ length: Math.min(this.o.concurrency, queue.length) }, async () => {
      for (let group = queue.shift(); group; group = queue.shift()) for (const entry of group) await this.deliverOne(service, entry);
    });
    await Promise.all(lanes);
  }

  /** Delivers one entry, retrying in place; returns what became of it. */
  async deliverOne(service: string, entry: OutboxEntry): Promise<OutboxResult> {
    const n = entry.notification;
    const finish = (result: OutboxResult, attempts: number, code?: string) => {
      this.o.onResult?.(n, result, attempts, code);
      return result;
    };
    if (entry.deliveries > this.o.maxDeliveries) {
      await this.ctx.store.outbox.deadLetter(service, entry, 'crashed_repeatedly', 0, this.ctx.clock.now());
      return finish('dead', 0, 'crashed_repeatedly');
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        const request = await this.ctx.store.requests.get(service, n.reference);
        const result = request ? await this.notifier.deliver(n, request) : 'skipped';
        await this.ctx.store.outbox.ack(service, entry.entryId);
        return finish(result, attempt);
      } catch (e) {
        const code = e instanceof DeliveryError ? e.code : (e as Error).name || 'error';
        const permanent = e instanceof DeliveryError && e.permanent;
        if (attempt >= this.o.maxAttempts || this.stopped || permanent) {
          if (this.stopped && !permanent && attempt < this.o.maxAttempts) return finish('skipped', attempt, 'stopping'); // left for reclaim
          await this.ctx.store.outbox.deadLetter(service, entry, code, attempt, this.ctx.clock.now());
          return finish('dead', attempt, code);
        }
        const wait = e instanceof DeliveryError && e.retryAfterMs !== undefined
          ? Math.min(e.retryAfterMs, this.o.backoffMaxMs)
          : backoffMs(attempt, this.o.backoffBaseMs, this.o.backoffMaxMs, this.o.random);
        await this.o.sleep(wait);
        if (this.stopped) return finish('skipped', attempt, 'stopping'); // left unacknowledged: another worker reclaims it
      }
    }
  }
}
