import type { IncomingMessage } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';

/**
 * What the edge accepts before anyone is authenticated: JSON only, at most `maxBytes` on the wire and at
 * most `maxBytes` once inflated (and a compressed one at most a quarter of that on the wire), and at most
 * `maxConcurrent` bodies being read at once, of which at most
 * `maxInflating` compressed ones (the others wait their turn, unread). Everything the server holds for
 * unauthenticated callers is bounded by maxBytes x maxConcurrent, and compressed bodies by 2 x maxBytes x maxInflating.
 */
export interface BodyLimits {
  maxBytes: number;
  maxConcurrent: number;
  /** Compressed bodies read and inflated at once (the Bot Connector sends none: only a caller of its own would). */
  maxInflating?: number;
}

export type Refusal = { ok: false; status: 400 | 413 | 415 | 503; error: string };
export type BodyResult = { ok: true; body: unknown } | Refusal;

/** Reads one request's body within the limits (JSON only); what the bot's own routes and other surfaces' share. */
export type ReadBody = (req: IncomingMessage) => Promise<BodyResult>;

const refuse = (status: Refusal['status'], error: string): Refusal => ({ ok: false, status, error });

/** `application/json`, with no charset or UTF-8 (what the Bot Connector sends). */
function isJson(contentType: string | undefined): boolean {
  const [type, ...params] = (contentType ?? '').toLowerCase().split(';').map((p) => p.trim());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || ['charset=utf-8', 'charset="utf-8"', 'charset=utf8'].includes(p));
}

type Inflate = (wire: Buffer, maxBytes: number) => Buffer;

/**
 * How a body's encoding is undone, at most `maxBytes` of output. zlib's one-shot functions stop as soon as the
 * output passes maxOutputLength, on this thread: the compressed body is already bounded (it was read whole, at most
 * maxBytes), so nothing is gained by streaming it, and zlib's streams would inflate on the thread pool, where each
 * thread's allocator keeps what it grew to (a burst of bombs left the process tens of MB larger for good).
 */
function decoderFor(encoding: string | undefined): Inflate | null | 'unsupported' {
  const e = (encoding ?? 'identity').toLowerCase().trim();
  if (e === 'identity' || e === '') return null;
  if (e === 'gzip' || e === 'x-gzip') return (wire, max) => gunzipSync(wire, { maxOutputLength: max });
  if (e === 'deflate') return (wire, max) => inflateSync(wire, { maxOutputLength: max });
  return 'unsupported';
}

/**
 * Reads one JSON request body within the limits. The media type and declared length are checked before a
 * byte is read, so a multipart upload or an oversized body costs nothing; a compressed body is read (at most
 * maxBytes) and inflated to at most maxBytes, so a gzip bomb never grows past the limit. Whatever is left of a
 * refused body is discarded as it arrives, never buffered.
 */
export function bodyReader(limits: BodyLimits): { read(req: IncomingMessage): Promise<BodyResult>; reading(): number } {
  let reading = 0;
  const inflating = semaphore(limits.maxInflating ?? 2);
  const read = async (req: IncomingMessage): Promise<BodyResult> => {
    if (!isJson(req.headers['content-type'])) return refuse(415, 'json_only');
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) return refuse(413, 'too_large');
    const decode = decoderFor(req.headers['content-encoding']);
    if (decode === 'unsupported') return refuse(415, 'unsupported_encoding');
    if (reading >= limits.maxConcurrent) return refuse(503, 'busy');
    reading += 1;
    // A compressed body is not read until it may be inflated: until then it waits in the kernel's buffers, not ours.
    if (decode) await inflating.acquire();
    try {
      const wire = await collect(req, decode ? compressedMax(limits.maxBytes) : limits.maxBytes);
      if (!Buffer.isBuffer(wire)) return wire;
      let text: string;
      try {
        text = (decode ? decode(wire, limits.maxBytes) : wire).toString('utf8');
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? refuse(413, 'too_large') : refuse(400, 'bad_encoding');
      }
      try {
        return { ok: true, body: JSON.parse(text) as unknown };
      } catch {
        return refuse(400, 'invalid_json');
      }
    } finally {
      if (decode) inflating.release();
      reading -= 1;
    }
  };
  return { read, reading: () => reading };
}

/**
 * JSON shrinks to a fifth or less when compressed, so a compressed body over a quarter of the limit could only
 * inflate past it: it is refused on the wire, before being kept whole or inflated at all.
 */
const compressedMax = (maxBytes: number) => Math.floor(maxBytes / 4);

/** At most `slots` holders at once; the others wait, first come first served. */
function semaphore(slots: number): { acquire(): Promise<void>; release(): void } {
  let held = 0;
  const waiting: (() => void)[] = [];
  return {
    async acquire() {
      if (held < slots) {
        held += 1;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else held -= 1;
    },
  };
}

/** The body's bytes as sent, or why not; on a refusal the rest of the request is drained without being kept. */
function collect(req: IncomingMessage, maxBytes: number): Promise<Buffer | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let wire = 0;
    let settled = false;
    const finish = (result: Buffer | Refusal) => {
      if (settled) return;
      settled = true;
      if (!Buffer.isBuffer(result)) {
        chunks.length = 0;
        req.resume(); // drain: the client may still be sending; nothing more is kept
      }
      resolve(result);
    };
    req.on('data', (chunk: Buffer) => {
      if (settled) return;
      wire += chunk.length;
      if (wire > maxBytes) finish(refuse(413, 'too_large'));
      else chunks.push(chunk);
    });
    req.on('error', () => finish(refuse(400, 'aborted')));
    req.on('aborted', () => finish(refuse(400, 'aborted')));
    req.on('end', () => finish(Buffer.concat(chunks)));
  });
}
