import type Redis from 'ioredis';

/** A key's kind: its name with the ids taken out (references, people, drafts, markers). */
export const keyKind = (key: string) => key
  .replace(/[A-Z]+-\d{4}-\d+/g, '<ref>')
  .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>')
  .replace(/aad-bench-(clinician-)?[\d-]+/g, '<person>')
  .replace(/^(cb:once:[a-z-]+:).*$/, '$1<...>');

/** A directory field's kind: `name:`, `mri:`, `user:`, `conv:`, `triage:` or a card id. */
const fieldKind = (field: string) => /^[a-z-]+:/.exec(field)?.[0] ?? keyKind(field).replace(/:[^:]*$/, ':…');

/**
 * Where Redis's memory goes: bytes (MEMORY USAGE, every element counted) and count by kind of key, the
 * largest first; the directory hash (one key for everyone) is broken down by kind of field, counting
 * each field's name and value.
 */
export async function redisKeyUsage(c: Redis): Promise<Record<string, { keys: number; bytes: number }>> {
  const byKind = new Map<string, { keys: number; bytes: number }>();
  const add = (kind: string, bytes: number) => {
    const k = byKind.get(kind) ?? { keys: 0, bytes: 0 };
    byKind.set(kind, { keys: k.keys + 1, bytes: k.bytes + bytes });
  };
  let cursor = '0';
  do {
    const [nextCursor, names] = await c.scan(cursor, 'MATCH', 'cb:*', 'COUNT', 1000);
    cursor = nextCursor;
    const pipeline = c.pipeline();
    for (const name of names) pipeline.memory('USAGE', name, 'SAMPLES', 0);
    const sizes = (await pipeline.exec()) ?? [];
    names.forEach((name, i) => add(keyKind(name), Number(sizes[i]?.[1] ?? 0)));
  } while (cursor !== '0');
  const fields = new Map<string, { keys: number; bytes: number }>();
  const stream = c.hscanStream('cb:directory', { count: 1000 });
  for await (const chunk of stream as AsyncIterable<string[]>) {
    for (let i = 0; i < chunk.length; i += 2) {
      const kind = `cb:directory ${fieldKind(chunk[i]!)}`;
      const f = fields.get(kind) ?? { keys: 0, bytes: 0 };
      fields.set(kind, { keys: f.keys + 1, bytes: f.bytes + Buffer.byteLength(chunk[i]!) + Buffer.byteLength(chunk[i + 1] ?? '') });
    }
  }
  return Object.fromEntries([...byKind, ...fields].sort((a, b) => b[1].bytes - a[1].bytes));
}
