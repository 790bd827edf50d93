import fc from 'fast-check';
import { loadCatalogues } from '../../src/adapters/catalogue/load-catalogues';
import { createRedisStore } from '../../src/adapters/redis/redis-store';
import { seedRoster } from '../../src/app/booking/manage-roster';
import type { AppContext } from '../../src/app/context';
import { openEpisode } from '../../src/app/episode/open-episode';
import { overlaps } from '../../src/domain/booking/interval';
import { auditEntry } from '../support/builders';
import { completedPpsRequest } from '../support/episodes';
import { startRedis, type PrivateRedis } from '../support/redis-server';

/*
 * The series booking on a real Redis: whatever the therapist already holds, and with another process booking a
 * consultation for them at the same moment, the calendar never ends up with two bookings closer than the buffer.
 */

const THERAPIST = 'aad-pps-therapist';
const BUFFER_MS = 15 * 60_000;
const people = { ownerId: 'aad-sw-1', therapistId: THERAPIST };

let server: PrivateRedis;
beforeAll(async () => { server = await startRedis(); });
afterAll(async () => server.stop());

const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2027, 1, 22) + n * 86_400_000).toISOString().slice(0, 10));
const time = fc.tuple(fc.integer({ min: 7, max: 20 }), fc.constantFrom(0, 10, 30, 50)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const span = fc.tuple(day, time, fc.integer({ min: 20, max: 150 })).map(([d, t, minutes]) => {
  const start = new Date(`${d}T${t}:00Z`);
  return { start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() };
});

describe('a weekly series on Redis (fast-check)', () => {
  it('never claims time that overlaps another booking on Redis, buffer included, with a rival booking racing it', async () => {
    const catalogues = loadCatalogues();
    await fc.assert(fc.asyncProperty(fc.array(span, { maxLength: 25 }), span, day, time, fc.integer({ min: 12, max: 24 }), async (existing, rival, firstDate, at, count) => {
      await server.client().flushall();
      const store = createRedisStore(server.client(), { draftTtlMs: 60_000 });
      const peer = createRedisStore(server.client(), { draftTtlMs: 60_000 });
      try {
        let n = 0;
        const ctx: AppContext = { store, clock: { now: () => new Date('2027-02-21T00:00:00Z') }, ids: { next: () => `x-${(n += 1)}` }, catalogues, meetingUrl: () => '' };
        await seedRoster(ctx, 'pps', `${THERAPIST}:clinician`);
        const claim = (times: { start: string; end: string }[]) => ({ clinicianId: THERAPIST, bufferMs: BUFFER_MS, times });
        for (const [i, s] of existing.entries()) {
          const other = await completedPpsRequest(store, `PPS-2027-${String(100 + i).padStart(4, '0')}`, people);
          await store.requests.update({ ...other, version: other.version + 1 }, auditEntry(), { claim: claim([s]) })
            .catch((e: { code?: string }) => { if (e.code !== 'clinician_busy') throw e; });
        }
        await completedPpsRequest(store, 'PPS-2027-0001', people);
        const rivalRequest = await completedPpsRequest(store, 'PPS-2027-0999', people);
        const [opened, rivalled] = await Promise.allSettled([
          openEpisode(ctx, { id: THERAPIST }, { service: 'pps', reference: 'PPS-2027-0001', intervention: 'cbt', plannedSessions: count, firstDate, time: at }),
          peer.requests.update({ ...rivalRequest, version: rivalRequest.version + 1 }, auditEntry(), { claim: claim([rival]) }),
        ]);
        if (opened.status === 'rejected') expect(['series_unavailable', 'invalid_input', 'clinician_busy']).toContain((opened.reason as { code?: string }).code);
        if (rivalled.status === 'rejected') expect((rivalled.reason as { code?: string }).code).toBe('clinician_busy');
        const busy = await store.availability.busy('pps', THERAPIST, new Date(0));
        if (opened.status === 'fulfilled') expect(busy.filter((b) => b.reference === 'PPS-2027-0001')).toHaveLength(count);
        for (const [i, a] of busy.entries()) {
          for (const b of busy.slice(i + 1)) expect(overlaps(a, b, BUFFER_MS)).toBe(false);
        }
      } finally {
        await Promise.all([store.close(), peer.close()]);
      }
    }), { numRuns: 25 });
  });
});
