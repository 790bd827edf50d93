import { loadCatalogues } from '../../../src/adapters/catalogue/load-catalogues';
import { createInMemoryStore } from '../../../src/adapters/memory/in-memory-store';
import { designsOf, renderCard } from '../../../src/adapters/teams/cards/render';
import { seedRosters } from '../../../src/app/booking/manage-roster';
import type { AppContext } from '../../../src/app/context';
import type { ConversationContext } from '../../../src/conversation/context';
import type { Message } from '../../../src/conversation/messenger';
import { CASE_EVENTS } from '../../../src/conversation/notify/case-events';
import { CaseNotifier } from '../../../src/conversation/notify/case-notifier';
import {
  accept, cancel, complete, decideReview, decline, joinWaitlist, makeOffer, markEscalated, noShow, reschedule, updateNextSteps,
} from '../../../src/domain/booking/transitions';
import { notification, type CaseEvent } from '../../../src/domain/network/notification';
import { planWeeklySeries } from '../../../src/domain/episode/series';
import { closeEpisode, newEpisode } from '../../../src/domain/episode/transitions';
import type { ConsultationRequest } from '../../../src/domain/request/consultation-request';
import { createLogger } from '../../../src/logger';
import { buildAnswers, buildRequest, SYNTHETIC } from '../../support/builders';
import { RecordingMessenger } from '../../support/recording-messenger';

/*
 * Every booking and case event, delivered by the real notifier to every party that can be reached: which
 * card each one gets. Each party must get the card for their own role (the referrer's times picker never
 * to the clinician), and every message a notification preview that names the case and what happened only.
 */

const REFERRER = 'user-sw-1';
const CLINICIAN = 'clin-1';
const OTHER_CLINICIAN = 'clin-2';
const COORDINATOR = 'coord-1';
const FOLLOWER = 'gp-1';
const NETWORK = 'conv-net';
const PEOPLE: Record<string, string> = {
  [REFERRER]: 'Synthetic Referrer', [CLINICIAN]: 'Synthetic Clinician', [OTHER_CLINICIAN]: 'Synthetic Second Clinician',
  [COORDINATOR]: 'Synthetic Coordinator', [FOLLOWER]: 'Synthetic GP',
};
const PARTIES = {
  referrer: `person:${REFERRER}`, clinician: `person:${CLINICIAN}`, coordinators: 'triage:fass', network: `conv:${NETWORK}`, follower: `person:${FOLLOWER}`,
  /** A coordinator in their own personal chat: only an alert that cannot wait for the triage channel goes there. */
  coordinator: `person:${COORDINATOR}`,
} as const;
type Party = keyof typeof PARTIES;

/**
 * What a party is shown: the design a card is drawn from and what it says first to that person (a case card's or
 * the times picker's headline, otherwise the card's first line); or a line in the network's thread.
 */
type Shown = { design: string; says: string } | { line: string };

const now = new Date('2026-12-01T12:00:00Z');
const at = (iso: string) => new Date(iso);
const FREE_TEXT = 'MARKER-REASON-55: synthetic reason for testing only';
const booking = { id: 'bk-1', clinicianId: CLINICIAN, start: '2026-11-30T10:00:00.000Z', end: '2026-11-30T11:00:00.000Z', meetingUrl: 'https://meet.example.org/bk-1', acceptedAt: '2026-11-25T10:00:00.000Z' };

