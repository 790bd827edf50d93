import type Redis from 'ioredis';

/**
 * Everything stored except the audit trail, once-markers and the directory of where people can be reached
 * (written whenever anyone talks to the bot, not a change to any case), as in test/integration/guards-http.
 * `own` drops what belongs to the drill's own actor (their draft, if they started one), which is theirs to change.
 */
export async function snapshot(c: Redis, own: (key: string, value: unknown) => boolean = () => false): Promise<Map<string, string>> {
  const keys = (await c.keys('cb:*')).filter((k) => !k.endsWith(':audit') && !k.startsWith('cb:directory') && !k.startsWith('cb:once:')).sort();
  const read = async (k: string): Promise<unknown> => {
    const type = await c.type(k);
    if (type === 'hash') return c.hgetall(k);
    if (type === 'zset') return c.zrange(k, '0', '-1', 'WITHSCORES');
    if (type === 'set') return (await c.smembers(k)).sort();
    if (type === 'list') return c.lrange(k, 0, -1);
    if (type === 'stream') return (await c.xrange(k, '-', '+')).map(([, fields]) => fields);
    return c.get(k);
  };
  const out = new Map<string, string>();
  for (const k of keys) {
    const value = await read(k);
    if (!own(k, value)) out.set(k, JSON.stringify(value));
  }
  return out;
}

/** Keys added, removed or changed between two snapshots. */
export function changedKeys(before: Map<string, string>, after: Map<string, string>): string[] {
  const all = new Set([...before.keys(), ...after.keys()]);
  return [...all].filter((k) => before.get(k) !== after.get(k)).sort();
}

/** A predicate for `snapshot`: the drafts (and active-draft pointer) of one actor. */
export function draftsOf(actorId: string): (key: string, value: unknown) => boolean {
  return (key, value) => {
    if (key.endsWith(`:draft-active:${actorId}`)) return true;
    // A draft is a hash of its version and its document (JSON).
    const doc = (value as { doc?: unknown } | null)?.doc;
    if (!/:draft:[^:]+$/.test(key) || typeof doc !== 'string') return false;
    try {
      return (JSON.parse(doc) as { ownerId?: unknown }).ownerId === actorId;
    } catch {
      return false;
    }
  };
}
