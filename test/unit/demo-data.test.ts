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
});
