import { InboundLimiter } from '../../../../src/adapters/teams/inbound-limiter';

describe('InboundLimiter', () => {
  it('spreads a flood: a small burst at once, then a pace, until half a minute\'s allowance is spent, then the minute\'s rate', () => {
    let now = 0;
    const limiter = new InboundLimiter({ perUserPerMinute: 60, perTenantPerMinute: 0 }, () => now);
    const ok = (n: number, everyMs: number) => Array.from({ length: n }, () => ((now += everyMs), limiter.admit('t', 'u'))).filter((a) => a === 'ok').length;
    // 60 a minute: 15 at once, then 2.5 a second, until 30 (and what a second a second adds) are spent; then 1 a second.
    expect(ok(40, 0)).toBe(15);
    const paced = ok(100, 100); // ten seconds of ten tries a second: the pace (a token's fraction either way)
    expect(paced).toBeGreaterThanOrEqual(24);
    expect(paced).toBeLessThanOrEqual(25);
    expect(ok(600, 100)).toBeGreaterThanOrEqual(59); // the next minute: the allowance spent, one a second
    expect(ok(600, 100)).toBeLessThanOrEqual(61);
  });

  it('remembers a bounded number of callers however many there are', () => {
    const limiter = new InboundLimiter({ perUserPerMinute: 60, perTenantPerMinute: 600 });
    for (let i = 0; i < 25_000; i += 1) limiter.admit(`tenant-${i % 1500}`, `user-${i}`);
    expect(limiter.size()).toEqual({ users: 20_000, tenants: 1_000 });
  });

  it('tells a refused caller why at most once every ten seconds', () => {
    let now = 0;
    const limiter = new InboundLimiter({ perUserPerMinute: 2, perTenantPerMinute: 0 }, () => now);
    limiter.admit('t', 'u');
    expect([limiter.shouldTell('u'), limiter.shouldTell('u')]).toEqual([true, false]);
    now += 10_000;
    expect(limiter.shouldTell('u')).toBe(true);
  });
});

describe('refusing before authentication', () => {
  it('only a caller already over a limit and already told, and it spends nobody\'s allowance', () => {
    let now = 0;
    const limiter = new InboundLimiter({ perUserPerMinute: 4, perTenantPerMinute: 0 }, () => now);
    expect(limiter.refusedAlready('t', 'u')).toBe(false);
    expect([limiter.admit('t', 'u'), limiter.admit('t', 'u')]).toEqual(['ok', 'user']);
    // Over the limit but not yet told: the next turn goes through authentication, to be told there.
    expect(limiter.refusedAlready('t', 'u')).toBe(false);
    expect(limiter.shouldTell('u')).toBe(true);
    expect(limiter.refusedAlready('t', 'u')).toBe(true);
    // Asking spends nothing: once the bucket refills the caller is served again.
    now += 15_000;
    expect(limiter.refusedAlready('t', 'u')).toBe(false);
    expect(limiter.admit('t', 'u')).toBe('ok');
  });
});
