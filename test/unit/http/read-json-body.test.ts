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
