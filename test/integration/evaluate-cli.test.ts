import { spawn } from 'node:child_process';
import { loadCatalogues } from '../../src/adapters/catalogue/load-catalogues';
import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { seedRoster } from '../../src/app/booking/manage-roster';
import type { AppContext } from '../../src/app/context';
import { closeEpisode } from '../../src/app/episode/close-episode';
import { openEpisode } from '../../src/app/episode/open-episode';
import { recordAttendance } from '../../src/app/episode/record-attendance';
import { recordMeasure } from '../../src/app/episode/record-measure';
import type { Store } from '../../src/ports/store';
import { completedPpsRequest } from '../support/episodes';
import { startRedis, type PrivateRedis } from '../support/redis-server';

/**
 * `npm run --silent evaluate` over the bot's own Redis, with episodes made by the same use cases the cards run:
 * it must count them as the evaluation's definitions say, and print nothing about any one family.
 */
const THERAPIST = 'aad-pps-therapist';
const people = { ownerId: 'aad-sw-1', therapistId: THERAPIST };

function evaluateCli(args: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'evaluate', '--', ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

let server: PrivateRedis;
let store: Store;
beforeAll(async () => {
  server = await startRedis();
  store = createRedisStore(server.client(), { draftTtlMs: 60_000 });
  let now = new Date('2027-02-21T09:00:00Z');
  let n = 0;
  const app: AppContext = { store, clock: { now: () => now }, ids: { next: () => `id-${(n += 1)}` }, catalogues: loadCatalogues(), meetingUrl: () => '' };
  await seedRoster(app, 'pps', `${THERAPIST}:clinician`);
  const therapist = { id: THERAPIST };
  const phq9 = (items: number[], point: 'start' | 'end', reference: string) =>
    recordMeasure(app, therapist, { service: 'pps', reference, instrument: 'phq9', point, items });
  // One course finished, reliably recovered on PHQ-9 (15 to 4); one still under way; one closed after a single session.
  for (const [reference, time] of [['PPS-2027-0001', '10:00'], ['PPS-2027-0002', '12:00'], ['PPS-2027-0003', '14:00']] as const) {
    await completedPpsRequest(store, reference, people);
    await openEpisode(app, therapist, { service: 'pps', reference, intervention: 'cbt', plannedSessions: 12, firstDate: '2027-03-02', time });
  }
  now = new Date('2027-06-01T09:00:00Z');
  for (const s of ['s1', 's2', 's3']) await recordAttendance(app, therapist, { service: 'pps', reference: 'PPS-2027-0001', sessionId: s, outcome: 'attended' });
  await recordAttendance(app, therapist, { service: 'pps', reference: 'PPS-2027-0001', sessionId: 's4', outcome: 'did_not_attend' });
  await phq9([3, 3, 3, 2, 2, 1, 1, 0, 0], 'start', 'PPS-2027-0001');
  await phq9([1, 1, 1, 1, 0, 0, 0, 0, 0], 'end', 'PPS-2027-0001');
  await recordMeasure(app, therapist, { service: 'pps', reference: 'PPS-2027-0001', instrument: 'gad7', point: 'end', items: [0, 0, 0, 0, 0, 0, 0] });
  await closeEpisode(app, therapist, { service: 'pps', reference: 'PPS-2027-0001', reason: 'completed', familyEndNotHeld: 'Synthetic reason' });
  await recordAttendance(app, therapist, { service: 'pps', reference: 'PPS-2027-0002', sessionId: 's1', outcome: 'attended' });
  await recordAttendance(app, therapist, { service: 'pps', reference: 'PPS-2027-0003', sessionId: 's1', outcome: 'attended' });
  await closeEpisode(app, therapist, { service: 'pps', reference: 'PPS-2027-0003', reason: 'disengaged', endMeasuresNotTaken: 'Synthetic reason', familyEndNotHeld: 'Synthetic reason' });
});
afterAll(async () => {
  await store.close();
  await server.stop();
});

describe('npm run evaluate', () => {
  it('counts episodes, sessions and paired outcomes from the bot\'s Redis, and names no family', async () => {
    const run = await evaluateCli(['--from', '2027-01-01', '--to', '2028-01-01'], { REDIS_URL: server.url });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const evaluation = JSON.parse(run.stdout) as { services: { service: string; episodes: unknown; sessions: unknown; outcomes: { phq9: unknown } }[] };
    const pps = evaluation.services.find((s) => s.service === 'pps')!;
    expect(pps.episodes).toEqual({ opened: 3, closed: 2, active: 3 });
    expect(pps.sessions).toEqual({ attended: 5, plannedSoFar: 6, planned: 36, attendance: { count: 5, of: 6, share: 0.8333 } });
    // Only the course with at least two sessions attended and a before and after counts: 15 to 4, at caseness before.
    expect(pps.outcomes.phq9).toEqual({
      pairedCases: 1, atCasenessBefore: 1,
      reliableImprovement: { count: 1, of: 1, share: 1 }, reliableDeterioration: { count: 0, of: 1, share: 0 },
      recovered: { count: 1, of: 1, share: 1 }, reliableRecovery: { count: 1, of: 1, share: 1 },
    });
    expect(evaluation.services.map((s) => s.service)).toEqual(['fass', 'pps']);
    expect(run.stdout).not.toMatch(/PPS-2027|Synthetic|aad-/);
  }, 30_000);

  it('refuses a period that does not make sense, and a store it cannot read, naming what to fix', async () => {
    expect(await evaluateCli(['--from', '2027-06-01', '--to', '2027-01-01'], { REDIS_URL: server.url })).toMatchObject({ status: 2, stdout: '', stderr: '--to: the period must end after it starts\n' });
    expect(await evaluateCli(['--from', '2027-06-01'], { REDIS_URL: server.url })).toMatchObject({ status: 2, stderr: expect.stringContaining('usage: npm run --silent evaluate') });
    const noStore = await evaluateCli(['--from', '2027-01-01', '--to', '2028-01-01'], { REDIS_URL: '' });
    expect(noStore).toMatchObject({ status: 2, stderr: expect.stringContaining('set REDIS_URL') });
  }, 60_000);
});
