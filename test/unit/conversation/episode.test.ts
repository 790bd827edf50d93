/**
 * Care after the consultation through the conversation layer alone (no chat platform): a PPS episode opened,
 * its weekly series booked in the therapist's calendar, attendance, a PHQ-9 that alerts, meetings, GP liaison
 * and closure, with what each party is told. The network must only ever learn "under way" and "ended".
 */
jest.mock('botbuilder', () => { throw new Error('botbuilder was loaded by the conversation layer'); });

import fc from 'fast-check';
import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import { seedRosters } from '../../../src/app/booking/manage-roster';
import type { Actor, AppContext } from '../../../src/app/context';
import { openEpisode } from '../../../src/app/episode/open-episode';
import type { ConversationContext, Place } from '../../../src/conversation/context';
import { runAction } from '../../../src/conversation/dispatch';
import { CaseNotifier } from '../../../src/conversation/notify/case-notifier';
import type { EpisodeView } from '../../../src/conversation/views/episode';
import type { View } from '../../../src/conversation/views/view';
import { overlaps } from '../../../src/domain/booking/interval';
import { formatLondonTime } from '../../../src/domain/time/london';
import { createLogger } from '../../../src/logger';
import type { Store } from '../../../src/ports/store';
import { auditEntry } from '../../support/builders';
import { completedPpsRequest as completedFor } from '../../support/episodes';
import { RecordingMessenger } from '../../support/recording-messenger';

const referrer: Actor = { id: 'aad-sw-1' };
const therapist: Actor = { id: 'aad-pps-therapist' };
const coordinator: Actor = { id: 'aad-pps-coordinator' };
const stranger: Actor = { id: 'aad-someone-else' };
const personal: Place = { shared: false };
const BUFFER_MS = 15 * 60_000;

const completedPpsRequest = (store: Store, reference: string, ownerId = referrer.id) => completedFor(store, reference, { ownerId, therapistId: therapist.id });

