import type { AppContext } from '../context';
import { runDueJobs, type JobResult } from './run-jobs';
import type { Job } from '../../ports/job-queue';

export interface JobRunnerOptions {
  pollMs: number;
  leaseMs: number;
  limit?: number;
  /** The shortest time between passes that `nudge()` asks for (default 200 ms). */
  nudgeGapMs?: number;
  onResult?: (job: Job, result: JobResult) => void;
  onError?: (e: unknown) => void;
}

/**
 * Polls for due jobs (reminders, escalations), one pass at a time; `kick()` runs a pass at once, `nudge()`
 * soon (what every card action asks for).
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private lastPass = -Infinity;
  private nudged: NodeJS.Timeout | undefined;
  private stopped = false;

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
        this.lastPass = Date.now();
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

  /**
   * A pass soon: at once if none started in the last `nudgeGapMs`, else one pass when that time is up, however
   * many nudges came meanwhile. Under load every turn nudges, and back-to-back passes were a Redis script per
   * service per turn, finding nothing: jobs fall due hours after the action that scheduled them.
   */
  nudge(): void {
    if (this.nudged || this.stopped) return;
    const wait = this.lastPass + (this.options.nudgeGapMs ?? 200) - Date.now();
    if (wait <= 0) {
      void this.kick();
      return;
    }
    this.nudged = setTimeout(() => {
      this.nudged = undefined;
      void this.kick();
    }, wait);
    this.nudged.unref();
  }

  /** Stops polling and waits for the pass in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.nudged);
    this.nudged = undefined;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
