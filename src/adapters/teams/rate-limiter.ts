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
  /** Answered sends, by the time of their answer. */
  private readonly sent = new Map<string, number[]>();
  private readonly global: number[] = [];
  /** Sends under way: they count as happening now until answered, however long that takes. */
  private readonly inFlight = new Map<string, number>();
  private globalInFlight = 0;
  private readonly queues = new Map<string, Promise<void>>();
  private readonly perConversation: Limit[];
  private readonly globalWindowMs: number;
  private readonly longestMs: number;
  private lastSweep = 0;

  /**
   * Sends are counted from their answer (Teams counted them somewhere between the send and the answer, so
   * this is never too early, however the network jitters); `safety` can lengthen the windows further.
   */
  constructor(limits: Limit[], private readonly globalPerSecond: number, private readonly now = () => Date.now(), safety = 1) {
    this.perConversation = limits.map((l) => ({ count: l.count, windowMs: Math.ceil(l.windowMs * safety) }));
    this.globalWindowMs = Math.ceil(1000 * safety);
    this.longestMs = Math.max(0, ...this.perConversation.map((l) => l.windowMs));
  }

  /** Conversations whose recent sends are being counted: those sent to within the longest window. */
  get conversationsHeld(): number {
    return this.sent.size;
  }

  /** How long until one more send to `key` fits every limit (0 = now); a short poll while sends under way fill a window. */
  private waitFor(key: string): number {
    const t = this.now();
    const times = (this.sent.get(key) ?? []).filter((s) => s > t - this.longestMs);
    if (times.length > 0) this.sent.set(key, times);
    else this.sent.delete(key);
    while (this.global.length > 0 && this.global[0]! <= t - this.globalWindowMs) this.global.shift();
    const busy = this.inFlight.get(key) ?? 0;
    let wait = 0;
    for (const { count, windowMs } of this.perConversation) {
      const recent = times.filter((s) => s > t - windowMs);
      if (recent.length + busy >= count) wait = Math.max(wait, busy >= count || recent.length < count - busy ? POLL_MS : recent[recent.length - (count - busy)]! + windowMs - t);
    }
    if (this.global.length + this.globalInFlight >= this.globalPerSecond) {
      const room = this.globalPerSecond - this.globalInFlight;
      wait = Math.max(wait, room <= 0 ? POLL_MS : this.global[this.global.length - room]! + this.globalWindowMs - t);
    }
    return Math.max(0, wait);
  }

  /**
   * Waits its turn for `conversationId` and returns `done`, to call when the send has been answered.
   * Sends to one conversation queue behind each other; the check and the record happen in one synchronous
   * step, so no two sends take the same place in a window.
   */
  async acquire(conversationId: string): Promise<() => void> {
    const turn = (this.queues.get(conversationId) ?? Promise.resolve()).then(async () => {
      for (let wait = this.waitFor(conversationId); wait > 0; wait = this.waitFor(conversationId)) await new Promise((r) => setTimeout(r, wait));
      this.inFlight.set(conversationId, (this.inFlight.get(conversationId) ?? 0) + 1);
      this.globalInFlight += 1;
    });
    const tail = turn.catch(() => undefined);
    this.queues.set(conversationId, tail);
    void tail.then(() => { if (this.queues.get(conversationId) === tail) this.queues.delete(conversationId); });
    await turn;
    let settled = false;
    return () => {
      if (settled) return;
      settled = true;
      this.settle(conversationId);
    };
  }

  private settle(conversationId: string): void {
    const answered = this.now();
    const left = (this.inFlight.get(conversationId) ?? 1) - 1;
    if (left > 0) this.inFlight.set(conversationId, left);
    else this.inFlight.delete(conversationId);
    this.globalInFlight -= 1;
    const times = this.sent.get(conversationId) ?? [];
    times.push(answered);
    this.sent.set(conversationId, times.sort((a, b) => a - b)); // a pause may have put later times in
    this.global.push(answered);
    this.sweep(answered);
  }

  /**
   * Forgets the conversations none of whose sends is inside the longest window any more (nothing of theirs
   * can hold a send back), at most once a window: a notifier sends to a new personal chat for every new
   * person, and must not keep a window for each of them for ever.
   */
  private sweep(t: number): void {
    if (t - this.lastSweep < this.longestMs) return;
    this.lastSweep = t;
    for (const [key, times] of this.sent) if ((times.at(-1) ?? -Infinity) <= t - this.longestMs) this.sent.delete(key);
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

const POLL_MS = 5;
