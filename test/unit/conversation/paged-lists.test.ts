import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import { renderCard } from '../../../src/adapters/teams/cards/render';
import { seedRosters, setRosterMember } from '../../../src/app/booking/manage-roster';
import { changeAvailability } from '../../../src/app/booking/set-availability';
import type { Actor, AppContext } from '../../../src/app/context';
import type { ConversationContext } from '../../../src/conversation/context';
import { runAction } from '../../../src/conversation/dispatch';
import { PAGE_SIZE } from '../../../src/conversation/views/paging';
import { buildNotification } from '../../support/builders';
import { submitManyEligible } from '../../support/booking';
import { cardText, findAction } from '../../support/bot-client';

/*
 * Each long list through the conversation layer as a person pages it: the card's own "Show more" button, its
 * data sent back as the verb's input, until the last page. Every item once; an action on a page keeps the page.
 */

const personal = { shared: false };
const coordinator: Actor = { id: 'coord-1' };
const referrer = { id: 'user-sw-1', name: 'Synthetic Referrer' };
let clock = new Date('2026-12-01T09:00:00Z');

async function context(): Promise<ConversationContext> {
  let n = 0;
  const app: AppContext = {
    store: createInMemoryStore(), clock: { now: () => clock }, ids: { next: () => `id-${(n += 1)}` }, catalogues: loadCatalogues(),
    meetingUrl: () => 'https://meet.example.org/x',
  };
  await seedRosters(app, 'fass', `${coordinator.id}:coordinator+clinician`);
  return { app, people: { names: async () => (id) => id }, links: { exportUrl: (s: string, r: string, t: string) => `https://bot.example.org/export/${s}/${r}/${t}`, exportTtlMs: 60_000, calendarUrl: () => 'https://x/y.ics' } };
}

/** Runs an action and draws its card, as Teams would show it. */
async function act(cc: ConversationContext, actor: Actor, verb: string, data: Record<string, unknown>) {
  const { view, code } = await runAction(cc, actor, verb, data, personal);
  expect(code).toBeUndefined();
  return renderCard(view);
}

/** Follows the card's own "Show more" button (by title) to the last page; returns what each page listed. */
async function pageThrough(cc: ConversationContext, actor: Actor, first: unknown, more: string, listed: (card: unknown) => string[]) {
  const pages = [listed(first)];
  let card = first;
  for (let guard = 0; guard < 50 && JSON.stringify(card).includes(`"title":"${more}"`); guard += 1) {
    const next = findAction(card, JSON.stringify(card).match(new RegExp(`"title":"${more}","verb":"([a-z._]+)"`))![1]!, more);
    card = await act(cc, actor, next.verb, next.data);
    pages.push(listed(card));
  }
  return { pages, last: card };
}

const matches = (card: unknown, pattern: RegExp) => [...JSON.stringify(card).matchAll(pattern)].map((m) => m[1]!);

