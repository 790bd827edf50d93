import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface NodeProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Spawn to the first answered turn, in ms. */
  coldStartMs: number;
  /** What it has written so far (stdout and stderr, the last 20,000 characters). */
  output(): string;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** A message activity as Teams would post it, for a conversation and a connector (sink) URL. */
export const messageActivity = (serviceUrl: string, conversationId: string, userId: string, text: string, id = `m-${Math.random()}`) => ({
  type: 'message', id, channelId: 'msteams', serviceUrl, text, timestamp: new Date().toISOString(),
  from: { id: `29:${userId}`, aadObjectId: userId, name: 'Bench User' }, recipient: { id: '28:bot', name: 'Consultations' },
  conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-bench' },
});

const peak = (pid: number) => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmHWM:'));
    return Number(/(\d+)/.exec(line ?? '')?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

/**
 * Starts a compiled Node program listening on `port` and measures its cold start: from spawn to the first
 * turn (a message posted to /api/messages) answered 2xx.
 */
export async function startNode(script: string, env: Record<string, string>, port: number, sinkUrl: string, nodeArgs: string[] = []): Promise<NodeProcess> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-20_000); });
  child.stderr?.on('data', (d: Buffer) => { output = (output + d.toString()).slice(-20_000); });
  const url = `http://127.0.0.1:${port}`;
  const body = JSON.stringify(messageActivity(sinkUrl, 'a:cold-start', 'cold-start-user', 'help'));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${output}`);
    const ok = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then((r) => r.status < 300, () => false);
    if (ok) break;
    if (Number(process.hrtime.bigint() - started) / 1e6 > 60_000) throw new Error(`${script} did not answer: ${output}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const coldStartMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    child, port, url, coldStartMs,
    output: () => output,
    peakRssMb: () => peak(child.pid!),
    stop: (signal = 'SIGTERM') => new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      child.once('exit', () => { clearTimeout(timer); resolve(); });
      child.kill(signal);
    }),
  };
}
