import { spawn, type ChildProcess } from 'node:child_process';

/**
 * Starts a compiled Node program on 127.0.0.1:`port` and waits for GET /healthz to answer 200. For a bot that
 * checks tokens, where ./processes.ts's first-turn probe (unsigned) would only ever be refused.
 */
export async function startHealthy(script: string, env: Record<string, string>, port: number, nodeArgs: string[] = []): Promise<{ child: ChildProcess; url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, [...nodeArgs, script], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (d: Buffer) => { output = (output + d.toString()).slice(-4000); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => { clearTimeout(timer); resolve(); });
    child.kill('SIGTERM');
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited: ${output}`);
    if (await fetch(`${url}/healthz`).then((r) => r.ok, () => false)) return { child, url, stop };
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`${script} did not become healthy: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}
