/**
 * The conversation layer on its own: a request, its booking and a network event, driven through the
 * verbs with no chat platform at all. Nothing here may load the Bot Framework: if anything requires it,
 * the module below throws and the test fails.
 */
jest.mock('botbuilder', () => { throw new Error('botbuilder was loaded by the conversation layer'); });
jest.mock('botframework-connector', () => { throw new Error('botframework-connector was loaded by the conversation layer'); });

import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import { seedRosters } from '../../../src/app/booking/manage-roster';
import type { Actor, AppContext } from '../../../src/app/context';
import { typedCommand } from '../../../src/conversation/commands';
import type { ConversationContext, Place } from '../../../src/conversation/context';
import { runAction } from '../../../src/conversation/dispatch';
import { CaseNotifier } from '../../../src/conversation/notify/case-notifier';
import { linkHere } from '../../../src/conversation/shared';
import type { View } from '../../../src/conversation/views/view';
import { createLogger } from '../../../src/logger';
import { cataloguesWith } from '../../support/catalogues';
import { RecordingMessenger } from '../../support/recording-messenger';

const referrer: Actor = { id: 'aad-hv-1' };
const clinician: Actor = { id: 'aad-eras-clin' };
const personal: Place = { shared: false };
const TRIAGE = 'conv-triage';

const headlineOf = (v: View | undefined) => (v && 'headline' in v ? v.headline : undefined);

