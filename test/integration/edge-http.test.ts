import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cardText } from '../support/bot-client';
import { useBotOnRedis } from '../support/bot-harness';

const env = useBotOnRedis();

/** A "help" message as Teams would post it. */
const activity = (user: string) => ({
  type: 'message', id: `edge-${user}`, text: 'help', channelId: 'msteams', serviceUrl: env.h.connector.url, timestamp: new Date().toISOString(),
  from: { id: `29:${user}`, aadObjectId: user, name: 'Synthetic Edge' }, recipient: { id: '28:bot', name: 'Consultations' },
  conversation: { id: `a:personal-${user}`, conversationType: 'personal', tenantId: 'tenant-synthetic' },
});

/** Posts raw bytes with the given headers; resolves with the status and body (the server may close the connection after answering). */
function postRaw(headers: Record<string, string>, body: Buffer): Promise<{ status: number; body: string }> {
  const url = new URL(`${env.h.bot.url}/api/messages`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...headers, 'content-length': String(body.length) } }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Everything the bot keeps in Redis: a refused request must leave it as it was. */
const keysNow = async () => (await env.redis.client().keys('*')).sort();

describe('the HTTP edge before authentication', () => {
  it('refuses a gzip bomb (250 KB that inflates to 250 MB) with 413, inflating no more than the limit', async () => {
    const bomb = gzipSync(Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.alloc(250 * 1024 * 1024, 0x20), Buffer.from('"}')]), { level: 9 });
    expect(bomb.length).toBeLessThan(256 * 1024);
    const before = await keysNow();
    const calls = env.h.calls.length;
    const res = await postRaw({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, bomb);
    expect(res).toEqual({ status: 413, body: JSON.stringify({ error: 'too_large' }) });
    expect(env.h.calls).toHaveLength(calls);
    expect(await keysNow()).toEqual(before);
  });

  it('takes a small gzipped activity, inflated within the limit', async () => {
    const calls = env.h.calls.length;
    const res = await postRaw({ 'content-type': 'application/json', 'content-encoding': 'gzip' }, gzipSync(JSON.stringify(activity('aad-edge-gzip'))));
    expect(res.status).toBe(200);
    expect(cardText(env.h.calls.slice(calls).map((c) => c.body))).toContain('Specialist consultation requests');
  });

  it('refuses multipart/form-data with 415 before reading it: nothing is written to the temporary folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-edge-tmp-'));
    const saved = process.env.TMPDIR;
    // The bot runs in this process: whatever would write uploads to the temporary folder writes them here.
    process.env.TMPDIR = dir;
    try {
      const boundary = 'synthetic-boundary';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="upload"; filename="synthetic.bin"\r\ncontent-type: application/octet-stream\r\n\r\n`),
        Buffer.alloc(200 * 1024, 0x41),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const before = await keysNow();
      const res = await postRaw({ 'content-type': `multipart/form-data; boundary=${boundary}` }, body);
      expect(res).toEqual({ status: 415, body: JSON.stringify({ error: 'json_only' }) });
      expect(readdirSync(dir)).toEqual([]);
      expect(await keysNow()).toEqual(before);
    } finally {
      process.env.TMPDIR = saved;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['text/plain', {}],
    ['application/x-www-form-urlencoded', {}],
    ['application/json', { 'content-encoding': 'br' }],
  ])('refuses %s %j with 415, and the bot never sees it', async (type, extra) => {
    const calls = env.h.calls.length;
    const res = await postRaw({ 'content-type': type, ...extra }, Buffer.from(JSON.stringify(activity('aad-edge-type'))));
    expect(res.status).toBe(415);
    expect(env.h.calls).toHaveLength(calls);
  });

  it('refuses a body whose declared length is over the limit with 413 without reading it', async () => {
    const res = await postRaw({ 'content-type': 'application/json' }, Buffer.alloc(300 * 1024, 0x20));
    expect(res.status).toBe(413);
  });
});