/** A request at each point the events happen, made by the booking state machine itself. */
const base = buildRequest({
  answers: buildAnswers(), links: [{ conversationId: NETWORK, kind: 'groupChat', by: REFERRER, at: '2026-11-23T10:06:00.000Z' }],
  followers: [{ userId: FOLLOWER, at: '2026-11-23T10:07:00.000Z' }],
});
const waitingReview = buildRequest({ ...base, status: 'awaiting_review', review: { reasons: ['referrer_request'], justification: SYNTHETIC.justification, requestedAt: '2026-11-24T10:00:00.000Z' } });
const offered = makeOffer(base, 'offer-1', [booking.start, '2026-12-03T10:00:00.000Z'], at('2026-11-24T10:00:00Z'));
const booked = accept(offered, booking, at('2026-11-25T10:00:00Z'));
const completed = complete(booked, CLINICIAN, 'fass_assessment_offered', FREE_TEXT, at('2026-11-30T11:00:00Z'));
/** The work the consultation offered, under way with the same clinician, and then ended. */
const fass = loadCatalogues().get('fass')!;
const series = planWeeklySeries({ firstDate: '2026-12-08', time: '10:00', count: 4, minutes: 60, maxWeeksMoved: 0, blocked: () => undefined, notBefore: 0 });
const underWay: ConsultationRequest = {
  ...completed,
  episode: newEpisode(completed, fass, { intervention: 'fass_assessment', plannedSessions: 4, therapistId: CLINICIAN, time: '10:00', location: 'clinic' }, series, () => 'ep-1', CLINICIAN, now),
};
const ended: ConsultationRequest = { ...underWay, episode: closeEpisode(underWay.episode!, fass.episodes!, { reason: 'completed', endMeasuresNotTaken: FREE_TEXT }, CLINICIAN, now) };
const episodeCard = (says: string) => card('episode/episode', says);

interface Scenario {
  request: ConsultationRequest;
  data?: Record<string, string>;
  /** Every party that hears of it, and what they get; a party left out gets nothing. */
  expect: Partial<Record<Party, Shown[]>>;
}

const card = (design: string, says: string): Shown => ({ design, says });
const caseCard = (headline: string) => card('booking/case', headline);
const timesPicker = (headline: string) => card('booking/times', headline);
const networkCard = (line: string): Shown[] => [card('network/case', `Case ${base.reference}`), { line }];
const triage = card('booking/triage', `Consultation request ${base.reference}`);
const coordinatorNote = card('notice', 'Needs a coordinator');
const followerCard = card('network/case', `Case ${base.reference}`);

