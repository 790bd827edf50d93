import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  latencies: number[];
  requests: number;
  non2xx: number;
  errors: number;
}

/**
 * Drives a bot with autocannon for `durationS`: `requests` is the sequence each connection repeats (a
 * whole journey, say); every response time is kept so that percentiles are exact. With `amount`, it runs
 * until that many requests have been answered instead, and `durationS` is only the longest it may take.
 */
export async function drive(url: string, connections: number, durationS: number, requests: autocannon.Request[], amount?: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const started = Date.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: `${url}/api/messages`, method: 'POST', connections, requests, headers: { 'content-type': 'application/json' },
      ...(amount ? { amount } : { duration: durationS }),
    }, (err, res) => {
      clearTimeout(cap);
      if (err) reject(err);
      else resolve(res);
    });
    const cap = amount ? setTimeout(() => instance.stop(), durationS * 1000) : undefined;
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = amount ? (Date.now() - started) / 1000 : durationS;
  return { rps: result.requests.total / seconds, latencies, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors };
}
