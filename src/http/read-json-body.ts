import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate, type Gunzip, type Inflate } from 'node:zlib';

/**
 * What the edge accepts before anyone is authenticated: JSON only, at most `maxBytes` on the wire and at
 * most `maxBytes` once inflated, and at most `maxConcurrent` bodies being read at once. Everything the
 * server holds for unauthenticated callers is bounded by maxBytes x maxConcurrent.
 */
export interface BodyLimits {
  maxBytes: number;
  maxConcurrent: number;
}

export type Refusal = { ok: false; status: 400 | 413 | 415 | 503; error: string };
export type BodyResult = { ok: true; body: unknown } | Refusal;

const refuse = (status: Refusal['status'], error: string): Refusal => ({ ok: false, status, error });

/** `application/json`, with no charset or UTF-8 (what the Bot Connector sends). */
function isJson(contentType: string | undefined): boolean {
  const [type, ...params] = (contentType ?? '').toLowerCase().split(';').map((p) => p.trim());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || ['charset=utf-8', 'charset="utf-8"', 'charset=utf8'].includes(p));
}

function inflaterFor(encoding: string | undefined): Gunzip | Inflate | null | 'unsupported' {
  const e = (encoding ?? 'identity').toLowerCase().trim();
  if (e === 'identity' || e === '') return null;
  if (e === 'gzip' || e === 'x-gzip') return createGunzip();
  if (e === 'deflate') return createInflate();
  return 'unsupported';
}

/**
 * Reads one JSON request body within the limits. The media type and declared length are checked before a
 * byte is read, so a multipart upload or an oversized body costs nothing; compressed bodies are inflated as a
 * stream and abandoned the moment they pass the limit, so a gzip bomb never grows past `maxBytes`. Whatever
 * is left of a refused body is discarded as it arrives, never buffered.
 */
export function bodyReader(limits: BodyLimits): { read(req: IncomingMessage): Promise<BodyResult>; reading(): number } {
  let reading = 0;
  const read = async (req: IncomingMessage): Promise<BodyResult> => {
    if (!isJson(req.headers['content-type'])) return refuse(415, 'json_only');
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) return refuse(413, 'too_large');
    const inflater = inflaterFor(req.headers['content-encoding']);
    if (inflater === 'unsupported') return refuse(415, 'unsupported_encoding');
    if (reading >= limits.maxConcurrent) {
      inflater?.destroy();
      return refuse(503, 'busy');
    }
    reading += 1;
    try {
      const raw = await collect(req, inflater, limits.maxBytes);
      if (!raw.ok) return raw;
      try {
        return { ok: true, body: JSON.parse(raw.text) as unknown };
      } catch {
        return refuse(400, 'invalid_json');
      }
    } finally {
      reading -= 1;
    }
  };
  return { read, reading: () => reading };
}

/** The body as text, or why not; on a refusal the rest of the request is drained without being kept. */
function collect(req: IncomingMessage, inflater: Gunzip | Inflate | null, maxBytes: number): Promise<{ ok: true; text: string } | Refusal> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let wire = 0;
    let kept = 0;
    let settled = false;
    const finish = (result: { ok: true; text: string } | Refusal) => {
      if (settled) return;
      settled = true;
      if (!result.ok) {
        req.unpipe();
        inflater?.destroy();
        chunks.length = 0;
        req.resume(); // drain: the client may still be sending; nothing more is kept
      }
      resolve(result);
    };
    const keep = (chunk: Buffer) => {
      kept += chunk.length;
      if (kept > maxBytes) return finish(refuse(413, 'too_large'));
      chunks.push(chunk);
    };
    req.on('data', (chunk: Buffer) => {
      wire += chunk.length;
      if (wire > maxBytes) finish(refuse(413, 'too_large'));
      else if (!inflater) keep(chunk);
    });
    req.on('error', () => finish(refuse(400, 'aborted')));
    req.on('aborted', () => finish(refuse(400, 'aborted')));
    const done = () => finish({ ok: true, text: Buffer.concat(chunks).toString('utf8') });
    if (inflater) {
      inflater.on('data', (chunk: Buffer) => { if (!settled) keep(chunk); });
      inflater.on('error', () => finish(refuse(400, 'bad_encoding')));
      inflater.on('end', done);
      req.pipe(inflater);
    } else {
      req.on('end', done);
    }
  });
}
