import type { AppContext } from '../context';
import { runDueJobs, type JobResult } from './run-jobs';
import type { Job } from '../../ports/job-queue';

export interface JobRunnerOptions {
  pollMs: number;
  leaseMs: number;
  limit?: number;
  onResult?: (job: Job, result: JobResult) => void;
  onError?: (e: unknown) => void;
}

/** Polls for due jobs (reminders, escalations), one pass at a time; `kick()` runs a pass at once. */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;

  constructor(private readonly ctx: AppContext, private readonly options: JobRunnerOptions) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.options.pollMs);
    this.timer.unref();
  }

  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          const done = await runDueJobs(this.ctx, { leaseMs: this.options.leaseMs, limit: this.options.limit ?? 50 });
          for (const { job, result } of done) this.options.onResult?.(job, result);
          if (done.length === (this.options.limit ?? 50)) this.again = true;
        } catch (e) {
          this.options.onError?.(e);
        }
      } while (this.again && this.timer !== undefined);
    })().finally(() => { this.running = undefined; });
    return this.running;
  }

  /** Stops polling and waits for the pass in progress. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
