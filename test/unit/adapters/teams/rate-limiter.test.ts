import { RateLimiter, TEAMS_CONVERSATION_LIMITS, type Limit } from '../../../../src/adapters/teams/rate-limiter';

/** A send that went: which conversation, in which place of the caller's queue, and when the limiter let it go. */
interface Sent {
  conversation: string;
  n: number;
  at: number;
}

/** Acquires for each conversation in the given order, answering every send at once; records when each was let go. */
function sendAll(limiter: RateLimiter, conversations: string[], sent: Sent[], now: () => number = Date.now): Promise<void[]> {
  const counts = new Map<string, number>();
  return Promise.all(conversations.map(async (conversation) => {
    const n = (counts.get(conversation) ?? 0) + 1;
    counts.set(conversation, n);
    const done = await limiter.acquire(conversation);
    sent.push({ conversation, n, at: now() });
    done();
  }));
}

/** The most sends in any window of `windowMs` (a window starting at each send is enough to find it). */
function busiest(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.max(0, ...sorted.map((start) => sorted.filter((t) => t >= start && t < start + windowMs).length));
}

const times = (sent: Sent[], conversation?: string) => sent.filter((s) => !conversation || s.conversation === conversation).map((s) => s.at);
const repeat = (conversation: string, count: number) => Array.from({ length: count }, () => conversation);

describe('RateLimiter, on a fake clock', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('never lets more than 7 sends a second, nor 60 in 30 seconds, go to one conversation', async () => {
    const limiter = new RateLimiter(TEAMS_CONVERSATION_LIMITS, 1000);
    const sent: Sent[] = [];
    const all = sendAll(limiter, repeat('conv-a', 130), sent);
    await jest.advanceTimersByTimeAsync(120_000);
    await all;
    expect(sent).toHaveLength(130);
    expect(busiest(times(sent), 1000)).toBe(7);
    expect(busiest(times(sent), 30_000)).toBe(60);
    // It does not hold back more than the limits ask: the first 7 go at once, and 130 fit in about two and a bit 30 s windows.
    expect(times(sent).filter((t) => t === 0)).toHaveLength(7);
    expect(Math.max(...times(sent))).toBeLessThan(75_000);
  });

  // Teams counts a send at some moment between its start and its answer, so `count` + 1 sends could fall in one of
  // its windows unless the latest start is a whole window after the earliest answer. Hence when a send starts, at
  // most count - 1 others may have been answered within the window before it, or still be under way.
  it('counts a slow send until its answer: none starts while 7 others were answered within a second or are still under way', async () => {
    const limiter = new RateLimiter(TEAMS_CONVERSATION_LIMITS, 1000);
    const sends: { start: number; answer: number }[] = [];
    const answerMs = [1500, 50, 400, 900, 10]; // some answered only after a whole window
    const all = Promise.all(repeat('conv-a', 70).map(async (_, i) => {
      const done = await limiter.acquire('conv-a');
      const start = Date.now();
      await new Promise((r) => setTimeout(r, answerMs[i % answerMs.length]));
      sends.push({ start, answer: Date.now() });
      done();
    }));
    await jest.advanceTimersByTimeAsync(200_000);
    await all;
    expect(sends).toHaveLength(70);
    for (const { count, windowMs } of TEAMS_CONVERSATION_LIMITS) {
      const crowded = sends.map((s) => sends.filter((o) => o !== s && o.start <= s.start && o.answer > s.start - windowMs).length);
      expect(Math.max(...crowded)).toBeLessThanOrEqual(count - 1);
    }
  });

  it('keeps every conversation to the global limit per second, across many conversations', async () => {
    const limiter = new RateLimiter(TEAMS_CONVERSATION_LIMITS, 10);
    const sent: Sent[] = [];
    const conversations = Array.from({ length: 8 }, (_, i) => `conv-${i}`);
    const all = sendAll(limiter, conversations.flatMap((c) => repeat(c, 5)), sent);
    await jest.advanceTimersByTimeAsync(30_000);
    await all;
    expect(sent).toHaveLength(40);
    expect(busiest(times(sent), 1000)).toBeLessThanOrEqual(10);
    for (const c of conversations) expect(busiest(times(sent, c), 1000)).toBeLessThanOrEqual(7);
    expect(Math.max(...times(sent))).toBeLessThan(5_000);
  });

  it('lets sends to one conversation go in the order they asked, even while waiting on the limits', async () => {
    const limiter = new RateLimiter([{ count: 2, windowMs: 1000 }], 3);
    const sent: Sent[] = [];
    const all = sendAll(limiter, ['a', 'b', 'a', 'c', 'a', 'b', 'a', 'a', 'c', 'b', 'a'], sent);
    setTimeout(() => limiter.pause('a', 1500), 100);
    await jest.advanceTimersByTimeAsync(30_000);
    await all;
    for (const c of ['a', 'b', 'c']) {
      const mine = sent.filter((s) => s.conversation === c);
      expect(mine.map((s) => s.n)).toEqual(mine.map((_, i) => i + 1));
    }
  });

  it('holds a paused conversation back for about the pause, and no longer', async () => {
    const limiter = new RateLimiter(TEAMS_CONVERSATION_LIMITS, 100);
    const sent: Sent[] = [];
    await sendAll(limiter, ['conv-a'], sent);
    limiter.pause('conv-a', 2000);
    const next = sendAll(limiter, ['conv-a', 'conv-a'], sent);
    await jest.advanceTimersByTimeAsync(1990);
    expect(sent).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(60);
    await next;
    expect(times(sent)[1]).toBeGreaterThanOrEqual(2000);
    expect(times(sent)[1]).toBeLessThanOrEqual(2050);
    expect(times(sent)[2]).toBe(times(sent)[1]); // the pause over, the window is free again
  });

  it('does not let a pause shorten the wait the limits already ask for', async () => {
    const limits: Limit[] = [{ count: 2, windowMs: 1000 }];
    const limiter = new RateLimiter(limits, 100);
    const sent: Sent[] = [];
    await sendAll(limiter, ['a', 'a'], sent);
    limiter.pause('a', 100);
    const next = sendAll(limiter, ['a'], sent);
    await jest.advanceTimersByTimeAsync(5000);
    await next;
    expect(times(sent)[2]).toBeGreaterThanOrEqual(1000);
  });

  it('lets another conversation send at once while one is held back by its limit or a pause', async () => {
    const limiter = new RateLimiter(TEAMS_CONVERSATION_LIMITS, 100);
    const sent: Sent[] = [];
    const busy = sendAll(limiter, repeat('busy', 9), sent);
    limiter.pause('paused', 10_000);
    const paused = sendAll(limiter, ['paused'], sent);
    await jest.advanceTimersByTimeAsync(0);
    await sendAll(limiter, ['other', 'other'], sent);
    expect(sent.filter((s) => s.conversation === 'other').map((s) => s.at)).toEqual([0, 0]);
    expect(sent.filter((s) => s.conversation === 'busy')).toHaveLength(7);
    expect(sent.filter((s) => s.conversation === 'paused')).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(11_000);
    await Promise.all([busy, paused]);
  });
});

