import type { IncomingMessage } from 'node:http';
import { PassThrough } from 'node:stream';
import { bodyReader } from '../../../src/http/read-json-body';

/** A request body arriving bit by bit, with its headers. */
function incoming(headers: Record<string, string>): PassThrough & IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & IncomingMessage;
}

describe('bodyReader', () => {
  it('reads at most maxConcurrent bodies at once and answers 503 beyond that, without reading', async () => {
    const reader = bodyReader({ maxBytes: 1024, maxConcurrent: 2 });
    const slow = [incoming({ 'content-type': 'application/json' }), incoming({ 'content-type': 'application/json' })];
    const pending = slow.map((r) => reader.read(r));
    expect(reader.reading()).toBe(2);
    const third = incoming({ 'content-type': 'application/json' });
    expect(await reader.read(third)).toEqual({ ok: false, status: 503, error: 'busy' });
    slow.forEach((r) => r.end('{"type":"message"}'));
    expect(await Promise.all(pending)).toEqual([{ ok: true, body: { type: 'message' } }, { ok: true, body: { type: 'message' } }]);
    expect(reader.reading()).toBe(0);
  });

  it('stops at maxBytes of a body with no declared length, and keeps nothing of the rest', async () => {
    const reader = bodyReader({ maxBytes: 1024, maxConcurrent: 2 });
    const req = incoming({ 'content-type': 'application/json; charset=utf-8' });
    const result = reader.read(req);
    req.write(Buffer.alloc(1000, 0x20));
    req.write(Buffer.alloc(100, 0x20));
    expect(await result).toEqual({ ok: false, status: 413, error: 'too_large' });
    expect(reader.reading()).toBe(0);
  });

  it('answers 400 to a body that is not JSON, and 415 to another charset', async () => {
    const reader = bodyReader({ maxBytes: 1024, maxConcurrent: 2 });
    const bad = incoming({ 'content-type': 'application/json' });
    const result = reader.read(bad);
    bad.end('{nope');
    expect(await result).toEqual({ ok: false, status: 400, error: 'invalid_json' });
    expect(await reader.read(incoming({ 'content-type': 'application/json; charset=latin1' }))).toEqual({ ok: false, status: 415, error: 'json_only' });
  });
});

describe('compressed bodies', () => {
  it('are inflated at most maxInflating at a time, the others waiting unread, and each stops at maxBytes', async () => {
    const { gzipSync } = await import('node:zlib');
    const reader = bodyReader({ maxBytes: 64 * 1024, maxConcurrent: 10, maxInflating: 1 });
    // About 10 KB on the wire (under the limit), 10 MB once inflated (far over it).
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024, 0x20));
    const reqs = [0, 1, 2].map(() => incoming({ 'content-type': 'application/json', 'content-encoding': 'gzip' }));
    const results = reqs.map((r) => reader.read(r));
    await new Promise((r) => setImmediate(r));
    // Only the first is being read: the others have not touched their streams.
    expect(reqs.map((r) => r.listenerCount('data'))).toEqual([1, 0, 0]);
    reqs.forEach((r) => r.end(bomb));
    expect(await Promise.all(results)).toEqual(Array(3).fill({ ok: false, status: 413, error: 'too_large' }));
    const small = incoming({ 'content-type': 'application/json', 'content-encoding': 'gzip' });
    const ok = reader.read(small);
    small.end(gzipSync('{"type":"message"}'));
    expect(await ok).toEqual({ ok: true, body: { type: 'message' } });
  });
});
