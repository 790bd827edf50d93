import { InboundLimiter } from '../../../../src/adapters/teams/inbound-limiter';

describe('InboundLimiter', () => {
  it('lets a burst of half a minute\'s allowance through, then refills at the rate', () => {
    let now = 0;
    const limiter = new InboundLimiter({ perUserPerMinute: 60, perTenantPerMinute: 0 }, () => now);
    const burst = Array.from({ length: 40 }, () => limiter.admit('t', 'u'));
    expect(burst.filter((a) => a === 'ok')).toHaveLength(30);
    expect(burst.at(-1)).toBe('user');
    now += 2000; // two seconds at one a second
    expect([limiter.admit('t', 'u'), limiter.admit('t', 'u'), limiter.admit('t', 'u')]).toEqual(['ok', 'ok', 'user']);
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
    expect([limiter.admit('t', 'u'), limiter.admit('t', 'u'), limiter.admit('t', 'u')]).toEqual(['ok', 'ok', 'user']);
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