describe('an episode of PPS therapy through the conversation layer', () => {
  const catalogues = loadCatalogues();
  let now = new Date('2027-02-21T09:00:00Z');
  let id = 0;
  const app: AppContext = {
    store: createInMemoryStore(), clock: { now: () => now }, ids: { next: () => `id-${(id += 1)}` }, catalogues,
    meetingUrl: (_ref, bookingId) => `https://meet.example.org/${bookingId}`,
  };
  const names = new Map([[referrer.id, 'Synthetic Social Worker'], [therapist.id, 'Synthetic PPS Therapist'], [coordinator.id, 'Synthetic PPS Coordinator']]);
  const cc: ConversationContext = { app, people: { names: async () => (x) => names.get(x) ?? x }, links: { exportUrl: (s: string, r: string, t: string) => `https://bot.example.org/export/${s}/${r}/${t}`, exportTtlMs: 60_000, calendarUrl: (r) => `https://bot.example.org/c/${r.reference}.ics` } };
  const messenger = new RecordingMessenger(new Set([referrer, therapist, coordinator].map((a) => `person:${a.id}`).concat('conv:conv-network')));
  const notifier = new CaseNotifier(cc, messenger, createLogger('silent'));
  const reference = 'PPS-2027-0001';
  async function deliverAll() {
    for (;;) {
      const entries = await app.store.outbox.read('pps', 'test', 50, 0);
      if (entries.length === 0) return;
      for (const e of entries) {
        await notifier.deliver(e.notification, (await app.store.requests.get('pps', e.notification.reference))!);
        await app.store.outbox.ack('pps', e.entryId);
      }
    }
  }
  const act = async (actor: Actor, verb: string, data: Record<string, unknown>) => {
    const { view, code } = await runAction(cc, actor, verb, { service: 'pps', reference, ...data }, personal);
    expect(code).toBeUndefined();
    return view as EpisodeView;
  };
  const headlines = (who: Actor, from: number) => messenger.to(`person:${who.id}`, from).map((s) => (s.message.view as { headline?: string }).headline);
  const stored = async () => (await app.store.requests.get('pps', reference))!;

  beforeAll(async () => {
    await seedRosters(app, 'pps', `pps/${therapist.id}:clinician,pps/${coordinator.id}:coordinator`);
    await completedPpsRequest(app.store, reference);
  });

  it('offers the therapist the episode on the case card, and refuses anyone else who tries to open it', async () => {
    const card = await act(therapist, 'booking.view', {});
    expect(card).toMatchObject({ kind: 'case', canOpenEpisode: true });
    expect(await act(therapist, 'episode.form', {})).toMatchObject({
      kind: 'episode-open', defaultSessions: 12, defaultLocation: 'home_visit', defaultTherapist: therapist.id, therapists: [{ value: therapist.id, title: 'Synthetic PPS Therapist' }],
      interventions: [{ value: 'cbt' }, { value: 'trauma_emdr' }, { value: 'dbt' }, { value: 'couple' }],
    });
    expect(await act(referrer, 'booking.view', {})).toMatchObject({ kind: 'case', canOpenEpisode: false });
    expect(await runAction(cc, referrer, 'episode.form', { service: 'pps', reference }, personal)).toMatchObject({ code: 'not_allowed' });
    const refused = await runAction(cc, stranger, 'episode.open', { service: 'pps', reference, intervention: 'cbt', plannedSessions: '12', firstDate: '2027-03-09', time: '10:00' }, personal);
    expect(refused.code).toBe('not_allowed');
    expect((await stored()).episode).toBeUndefined();
    expect((await app.store.audit.recent('pps', 1))[0]).toMatchObject({ actor: stranger.id, action: 'episode.open', result: 'denied' });
  });

  it('shows the therapist what to fix and books nothing when the number of sessions is outside 12 to 24', async () => {
    const view = await act(therapist, 'episode.open', { intervention: 'cbt', plannedSessions: '30', firstDate: '2027-03-09', time: '10:00' });
    expect(view).toMatchObject({ kind: 'episode-open', errors: [{ label: 'Number of sessions', message: 'must be from 12 to 24 for Cognitive behavioural therapy for anxiety and depression' }] });
    expect(await app.store.availability.busy('pps', therapist.id, now)).toEqual([]);
  });

  it('opens it with 12 weekly sessions at 10:00 UK time across the clock change, claimed in the therapist\'s calendar; the network hears only "under way"', async () => {
    const before = messenger.sent.length;
    const view = await act(therapist, 'episode.open', { intervention: 'cbt', plannedSessions: '12', firstDate: '2027-03-09', time: '10:00', gpPractice: 'Synthetic Surgery' });
    expect(view).toMatchObject({ kind: 'episode', headline: 'Episode opened: the sessions are booked', clinical: true, statusLabel: 'Under way' });
    const { episode } = await stored();
    expect(episode!.sessions.map((s) => formatLondonTime(s.start))).toEqual(Array(12).fill('10:00'));
    expect(episode!.sessions.map((s) => s.start.slice(11, 13))).toEqual(['10', '10', '10', '09', '09', '09', '09', '09', '09', '09', '09', '09']);
    const busy = await app.store.availability.busy('pps', therapist.id, now);
    expect(busy.map((b) => new Date(b.start).toISOString()).sort()).toEqual(episode!.sessions.map((s) => s.start));
    await deliverAll();
    expect(headlines(referrer, before)).toEqual(['Work with the family has started']);
    expect(headlines(therapist, before)).toEqual(['Episode opened: the sessions are booked']);
    const network = messenger.to('conv:conv-network', before);
    expect(network.map((s) => s.message.text ?? (s.message.view as { statusLabel: string }).statusLabel)).toEqual([
      'Further work under way', `${reference}: Further work under way. Next step: Further work with the family is under way.`,
    ]);
    expect(JSON.stringify(network)).not.toMatch(/behavioural|PHQ|session|attend/i);
  });

  it('records attendance only once a session has started, and the family session at the start', async () => {
    const early = await act(therapist, 'episode.attendance', { sessionId: 's1', outcome: 'attended' });
    expect(early.headline).toBe('Not started yet. Attendance can be recorded once the session\'s start time has passed. Nothing was changed.');
    now = new Date('2027-03-09T11:00:00Z');
    const done = await act(therapist, 'episode.attendance', { sessionId: 's1', outcome: 'attended' });
    expect(done).toMatchObject({ headline: 'Attendance recorded', sessions: expect.arrayContaining([{ title: expect.stringMatching(/^1\. /), value: 'family session: start · Attended' }]) });
  });

  it('alerts the therapist and the coordinator at once, in personal chat, when PHQ-9 item 9 is scored 1; the referrer and the network hear nothing of it', async () => {
    const before = messenger.sent.length;
    const items = Object.fromEntries([0, 0, 1, 1, 0, 1, 0, 0, 1].map((v, i) => [`phq9_${i + 1}`, String(v)]));
    const view = await act(therapist, 'episode.measure', { instrument: 'phq9', phq9_point: 'start', ...items });
    expect(view.headline).toBe('PHQ-9 recorded');
    expect(view.alerts[0]!.text).toMatch(/^PHQ-9 on .+: thoughts of self-harm \(item 9 answered above 0\)\. Follow up now\.$/);
    await deliverAll();
    expect(headlines(therapist, before)).toEqual(['Urgent: a measure needs your attention now']);
    expect(headlines(coordinator, before)).toEqual([`Urgent: a measure for ${reference} needs a clinician's attention now`]);
    expect(messenger.to(`person:${coordinator.id}`, before)[0]!.message.view).toMatchObject({ kind: 'episode', headlineStyle: 'attention', clinical: true });
    expect(headlines(referrer, before)).toEqual([]);
    expect(messenger.to('conv:conv-network', before)).toEqual([]);
  });

  it('names every missing answer of a questionnaire and records nothing', async () => {
    const view = await act(therapist, 'episode.measure', { instrument: 'gad7', gad7_point: 'start', gad7_1: '1' });
    expect(view.errors.map((e) => e.label)).toEqual(['GAD-7 question 2', 'GAD-7 question 3', 'GAD-7 question 4', 'GAD-7 question 5', 'GAD-7 question 6', 'GAD-7 question 7']);
    expect((await stored()).episode!.measures).toHaveLength(1);
  });

  it('lets the referrer ask the therapist to a CP conference, which the therapist then records as attended', async () => {
    const before = messenger.sent.length;
    const asked = await act(referrer, 'episode.ask_meeting', { askType: 'cp_conference', askDate: '2027-03-25' });
    expect(asked).toMatchObject({ kind: 'episode', referrer: true, clinical: false, meetings: [{ title: 'Child protection conference, 25 March 2027', value: 'Asked to attend: not yet recorded' }] });
    await deliverAll();
    expect(headlines(therapist, before)).toEqual(['The referrer asks you to attend a meeting on 25 March 2027']);
    const meetingId = (await stored()).episode!.meetings[0]!.id;
    const recorded = await act(therapist, 'episode.meeting', { meetingId, meetingType: 'cp_conference', meetingDate: '2027-03-25', meetingAttended: 'yes' });
    expect(recorded.meetings).toEqual([{ title: 'Child protection conference, 25 March 2027', value: 'The therapist attended' }]);
    // The referrer's card never carries the therapy, scores or the GP's letters.
    const progress = await act(referrer, 'episode.view', {});
    expect(JSON.stringify(progress)).not.toMatch(/behavioural|PHQ|Synthetic Surgery|self-harm/);
    expect(progress.facts).toEqual([{ title: 'Sessions', value: '1 attended of 12 planned' }, { title: 'Next session', value: expect.stringMatching(/^Tue,? 16 Mar 2027,? 10:00 to 11:00$/) }]);
  });

  it('logs a GP letter with its purpose', async () => {
    const view = await act(therapist, 'episode.gp', { gpKind: 'letter', gpDate: '2027-03-10', gpPurpose: 'Letting the GP know therapy has started' });
    expect(view.facts).toEqual(expect.arrayContaining([{ title: 'GP practice', value: 'Synthetic Surgery' }, { title: 'GP letter, 10 March 2027', value: 'Letting the GP know therapy has started' }]));
  });

  it('moves a cancelled session to the first free week after the series, the rest unchanged, in the calendar too; the same click again changes nothing', async () => {
    const before = (await stored()).episode!;
    const click = { moveSession: 's4', moveWhy: 'cancelled_by_family', version: String((await stored()).version) };
    const view = await act(therapist, 'episode.move_session', click);
    expect(view.headline).toBe('Session moved; the rest of the series is unchanged');
    const after = (await stored()).episode!;
    expect(after.sessions.find((s) => s.id === 's4')!.start).toBe('2027-06-01T09:00:00.000Z');
    expect(after.sessions.filter((s) => s.id !== 's4').map((s) => s.start)).toEqual(before.sessions.filter((s) => s.id !== 's4').map((s) => s.start));
    const busy = (await app.store.availability.busy('pps', therapist.id, now)).map((b) => new Date(b.start).toISOString()).sort();
    expect(busy).toEqual(after.sessions.map((s) => s.start).filter((s) => Date.parse(s) + 3_600_000 > now.getTime()).sort());
    // A second click on the same card (Teams retrying, or a double click) would move the session again: it is refused.
    const again = await act(therapist, 'episode.move_session', click);
    expect(again.headline).toBe('This card is out of date. Nothing was changed. Here is your request as it stands.');
    expect((await stored()).episode).toEqual(after);
  });

  it('closes only with the end measures and end family session, or why not; gives back the time; the network hears "ended"', async () => {
    const refused = await act(therapist, 'episode.close', { closeReason: 'disengaged' });
    expect(refused.errors.map((e) => e.label)).toEqual(['Why the end measures were not taken', 'Why the end family session did not happen']);
    expect((await stored()).episode!.closure).toBeUndefined();
    const before = messenger.sent.length;
    const closed = await act(therapist, 'episode.close', { closeReason: 'disengaged', endMeasuresNotTaken: 'The parent stopped coming', familyEndNotHeld: 'The parent stopped coming' });
    expect(closed).toMatchObject({ statusLabel: expect.stringMatching(/^Ended: The parent disengaged/), canAct: false, instruments: [] });
    expect(await app.store.availability.busy('pps', therapist.id, now)).toEqual([]);
    await deliverAll();
    expect(headlines(referrer, before)).toEqual(['The episode of work has ended']);
    const network = messenger.to('conv:conv-network', before);
    expect(network.map((s) => s.message.text ?? (s.message.view as { statusLabel: string }).statusLabel)).toEqual([
      'Further work ended', `${reference}: Further work ended. Next step: The further work with the family has ended.`,
    ]);
    const refusedAfter = await act(therapist, 'episode.attendance', { sessionId: 's2', outcome: 'attended' });
    expect(refusedAfter.headline).toMatch(/^Episode closed\./);
  });

  it('audited every change with codes only, never the free text', async () => {
    const audit = await app.store.audit.recent('pps', 100);
    expect(audit.filter((a) => a.action.startsWith('episode.') && a.result === 'ok').map((a) => a.action).reverse()).toEqual([
      'episode.open', 'episode.attendance', 'episode.measure', 'episode.meeting_request', 'episode.meeting', 'episode.gp', 'episode.move_session', 'episode.close',
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Letting the GP|stopped coming|Synthetic Surgery/);
  });
});

describe('a weekly series booked among other bookings, for any bookings (fast-check, in-memory store)', () => {
  it('never claims time that overlaps another booking of the therapist, buffer included', async () => {
    const catalogues = loadCatalogues();
    const day = fc.integer({ min: 0, max: 120 }).map((n) => new Date(Date.UTC(2027, 1, 22) + n * 86_400_000).toISOString().slice(0, 10));
    const time = fc.tuple(fc.integer({ min: 7, max: 20 }), fc.constantFrom(0, 10, 30, 50)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(day, time, fc.integer({ min: 20, max: 150 })), { maxLength: 40 }), day, time, fc.integer({ min: 12, max: 24 }),
      async (existing, firstDate, at, count) => {
        const store = createInMemoryStore();
        let n = 0;
        const ctx: AppContext = { store, clock: { now: () => new Date('2027-02-21T00:00:00Z') }, ids: { next: () => `x-${(n += 1)}` }, catalogues, meetingUrl: () => '' };
        await seedRosters(ctx, 'pps', `pps/${therapist.id}:clinician`);
        // Other consultations the therapist holds, claimed through the store's own atomic check (a clash is simply not booked).
        for (const [i, [d, t, minutes]] of existing.entries()) {
          const other = await completedPpsRequest(store, `PPS-2027-${String(100 + i).padStart(4, '0')}`);
          const start = new Date(`${d}T${t}:00Z`);
          await store.requests.update({ ...other, version: other.version + 1 }, auditEntry(), {
            claim: { clinicianId: therapist.id, bufferMs: BUFFER_MS, times: [{ start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() }] },
          }).catch((e: { code?: string }) => { if (e.code !== 'clinician_busy') throw e; });
        }
        await completedPpsRequest(store, 'PPS-2027-0001');
        try {
          await openEpisode(ctx, therapist, { service: 'pps', reference: 'PPS-2027-0001', intervention: 'cbt', plannedSessions: count, firstDate, time: at });
        } catch (e) {
          expect(['series_unavailable', 'invalid_input']).toContain((e as { code?: string }).code);
          return;
        }
        const busy = await store.availability.busy('pps', therapist.id, new Date(0));
        const sessions = busy.filter((b) => b.reference === 'PPS-2027-0001');
        expect(sessions).toHaveLength(count);
        for (const s of sessions) {
          for (const b of busy) if (b !== s) expect(overlaps(s, b, BUFFER_MS)).toBe(false);
        }
      },
    ), { numRuns: 60 });
  });
});

// Keeps the View import honest: every screen above is a View.
export type Screens = View;
