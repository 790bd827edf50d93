import { loadCatalogues } from '../../src/adapters/catalogue/load-catalogues';
import { createInMemoryStore } from '../../src/adapters/memory/in-memory-store';
import type { AppContext } from '../../src/app/context';
import { seedDemoData } from '../../src/demo-data';

/** `npm start` seeds demo data for every service in force: it must go through each service's own journey and rules. */
describe('demo data', () => {
  const catalogues = loadCatalogues();
  it.each([...catalogues.keys()])('seeds %s with one request that fits and one that does not, through the real use cases', async (service) => {
    let n = 0;
    const app: AppContext = { store: createInMemoryStore(), clock: { now: () => new Date('2026-12-01T10:00:00Z') }, ids: { next: () => `id-${(n += 1)}` }, catalogues, meetingUrl: () => '' };
    const refs = await seedDemoData(app, 'demo-social-worker', service);
    const requests = await Promise.all(refs.map((r) => app.store.requests.get(service, r)));
    expect(requests.map((r) => r!.screening.outcome)).toEqual(['eligible', expect.not.stringMatching(/^eligible$/)]);
    expect(await app.store.roster.list(service)).toHaveLength(2);
  });

  it('seeds every service into one store, as npm start does, without booking the demo clinician twice at once', async () => {
    let n = 0;
    const app: AppContext = { store: createInMemoryStore(), clock: { now: () => new Date() }, ids: { next: () => `id-${(n += 1)}` }, catalogues, meetingUrl: () => '' };
    for (const service of catalogues.keys()) await seedDemoData(app, 'demo-social-worker', service);
    const diary = (await Promise.all([...catalogues.keys()].map((s) => app.store.availability.busy(s, 'demo-clinician', new Date(0)))))
      .flat().sort((a, b) => a.start - b.start);
    expect(diary.length).toBeGreaterThan(catalogues.size);
    const clashes = diary.filter((b, i) => i > 0 && b.start < diary[i - 1]!.end);
    expect(clashes).toEqual([]);
    // Every time still waiting for a clinician is one the demo clinician can take (the workspace test accepts one).
    const waiting = (await Promise.all([...catalogues.keys()].map((s) => app.store.requests.listByStatus(s, 'offered', { limit: 100 })))).flat();
    expect(waiting.length).toBeGreaterThan(0);
    const hour = 3_600_000;
    const blocked = waiting.flatMap((r) => r.offer!.preferences.filter((p) => diary.some((b) => b.start < Date.parse(p) + hour + 15 * 60_000 && Date.parse(p) < b.end + 15 * 60_000)));
    expect(blocked).toEqual([]);
  });
});
