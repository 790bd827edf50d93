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
 * whole journey, say); every response time is kept so that percentiles are exact.
 */
export async function drive(url: string, connections: number, durationS: number, requests: autocannon.Request[]): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: `${url}/api/messages`, method: 'POST', connections, duration: durationS, requests, headers: { 'content-type': 'application/json' } },
      (err, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  return { rps: result.requests.total / durationS, latencies, requests: result.requests.total, non2xx: result.non2xx, errors: result.errors };
}
