import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { recordLog } from '../../support/transcript';

/** The bot as its own process (`src/main.ts` under tsx), so that a test can kill and restart it like a real deployment. */
export class BotProcess {
  private child?: ChildProcess;
  /** Everything the bot wrote to stdout and stderr across restarts: its logs. */
  output = '';

  /** `entry` is the program to run: the bot (default) or `src/notifier.ts`, which has no HTTP port to wait for. */
  constructor(private readonly env: Record<string, string>, readonly port: number, private readonly entry = 'src/main.ts') {}

  get endpoint() {
    return `http://127.0.0.1:${this.port}/api/messages`;
  }

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../../..', this.entry)], {
      env: { ...process.env, ...this.env, PORT: String(this.port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (d: Buffer) => {
      this.output += d.toString();
      d.toString().split('\n').filter(Boolean).forEach(recordLog);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const since = this.output.length;
    for (const deadline = Date.now() + 30_000; ;) {
      if (child.exitCode !== null) throw new Error(`bot exited: ${this.output}`);
      const up = this.entry === 'src/main.ts'
        ? await fetch(`http://127.0.0.1:${this.port}/healthz`).then((r) => r.ok, () => false)
        : this.output.slice(since).includes('"evt":"notifier_started"');
      if (up) return;
      if (Date.now() > deadline) throw new Error(`bot did not start: ${this.output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Ends the process with a signal: SIGKILL is a crash, SIGTERM a graceful stop. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => { child.once('exit', () => done()); child.kill(signal); });
  }
}