/** Each event, with the request as the app leaves it: the compiler asks for a new event here. */
const SCENARIOS: Record<CaseEvent, Scenario[]> = {
  submitted: [{ request: base, expect: { network: networkCard(`${base.reference}: Request received. Next step: A consultation is being arranged.`), follower: [followerCard] } }],
  review_requested: [{ request: waitingReview, expect: { coordinators: [coordinatorNote], network: networkCard(`${base.reference}: Sent for duty clinician review. Next step: A duty clinician is reviewing the request.`), follower: [followerCard] } }],
  reviewed: [
    {
      request: decideReview(waitingReview, COORDINATOR, true, FREE_TEXT, now),
      expect: { referrer: [timesPicker('A duty clinician approved your request: choose consultation times')], network: networkCard(`${base.reference}: Review decided. Next step: A consultation is being arranged.`), follower: [followerCard] },
    },
    {
      request: decideReview(waitingReview, COORDINATOR, false, FREE_TEXT, now),
      expect: { referrer: [card('outcome', `Request ${base.reference}`)], network: networkCard(`${base.reference}: Review decided. Next step: Closed.`), follower: [followerCard] },
    },
  ],
  offered: [{ request: offered, expect: { coordinators: [triage] } }],
  declined: [{ request: decline(offered, OTHER_CLINICIAN, FREE_TEXT, now), expect: { coordinators: [triage] } }],
  booked: [{
    request: booked,
    expect: {
      referrer: [caseCard('Consultation booked')], clinician: [caseCard('You accepted this consultation')], coordinators: [triage],
      network: networkCard(`${base.reference}: Consultation booked (Mon, 30 Nov 2026, 10:00). Next step: The consultation takes place on the date shown.`), follower: [followerCard],
    },
  }],
  rescheduled: [{
    request: reschedule(booked, REFERRER, FREE_TEXT, now),
    expect: {
      referrer: [timesPicker('Your consultation needs a new time: please choose again')], clinician: [caseCard('Consultation released for rescheduling')], coordinators: [triage],
      network: networkCard(`${base.reference}: Consultation to be rearranged. Next step: A consultation is being arranged.`), follower: [followerCard],
    },
  }],
  cancelled: [{
    request: cancel(booked, CLINICIAN, FREE_TEXT, now),
    expect: {
      referrer: [caseCard('Consultation cancelled')], clinician: [caseCard('Consultation cancelled')], coordinators: [triage],
      network: networkCard(`${base.reference}: Consultation cancelled. Next step: Closed.`), follower: [followerCard],
    },
  }],
  no_show: [{
    request: noShow(booked, CLINICIAN, FREE_TEXT, now),
    expect: { referrer: [caseCard('The consultation was recorded as not taken place')], network: networkCard(`${base.reference}: Consultation did not take place. Next step: The consultation is to be rearranged.`), follower: [followerCard] },
  }],
  escalated: [{
    request: markEscalated(offered, now),
    expect: { referrer: [caseCard('No clinician has accepted your times yet: coordinators have been alerted. You can choose other times or join the waitlist.')], coordinators: [coordinatorNote] },
  }],
  no_times: [{ request: base, expect: { coordinators: [coordinatorNote] } }],
  waitlist_offer: [{
    request: joinWaitlist(base, now), data: { start: '2026-12-07T10:00:00.000Z' },
    expect: { referrer: [timesPicker('A consultation time has come free (Mon, 7 Dec 2026, 10:00): you are first on the waitlist.')] },
  }],
  reminder: [{
    request: { ...booked, booking: { ...booking, start: '2026-12-02T12:00:00.000Z', end: '2026-12-02T13:00:00.000Z' } }, data: { bookingId: booking.id, hours: '24' },
    expect: { referrer: [caseCard('Reminder: consultation in 24 hours')], clinician: [caseCard('Reminder: consultation in 24 hours')] },
  }],
  completed: [{
    request: completed,
    expect: { referrer: [caseCard('The consultation is complete: outcome and next steps')], network: networkCard(`${base.reference}: Consultation completed (Mon, 30 Nov 2026, 10:00). Next step: Further work offered.`), follower: [followerCard] },
  }],
  next_steps: [{
    request: updateNextSteps(completed, CLINICIAN, 'advice_given', FREE_TEXT, now),
    expect: { referrer: [caseCard('Next steps updated')], network: networkCard(`${base.reference}: Next steps updated. Next step: Advice given to the referrer.`), follower: [followerCard] },
  }],
  linked: [{ request: base, data: { conversationId: NETWORK }, expect: { network: networkCard(`${base.reference}: This conversation now follows the case. Next step: A consultation is being arranged.`) } }],
  followed: [{ request: base, data: { userId: FOLLOWER }, expect: { follower: [followerCard] } }],
  episode_opened: [{
    request: underWay,
    expect: {
      referrer: [episodeCard('Work with the family has started')], clinician: [episodeCard('Episode opened: the sessions are booked')],
      network: networkCard(`${base.reference}: Further work under way. Next step: Further work with the family is under way.`), follower: [followerCard],
    },
  }],
  non_attendance: [{ request: underWay, data: { missed: '2' }, expect: { referrer: [episodeCard('2 sessions in a row were not attended')] } }],
  measure_alert: [{
    request: underWay, data: { measureId: 'm-1' },
    expect: { clinician: [episodeCard('Urgent: a measure needs your attention now')], coordinator: [episodeCard(`Urgent: a measure for ${base.reference} needs a clinician's attention now`)] },
  }],
  meeting_requested: [{ request: underWay, data: { type: 'cp_conference', date: '2026-12-20' }, expect: { clinician: [episodeCard('The referrer asks you to attend a meeting on 20 December 2026')] } }],
  amh_referred: [{ request: underWay, expect: { referrer: [episodeCard('Referred to Adult Mental Health services')] } }],
  episode_closed: [{
    request: ended,
    expect: {
      referrer: [episodeCard('The episode of work has ended')],
      network: networkCard(`${base.reference}: Further work ended. Next step: The further work with the family has ended.`), follower: [followerCard],
    },
  }],
};

function shown(message: Message): Shown {
  const { view } = message;
  if (!view) return { line: message.text ?? '' };
  const drawn = renderCard(view) as { body: { text?: string }[] };
  return { design: designsOf(view).join('+'), says: view.kind === 'case' || view.kind === 'times' ? view.headline : drawn.body[0]?.text ?? '' };
}

