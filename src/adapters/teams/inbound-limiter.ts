import { LRUCache } from 'lru-cache';

/**
 * Sustained turns a minute for one person and for one tenant; 0 switches that limit off. Half a minute's worth may
 * come in a burst, but no faster than a twenty-fourth of a minute's worth a second (5 a second for 120 a minute) beyond
 * six seconds of that (30 at once: a clinician opening a channel whose cards all refresh themselves): a flood's first
 * turns are spread out, not all let through in the same instant.
 */
export interface InboundLimits {
  perUserPerMinute: number;
  perTenantPerMinute: number;
}

/** Two token buckets: the minute's allowance (`long`) and the pace within it (`short`). */
interface Bucket {
  long: number;
  short: number;
  at: number;
  /** When this caller was last told to slow down (so a flood gets the card once, not once per turn). */
  toldAt: number;
}

export type Admission = 'ok' | 'user' | 'tenant';

/** At most this many people and tenants are remembered: memory stays bounded whatever the number of callers. */
const MAX_USERS = 20_000;
const MAX_TENANTS = 1_000;
/** How often a refused caller is shown the "slow down" card. */
const TELL_EVERY_MS = 10_000;

/** The two buckets' sizes and refill rates (per ms) for a limit of `perMinute`. */
function shape(perMinute: number) {
  const longRate = perMinute / 60_000;
  const shortRate = perMinute / 24_000;
  return { longRate, longCap: Math.max(1, perMinute / 2), shortRate, shortCap: Math.max(1, shortRate * 6_000) };
}

/** The bucket as it stands at `t` (refilled), without changing it. */
function refilled(b: Bucket, t: number, perMinute: number): { long: number; short: number } {
  const s = shape(perMinute);
  const elapsed = Math.max(0, t - b.at);
  return { long: Math.min(s.longCap, b.long + elapsed * s.longRate), short: Math.min(s.shortCap, b.short + elapsed * s.shortRate) };
}

/**
 * Token buckets per person and per tenant, checked after authentication so that nobody can spend someone
 * else's allowance. The least recently seen are forgotten first (lru-cache); a forgotten bucket starts full
 * again, which costs at most one burst, and the tenant's own bucket still applies.
 */
export class InboundLimiter {
  private readonly users = new LRUCache<string, Bucket>({ max: MAX_USERS });
  private readonly tenants = new LRUCache<string, Bucket>({ max: MAX_TENANTS });

  constructor(private readonly limits: InboundLimits, private readonly now: () => number = Date.now) {}

  /** Refills the caller's bucket; spends a turn from it if `spend` and it has one. Returns the bucket when it has none. */
  private take(cache: LRUCache<string, Bucket>, key: string, perMinute: number, spend: boolean): Bucket | null {
    if (perMinute <= 0) return null;
    const t = this.now();
    const s = shape(perMinute);
    const b = cache.get(key) ?? { long: s.longCap, short: s.shortCap, at: t, toldAt: Number.NEGATIVE_INFINITY };
    Object.assign(b, refilled(b, t, perMinute), { at: t });
    cache.set(key, b);
    if (b.long < 1 || b.short < 1) return b;
    if (spend) {
      b.long -= 1;
      b.short -= 1;
    }
    return null;
  }

  /** Whether this person in this tenant may have a turn now; a refusal spends nothing. */
  admit(tenant: string, user: string): Admission {
    if (this.take(this.users, user, this.limits.perUserPerMinute, false)) return 'user';
    if (this.take(this.tenants, tenant, this.limits.perTenantPerMinute, true)) return 'tenant';
    this.take(this.users, user, this.limits.perUserPerMinute, true);
    return 'ok';
  }

  /**
   * Whether a caller is over their limit and has been told so recently: then a turn of theirs can be refused before
   * authentication, cheaply. Spends nothing and tells nobody, so a post claiming to be someone else cannot use up their
   * allowance: only authenticated turns spend it (admit).
   */
  refusedAlready(tenant: string, user: string): boolean {
    const t = this.now();
    const over = (cache: LRUCache<string, Bucket>, key: string, perMinute: number) => {
      const b = perMinute > 0 ? cache.peek(key) : undefined;
      if (!b) return false;
      const now = refilled(b, t, perMinute);
      return now.long < 1 || now.short < 1;
    };
    const told = this.users.peek(user);
    if (!told || t - told.toldAt >= TELL_EVERY_MS) return false;
    return over(this.users, user, this.limits.perUserPerMinute) || over(this.tenants, tenant, this.limits.perTenantPerMinute);
  }

  /** True once in a while for a refused caller: when they should be shown why. */
  shouldTell(user: string): boolean {
    const b = this.users.get(user);
    const t = this.now();
    if (!b) return true;
    if (t - b.toldAt < TELL_EVERY_MS) return false;
    b.toldAt = t;
    return true;
  }

  /** How many callers are remembered (for tests and drills: it never passes the bounds). */
  size(): { users: number; tenants: number } {
    return { users: this.users.size, tenants: this.tenants.size };
  }
}