describe('RateLimiter, over hours of new conversations', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('keeps windows only for conversations sent to lately, not for every conversation it ever sent to', async () => {
    const limiter = new RateLimiter(TEAMS_CONVERSATION_LIMITS, 50);
    const sent: Sent[] = [];
    // A new person's chat every 200 ms for three minutes, as the notifier tells each new referrer of their booking.
    for (let i = 0; i < 900; i += 1) {
      await sendAll(limiter, [`conv-${i}`], sent);
      await jest.advanceTimersByTimeAsync(200);
      expect(limiter.conversationsHeld).toBeLessThanOrEqual(300); // at most the last two 30 s windows' worth
    }
    expect(sent).toHaveLength(900);
    expect(limiter.conversationsHeld).toBeGreaterThan(0);
  });

  it('still holds back a conversation whose sends are inside its window when the others are forgotten', async () => {
    const limiter = new RateLimiter([{ count: 2, windowMs: 1000 }], 100);
    const sent: Sent[] = [];
    await sendAll(limiter, ['old'], sent);
    await jest.advanceTimersByTimeAsync(1000);
    await sendAll(limiter, ['a', 'a'], sent);
    await jest.advanceTimersByTimeAsync(500);
    await sendAll(limiter, ['b'], sent); // a window has passed since the last clear-out: 'old' goes, 'a' stays
    expect(limiter.conversationsHeld).toBe(2);
    const third = sendAll(limiter, ['a'], sent);
    await jest.advanceTimersByTimeAsync(600);
    await third;
    expect(times(sent, 'a')).toEqual([1000, 1000, 2000]);
  });
});

describe('RateLimiter, on the real clock', () => {
  it('keeps to a short limit in real time', async () => {
    const limiter = new RateLimiter([{ count: 3, windowMs: 200 }], 1000);
    const sent: Sent[] = [];
    const started = Date.now();
    await sendAll(limiter, repeat('conv-a', 9), sent);
    expect(busiest(times(sent), 200)).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
