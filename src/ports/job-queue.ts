/**
 * Work that must happen later and survive a restart: a reminder before a consultation, an escalation if
 * nobody accepts. Jobs are written in the same atomic step as the change that causes them; when due they
 * put notifications in the outbox.
 */
export type JobKind = 'reminder' | 'escalation' | 'purge';

export interface Job {
  /** Deterministic, so that scheduling the same job twice keeps one. */
  id: string;
  service: string;
  kind: JobKind;
  reference: string;
  due: string;
  data: Record<string, string>;
}

export interface JobQueue {
  schedule(job: Job): Promise<void>;
  /**
   * Hands out jobs that are due, at most `limit`, each to one caller only: a claimed job is hidden for
   * `leaseMs` and comes back if the claimer dies before completing it.
   */
  claimDue(service: string, now: Date, leaseMs: number, limit: number): Promise<Job[]>;
  /** Removes a job that is done (or that can never succeed). */
  complete(job: Job): Promise<void>;
  /** How many jobs wait, due or not. */
  pending(service: string): Promise<number>;
}