describe('long lists, a page at a time, through the conversation layer', () => {
  beforeEach(() => { clock = new Date('2026-12-01T09:00:00Z'); });

  it('my requests: the newest first, every one once', async () => {
    const cc = await context();
    const refs: string[] = [];
    for (let i = 0; i < 23; i += 1) {
      clock = new Date(clock.getTime() + 60_000);
      refs.push(...await submitManyEligible(cc.app, referrer, 1));
    }
    const first = await act(cc, referrer, 'requests.mine', {});
    expect(cardText(first)).toContain(`Showing 1 to ${PAGE_SIZE.myRequests} of 23, the newest first.`);
    const { pages, last } = await pageThrough(cc, referrer, first, 'Show more', (c) => matches(c, /\*\*(FASS-\d{4}-\d{4})\*\*/g));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 3]);
    expect(pages.flat()).toEqual([...refs].reverse());
    expect(JSON.stringify(last)).toContain('"title":"Back to the start"');
  });

  it('the roster: the most recently added first, with counts of each role; removing someone keeps the page', async () => {
    const cc = await context();
    for (let i = 0; i < 30; i += 1) {
      clock = new Date(clock.getTime() + 60_000);
      await setRosterMember(cc.app, coordinator, { service: 'fass', memberId: `clin-${String(i).padStart(2, '0')}`, roles: ['clinician'] });
    }
    const first = await act(cc, coordinator, 'roster.show', { service: 'fass' });
    expect(cardText(first)).toContain('31 people: 31 clinician(s), 1 coordinator(s).');
    const { pages, last } = await pageThrough(cc, coordinator, first, 'Show more', (c) => matches(c, /"memberId":"([^"]+)"/g));
    expect(pages.map((p) => p.length)).toEqual([12, 12, 7]);
    expect(pages.flat()).toEqual([...Array.from({ length: 30 }, (_, i) => `clin-${String(29 - i).padStart(2, '0')}`), coordinator.id]);
    const removed = await act(cc, coordinator, 'roster.remove', findAction(last, 'roster.remove', 'Remove clin-03').data);
    expect(cardText(removed)).toContain('Removed.');
    expect(matches(removed, /"memberId":"([^"]+)"/g)).toEqual(pages[2]!.filter((id) => id !== 'clin-03'));
  });

  it('availability: each list on its own, soonest first; removing a time keeps every list where it was', async () => {
    const cc = await context();
    const clinician = coordinator;
    for (let day = 0; day < 25; day += 1) {
      const date = new Date(Date.UTC(2026, 11, 3 + day)).toISOString().slice(0, 10);
      const { availability } = await changeAvailability(cc.app, clinician, { service: 'fass', version: day, change: { change: 'add_extra', date, start: '10:00', end: '11:00' } });
      expect(availability.extras).toHaveLength(day + 1);
    }
    const first = await act(cc, clinician, 'availability.show', { service: 'fass' });
    expect(cardText(first)).toContain('Showing 1 to 10 of 25');
    const extras = (c: unknown) => matches(c, /"list":"extras","index":(\d+)/g);
    const { pages, last } = await pageThrough(cc, clinician, first, 'Show more one-off times', extras);
    expect(pages.flat().map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const label = JSON.stringify(last).match(/"title":"(Remove [^"]+)","verb":"availability.change","associatedInputs":"none","data":\{[^}]*"list":"extras"/)![1]!;
    const after = await act(cc, clinician, 'availability.change', findAction(last, 'availability.change', label).data);
    expect(cardText(after)).toContain('Saved.');
    expect(cardText(after)).toContain('Showing 21 to 24 of 24');
  });

  it('dead letters: the newest first, counted by why, every one once', async () => {
    const cc = await context();
    for (let i = 0; i < 27; i += 1) {
      clock = new Date(clock.getTime() + 60_000);
      await cc.app.store.outbox.deadLetter('fass', { entryId: `e-${i}`, deliveries: 1, notification: buildNotification({ id: `n-${i}`, reference: `FASS-2026-${String(i).padStart(4, '0')}` }) },
        i % 3 === 0 ? 'throttled' : 'rejected_403', 6, clock);
    }
    const first = await act(cc, coordinator, 'deadletters.show', { service: 'fass' });
    expect(cardText(first)).toContain('27 not delivered: ');
    expect(cardText(first)).toMatch(/9 because the chat service kept asking to slow down/);
    const { pages } = await pageThrough(cc, coordinator, first, 'Show more', (c) => matches(c, /\*\*(FASS-\d{4}-\d{4})\*\*/g));
    expect(pages.map((p) => p.length)).toEqual([12, 12, 3]);
    expect(pages.flat()).toEqual(Array.from({ length: 27 }, (_, i) => `FASS-2026-${String(26 - i).padStart(4, '0')}`));
  });

  it('who follows a case: each list the most recent first, every member once; stopping one keeps the page', async () => {
    const cc = await context();
    const [reference] = await submitManyEligible(cc.app, referrer, 1);
    const request = (await cc.app.store.requests.get('fass', reference!))!;
    const at = (i: number) => new Date(Date.parse('2026-11-01T09:00:00Z') + i * 60_000).toISOString();
    const links = Array.from({ length: 9 }, (_, i) => ({ conversationId: `19:net-${i}@thread.v2`, kind: 'groupChat' as const, by: referrer.id, at: at(i) }));
    const followers = Array.from({ length: 19 }, (_, i) => ({ userId: `follower-${String(i).padStart(2, '0')}`, at: at(i), via: links[i % 9]!.conversationId }));
    await cc.app.store.requests.update({ ...request, links, followers, version: request.version + 1 },
      { at: at(0), actor: referrer.id, action: 'test.network', subject: reference!, result: 'ok' });
    const first = await act(cc, referrer, 'network.members', { service: 'fass', reference });
    expect(cardText(first)).toContain(`Showing 1 to ${PAGE_SIZE.networkFollowers} of 19`);
    const followersOf = (c: unknown) => matches(c, /"text":"(follower-\d{2})"/g);
    const { pages } = await pageThrough(cc, referrer, first, 'Show more people following', followersOf);
    expect(pages.map((p) => p.length)).toEqual([6, 6, 6, 1]);
    expect(pages.flat()).toEqual(followers.map((f) => f.userId).reverse());
    const linkPages = await pageThrough(cc, referrer, first, 'Show more linked conversations', (c) => matches(c, /"conversationId":"(19:net-\d)@thread.v2"/g));
    expect(linkPages.pages.flat()).toEqual(links.map((l) => l.conversationId.replace('@thread.v2', '')).reverse());

    // On the second page of people, stop one: the card comes back on that page, without them, the links' page kept.
    const second = await act(cc, referrer, 'network.members', findAction(first, 'network.members', 'Show more people following').data);
    const stop = findAction(second, 'network.remove_follower');
    const after = await act(cc, referrer, 'network.remove_follower', stop.data);
    expect(cardText(after)).toContain('They no longer follow this case.');
    expect(followersOf(after)).toEqual(pages[1]!.filter((id) => id !== stop.data.userId).concat(pages[2]![0]!));
    expect((await cc.app.store.requests.get('fass', reference!))!.followers).toHaveLength(18);
  });

  it('refuses a cursor that is not a place in a list, and changes nothing', async () => {
    const cc = await context();
    const { code, view } = await runAction(cc, coordinator, 'roster.show', { service: 'fass', after: 'Name "with quotes"' }, personal);
    expect(code).toBe('invalid_input');
    expect(view.kind).toBe('notice');
  });
});