describe('the conversation layer alone drives a request, its booking and its network', () => {
  const catalogues = cataloguesWith('eras');
  const now = new Date('2026-12-01T08:00:00Z');
  let id = 0;
  const app: AppContext = {
    store: createInMemoryStore(), clock: { now: () => now }, ids: { next: () => `id-${(id += 1)}` }, catalogues,
    meetingUrl: (_ref, bookingId) => `https://meet.example.org/${bookingId}`,
  };
  const names = new Map([[referrer.id, 'Synthetic Health Visitor'], [clinician.id, 'Synthetic ERAS Clinician']]);
  const cc: ConversationContext = {
    app, people: { names: async () => (x) => names.get(x) ?? x }, links: {
      calendarUrl: (r) => `https://bot.example.org/calendar/${r.reference}.ics`, exportUrl: (s, r, t) => `https://bot.example.org/export/${s}/${r}/${t}`, exportTtlMs: 60_000,
    },
  };
  const messenger = new RecordingMessenger(new Set([`person:${referrer.id}`, `person:${clinician.id}`, 'triage:eras', 'conv:conv-network']));
  const notifier = new CaseNotifier(cc, messenger, createLogger('silent'));
  /** Delivers everything waiting in the outbox, as the notifier worker would. */
  async function deliverAll() {
    for (;;) {
      const entries = await app.store.outbox.read('eras', 'test', 50, 0);
      if (entries.length === 0) return;
      for (const e of entries) {
        await notifier.deliver(e.notification, (await app.store.requests.get('eras', e.notification.reference))!);
        await app.store.outbox.ack('eras', e.entryId);
      }
    }
  }
  const act = async (actor: Actor, verb: string, data: Record<string, unknown>, place = personal) => {
    const { view, code } = await runAction(cc, actor, verb, data, place);
    expect(code).toBeUndefined();
    return view;
  };
  const story: { reference?: string; start?: string } = {};

  beforeAll(async () => {
    await seedRosters(app, 'fass', `eras/${clinician.id}:clinician+coordinator`);
  });

  it('arms the trap: requiring the Bot Framework here fails', () => {
    expect(() => jest.requireMock('botbuilder')).toThrow('botbuilder was loaded');
  });

  it('welcomes with a way into each service, then asks only the new service\'s questions and screens by its rules', async () => {
    const [welcome] = await typedCommand(cc, referrer, 'hi');
    expect(welcome!.view).toMatchObject({ kind: 'welcome', services: [{ service: 'eras' }, { service: 'fass' }, { service: 'pps' }] });
    let view = await act(referrer, 'request.start', { service: 'eras' });
    expect(view).toMatchObject({ kind: 'step', step: 'about', stepNumber: 1, stepCount: 5, ask: { localAuthority: true, openToChildrensSocialCare: false } });
    const step = (values: Record<string, string>) => {
      const v = view as { draftId: string; version: number; step: string };
      return act(referrer, 'draft.save', { service: 'eras', draftId: v.draftId, version: v.version, step: v.step, ...values });
    };
    view = await step({ referrerRole: 'health_visitor', referrerTeam: 'Synthetic Team', familyName: 'Synthetic Family', caseNumber: 'SYN-1', youngestChildDob: '2025-06-01', localAuthority: 'swindon' });
    expect(view).toMatchObject({ kind: 'step', step: 'concerns' });
    view = await step({ concerns: 'bonding,settling' });
    view = await step({ consentStatus: 'obtained', consentFrom: 'mother' });
    view = await step({ helpWith: 'Synthetic: how to support the parent with the baby', legalStatuses: 'early_help', urgency: 'routine' });
    expect(view).toMatchObject({ kind: 'review', backStep: 'details', preview: { title: 'This request fits the service' } });
    const outcome = await act(referrer, 'request.submit', { service: 'eras', draftId: (view as { draftId: string }).draftId });
    expect(outcome).toMatchObject({ kind: 'outcome', canPickTimes: true, catalogueVersion: 'eras-test-1' });
    story.reference = (outcome as { reference: string }).reference;
    expect(story.reference).toMatch(/^ERAS-2026-\d{4}$/);
  });

  it('books the service\'s own clinician, and each party is told in its own way', async () => {
    const reference = story.reference!;
    await act(clinician, 'availability.change', { service: 'eras', version: 0, change: 'add_weekly', weekday: '3', weeklyStart: '09:00', weeklyEnd: '12:00' });
    const times = await act(referrer, 'booking.times', { service: 'eras', reference });
    expect(times).toMatchObject({ kind: 'times', minutes: 30, maxPreferences: 2 });
    story.start = (times as { times: { start: string }[] }).times[0]!.start;
    expect(await act(referrer, 'booking.offer', { service: 'eras', reference, times: story.start })).toMatchObject({ kind: 'case', headline: 'Sent to the clinicians' });
    await deliverAll();
    const [triage] = messenger.to('triage:eras');
    expect(triage!.message.view).toMatchObject({ kind: 'triage', reference, open: true, refreshFor: [clinician.id] });

    const before = messenger.sent.length;
    const accepted = await act(clinician, 'booking.accept', { service: 'eras', reference, start: story.start }, { shared: true, conversationId: TRIAGE });
    expect(accepted).toMatchObject({ kind: 'triage', headline: expect.stringContaining('Accepted by Synthetic ERAS Clinician') });
    await deliverAll();
    // The triage card is updated in place: the same message, not a second post.
    expect(messenger.to('triage:eras', before).map((s) => [s.id, s.update])).toEqual([[triage!.id, true]]);
    expect(messenger.to(`person:${referrer.id}`, before).map((s) => headlineOf(s.message.view))).toEqual(['Consultation booked']);
    expect(messenger.to(`person:${clinician.id}`, before).map((s) => headlineOf(s.message.view))).toEqual(['You accepted this consultation']);
    expect(messenger.to(`person:${clinician.id}`, before)[0]!.message.view).toMatchObject({ kind: 'case', canChange: true, details: expect.arrayContaining([{ title: 'Family name', value: 'Synthetic Family' }]) });

    // Leave over the booked day is saved, and the card names the booking that still stands (H33).
    const day = new Date(story.start).toISOString().slice(0, 10);
    const leave = await act(clinician, 'availability.change', { service: 'eras', version: 1, change: 'add_blackout', blackoutFrom: day, blackoutTo: day });
    expect(leave).toMatchObject({ kind: 'availability', version: 2, notice: expect.stringMatching(new RegExp(`^Saved\\. You are still booked in time that is no longer open: ${reference} on `)) });
    const back = await act(clinician, 'availability.change', { service: 'eras', version: 2, change: 'remove', list: 'blackouts', index: 0 });
    expect(back).toMatchObject({ kind: 'availability', version: 3, notice: 'Saved.' });
  });

  it('links the case to a network conversation by its reference alone, which then sees only the network view', async () => {
    const before = messenger.sent.length;
    const linked = await linkHere(cc, referrer, { conversationId: 'conv-network', kind: 'groupChat' }, { on: true, reference: story.reference! });
    expect(linked).toMatchObject({ title: `Linked ${story.reference}` });
    await deliverAll();
    const [card, line] = messenger.to('conv:conv-network', before);
    expect(card!.message.view).toMatchObject({ kind: 'network-case', reference: story.reference, statusLabel: 'Consultation booked', nextStep: 'The consultation takes place on the date shown' });
    expect(line!.message.text).toBe(`${story.reference}: This conversation now follows the case. Next step: The consultation takes place on the date shown.`);
    expect(JSON.stringify(messenger.to('conv:conv-network'))).not.toContain('Synthetic Family');
    // Booked, it appears among the referrer's requests across services.
    const [mine] = await typedCommand(cc, referrer, 'my requests');
    expect(mine!.view).toMatchObject({ kind: 'my-requests', requests: [{ reference: story.reference, statusLabel: 'Consultation booked' }] });
  });

  it('refuses anything but triage in a shared conversation, and an unknown service before anything runs', async () => {
    expect(await runAction(cc, referrer, 'booking.view', { service: 'eras', reference: story.reference }, { shared: true, conversationId: 'conv-network' }))
      .toMatchObject({ code: 'personal_chat_only' });
    const audit = (await app.store.audit.recent('eras', 1000)).length;
    expect(await runAction(cc, referrer, 'request.start', { service: 'nosuch' }, personal)).toMatchObject({ code: 'unknown_service' });
    expect((await app.store.audit.recent('eras', 1000)).length).toBe(audit);
  });
});
