import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import type { AppContext } from '../../../src/app/context';
import { JobRunner } from '../../../src/app/booking/job-runner';

/** A context whose store counts the passes made over the job queue (one claim per service per pass). */
function counted() {
  const store = createInMemoryStore();
  let claims = 0;
  const claimDue = store.jobs.claimDue.bind(store.jobs);
  store.jobs.claimDue = (...args) => { claims += 1; return claimDue(...args); };
  const app: AppContext = { store, clock: { now: () => new Date() }, ids: { next: () => 'id' }, catalogues: loadCatalogues(), meetingUrl: () => '' };
  return { app, passes: () => claims / app.catalogues.size };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the job runner nudged by card actions', () => {
  afterEach(() => jest.useRealTimers());

  it('runs a pass at once, and one more after the gap for all the nudges in between', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick'] });
    const { app, passes } = counted();
    const runner = new JobRunner(app, { pollMs: 60_000, leaseMs: 1000, nudgeGapMs: 200 });
    runner.nudge();
    await jest.advanceTimersByTimeAsync(1);
    expect(passes()).toBe(1);
    for (let i = 0; i < 50; i += 1) runner.nudge();
    await jest.advanceTimersByTimeAsync(100);
    expect(passes()).toBe(1);
    await jest.advanceTimersByTimeAsync(150);
    expect(passes()).toBe(2);
    await runner.stop();
  });

  it('runs nothing once stopped', async () => {
    const { app, passes } = counted();
    const runner = new JobRunner(app, { pollMs: 60_000, leaseMs: 1000, nudgeGapMs: 200 });
    await runner.stop();
    runner.nudge();
    await settle();
    expect(passes()).toBe(0);
  });
});