describe('who is sent which card, for every booking and case event', () => {
  it('has a scenario for every event in the case-event map', () => {
    expect(Object.keys(SCENARIOS).sort()).toEqual(Object.keys(CASE_EVENTS).sort());
  });

  const cases = Object.entries(SCENARIOS).flatMap(([event, list]) => list.map((s, i) => [`${event}${list.length > 1 ? ` (${i + 1})` : ''}`, event as CaseEvent, s] as const));

  it.each(cases)('%s', async (_label, event, scenario) => {
    const store = createInMemoryStore();
    const app: AppContext = { store, clock: { now: () => now }, ids: { next: () => 'id-1' }, catalogues: loadCatalogues(), meetingUrl: () => 'https://meet.example.org/x' };
    await seedRosters(app, 'fass', `${CLINICIAN}:clinician,${OTHER_CLINICIAN}:clinician,${COORDINATOR}:coordinator`);
    const cc: ConversationContext = { app, people: { names: async () => (id) => PEOPLE[id] ?? id }, links: { exportUrl: (s: string, r: string, t: string) => `https://bot.example.org/export/${s}/${r}/${t}`, exportTtlMs: 60_000, calendarUrl: (r) => `https://bot.example.org/${r.reference}.ics` } };
    const messenger = new RecordingMessenger(new Set([...Object.values(PARTIES), `person:${OTHER_CLINICIAN}`]));
    const n = notification(scenario.request, event, now, scenario.data);

    await new CaseNotifier(cc, messenger, createLogger('silent')).deliver(n, scenario.request);

    const got = Object.fromEntries((Object.keys(PARTIES) as Party[])
      .map((p) => [p, messenger.to(PARTIES[p]).map((s) => shown(s.message))] as const).filter(([, list]) => list.length > 0));
    expect(got).toEqual(scenario.expect);
    // Nobody else: the other clinician and the coordinator in person hear nothing while there is a triage channel.
    const parties: string[] = Object.values(PARTIES);
    expect(messenger.sent.filter((s) => !parties.some((p) => messenger.to(p).includes(s)))).toEqual([]);
    // Every message's preview names the case and what happened, and nothing of the family or the people.
    for (const { message } of messenger.sent) {
      expect(message.summary).toMatch(new RegExp(`^${base.reference}: [a-z0-9 ,]+$`));
      for (const secret of [SYNTHETIC.familyName, SYNTHETIC.helpWith, SYNTHETIC.justification, FREE_TEXT, ...Object.values(PEOPLE)]) expect(message.summary).not.toContain(secret);
    }
  });

  it('never sends the clinician the referrer\'s times picker: after a reschedule they get their own case card, with nothing to pick', async () => {
    const request = reschedule(booked, REFERRER, FREE_TEXT, now);
    const store = createInMemoryStore();
    const app: AppContext = { store, clock: { now: () => now }, ids: { next: () => 'id-1' }, catalogues: loadCatalogues(), meetingUrl: () => 'https://meet.example.org/x' };
    const cc: ConversationContext = { app, people: { names: async () => (id) => PEOPLE[id] ?? id }, links: { exportUrl: (s: string, r: string, t: string) => `https://bot.example.org/export/${s}/${r}/${t}`, exportTtlMs: 60_000, calendarUrl: () => 'https://x/y.ics' } };
    const messenger = new RecordingMessenger(new Set([PARTIES.referrer, PARTIES.clinician]));
    await new CaseNotifier(cc, messenger, createLogger('silent')).deliver(notification(request, 'rescheduled', now), request);
    const [toClinician] = messenger.to(PARTIES.clinician);
    expect(toClinician?.message.view?.kind).toBe('case');
    expect(JSON.stringify(renderCard(toClinician!.message.view!))).not.toContain('"verb":"booking.times"');
    expect(JSON.stringify(renderCard(messenger.to(PARTIES.referrer)[0]!.message.view!))).toContain('Choose consultation times');
  });
});
