import type { Notification } from '../../domain/network/notification';
import type { DeadLetter, Outbox, OutboxEntry } from '../../ports/outbox';
import { copy } from './copy';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Held {
  entryId: string;
  notification: Notification;
  owner?: string;
  handedAt: number;
  deliveries: number;
}

/** The outbox in memory, with the consumer-group behaviour of the Redis one: each entry to one worker, reclaimable. */
export class InMemoryOutbox implements Outbox {
  private readonly entries = new Map<string, Held[]>();
  private readonly dead = new Map<string, DeadLetter[]>();
  private seq = 0;

  private list(service: string): Held[] {
    let l = this.entries.get(service);
    if (!l) this.entries.set(service, (l = []));
    return l;
  }

  /** Synchronous, so that a store update and its notifications are one step. */
  appendNow(n: Notification): void {
    this.seq += 1;
    this.list(n.service).push({ entryId: `${Date.now()}-${this.seq}`, notification: copy(n), handedAt: 0, deliveries: 0 });
  }

  async append(n: Notification): Promise<void> {
    this.appendNow(n);
  }

  async read(service: string, consumer: string, count: number, blockMs: number): Promise<OutboxEntry[]> {
    const deadline = Date.now() + blockMs;
    for (;;) {
      const fresh = this.list(service).filter((e) => e.owner === undefined).slice(0, count);
      if (fresh.length > 0 || Date.now() >= deadline) return fresh.map((e) => this.hand(e, consumer));
      await wait(Math.min(20, Math.max(1, deadline - Date.now())));
    }
  }

  private hand(e: Held, consumer: string): OutboxEntry {
    e.owner = consumer;
    e.handedAt = Date.now();
    e.deliveries += 1;
    return { entryId: e.entryId, notification: copy(e.notification), deliveries: e.deliveries };
  }

  async reclaim(service: string, consumer: string, minIdleMs: number, count: number): Promise<OutboxEntry[]> {
    const now = Date.now();
    return this.list(service).filter((e) => e.owner !== undefined && now - e.handedAt >= minIdleMs).slice(0, count).map((e) => this.hand(e, consumer));
  }

  async ack(service: string, entryId: string): Promise<void> {
    this.entries.set(service, this.list(service).filter((e) => e.entryId !== entryId));
  }

  async deadLetter(service: string, entry: OutboxEntry, code: string, attempts: number, at: Date): Promise<void> {
    await this.ack(service, entry.entryId);
    this.seq += 1;
    const list = this.dead.get(service) ?? [];
    list.push({ deadId: `${Date.now()}-${this.seq}`, notification: copy(entry.notification), code, attempts, at: at.toISOString() });
    this.dead.set(service, list);
  }

  async listDead(service: string, count: number): Promise<DeadLetter[]> {
    return copy((this.dead.get(service) ?? []).slice(-count).reverse());
  }

  async retryDead(service: string, deadId: string): Promise<boolean> {
    const list = this.dead.get(service) ?? [];
    const found = list.find((d) => d.deadId === deadId);
    if (!found) return false;
    this.dead.set(service, list.filter((d) => d !== found));
    this.appendNow(found.notification);
    return true;
  }

  async backlog(service: string): Promise<number> {
    return this.list(service).length;
  }

  async dropDead(service: string, which: { before: Date } | { reference: string }): Promise<number> {
    const list = this.dead.get(service) ?? [];
    const kept = list.filter((d) => ('reference' in which ? d.notification.reference !== which.reference : Date.parse(d.at) >= which.before.getTime()));
    this.dead.set(service, kept);
    return list.length - kept.length;
  }
}
