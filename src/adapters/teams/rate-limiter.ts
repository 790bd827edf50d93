/** A limit: at most `count` sends in any `windowMs`. */
export interface Limit {
  count: number;
  windowMs: number;
}

/** Teams' documented per-conversation limits for a bot: 7 messages a second and 60 in 30 seconds. */
export const TEAMS_CONVERSATION_LIMITS: Limit[] = [{ count: 7, windowMs: 1000 }, { count: 60, windowMs: 30_000 }];

/**
 * Sliding-window limits per conversation and across all of them, for one process. `acquire` resolves
 * when a send may go, having recorded it. Several notifier processes each keep their own windows,
 * so with N processes the global rate should be set to 1/N of what is wanted.
 */
export class RateLimiter {
  private readonly sent = new Map<string, number[]>();
  private readonly global: number[] = [];
  private readonly queues = new Map<string, Promise<void>>();

  private readonly perConversation: Limit[];
  private readonly globalWindowMs: number;

  /**
   * Windows are kept `safety` times longer than the limits say, so that network jitter between here and
   * Teams never makes two sends that were a window apart here arrive less than a window apart there.
   */
  constructor(limits: Limit[], private readonly globalPerSecond: number, private readonly now = () => Date.now(), safety = 1.05) {
    this.perConversation = limits.map((l) => ({ count: l.count, windowMs: Math.ceil(l.windowMs * safety) }));
    this.globalWindowMs = Math.ceil(1000 * safety);
  }

  /** How long until one more send to `key` fits every limit (0 = now). */
  private waitFor(key: string): number {
    const t = this.now();
    const longest = Math.max(...this.perConversation.map((l) => l.windowMs));
    const times = (this.sent.get(key) ?? []).filter((s) => s > t - longest);
    this.sent.set(key, times);
    while (this.global.length > 0 && this.global[0]! <= t - this.globalWindowMs) this.global.shift();
    let wait = 0;
    for (const { count, windowMs } of this.perConversation) {
      const recent = times.filter((s) => s > t - windowMs);
      if (recent.length >= count) wait = Math.max(wait, recent[recent.length - count]! + windowMs - t);
    }
    if (this.global.length >= this.globalPerSecond) wait = Math.max(wait, this.global[this.global.length - this.globalPerSecond]! + this.globalWindowMs - t);
    return wait;
  }

  /**
   * Waits its turn for `conversationId` and returns `done`, to call when the send has been answered.
   * Sends to one conversation queue behind each other; the check and the record happen in one synchronous
   * step, so no two sends take the same place in a window. `done` moves the record to the moment of the
   * answer: Teams counted the send somewhere between the two, so counting from the answer is never too
   * early, however slow the send was.
   */
  async acquire(conversationId: string): Promise<() => void> {
    let record: { at: number } | undefined;
    const turn = (this.queues.get(conversationId) ?? Promise.resolve()).then(async () => {
      for (let wait = this.waitFor(conversationId); wait > 0; wait = this.waitFor(conversationId)) await new Promise((r) => setTimeout(r, wait + 1));
      record = { at: this.now() };
      this.sent.get(conversationId)!.push(record.at);
      this.global.push(record.at);
    });
    const tail = turn.catch(() => undefined);
    this.queues.set(conversationId, tail);
    void tail.then(() => { if (this.queues.get(conversationId) === tail) this.queues.delete(conversationId); });
    await turn;
    return () => this.settle(conversationId, record!.at);
  }

  private settle(conversationId: string, at: number): void {
    const answered = this.now();
    const times = this.sent.get(conversationId);
    const i = times?.lastIndexOf(at) ?? -1;
    if (times && i >= 0) times.splice(i, 1, answered);
    times?.sort((a, b) => a - b);
    const g = this.global.lastIndexOf(at);
    if (g >= 0) this.global.splice(g, 1, answered);
    this.global.sort((a, b) => a - b);
  }

  /** Holds a conversation back for `ms`, as after a 429 with Retry-After. */
  pause(conversationId: string, ms: number): void {
    const limit = this.perConversation[0];
    if (!limit) return;
    // Filling the shortest window to its limit, timed so that it frees at `now + ms`, makes the next send wait that long.
    const until = this.now() + ms;
    const times = this.sent.get(conversationId) ?? [];
    for (let i = 0; i < limit.count; i += 1) times.push(until - limit.windowMs);
    this.sent.set(conversationId, times.sort((a, b) => a - b));
  }
}
