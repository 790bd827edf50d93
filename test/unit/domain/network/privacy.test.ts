import fc from 'fast-check';
import { follow, link, unfollow, unlink } from '../../../../src/domain/network/links';
import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { audiencesOf } from '../../../../src/conversation/notify/case-events';
import { CASE_EVENTS } from '../../../../src/domain/network/notification';
import { networkView } from '../../../../src/domain/network/privacy';
import type { RequestStatus } from '../../../../src/domain/request/consultation-request';
import { buildEpisodeRequest, buildRequest, SYNTHETIC } from '../../../support/builders';

const catalogue = loadCatalogues().get('fass')!;
const STATUSES: RequestStatus[] = ['cannot_proceed', 'not_recommended', 'awaiting_review', 'review_declined', 'awaiting_booking', 'waitlisted', 'offered', 'booked', 'cancelled', 'no_show', 'completed'];
const booking = { id: 'b', clinicianId: 'aad-clinician-7q', start: '2026-12-01T10:00:00.000Z', end: '2026-12-01T11:00:00.000Z', meetingUrl: 'https://m', acceptedAt: '2026-11-24T10:00:00.000Z' };

describe('the network view (least disclosure)', () => {
  it('holds only the reference, status, dates and next step, whatever the request holds', () => {
    fc.assert(fc.property(fc.constantFrom(...STATUSES), fc.boolean(), (status, booked) => {
      const view = networkView(buildRequest({ status, ...(booked ? { booking } : {}), review: { reasons: ['referrer_request'], justification: SYNTHETIC.justification, requestedAt: booking.acceptedAt } }), catalogue);
      expect(Object.keys(view).sort()).toEqual(['nextStep', 'reference', 'status', 'submittedOn', 'updatedAt', ...(booked ? ['consultationAt'] : [])].sort());
      const json = JSON.stringify(view);
      for (const secret of [SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.youngestChildDob, 'MARKER-', 'aad-clinician-7q', 'user-sw-1']) expect(json).not.toContain(secret);
    }));
  });

  it('shares the clinician\'s outcome as a next step, never their notes', () => {
    const view = networkView(buildRequest({
      status: 'completed', completion: { outcome: 'referred_pps', notes: 'MARKER-NOTES', by: 'clin', at: booking.end, consultationAt: booking.start },
    }), catalogue);
    expect(view).toMatchObject({ status: 'completed', nextStep: 'parental_psychology_service', consultationAt: booking.start });
    expect(JSON.stringify(view)).not.toContain('MARKER-NOTES');
  });

  it('tells the network of case milestones only, never of offers, declines or reminders', () => {
    const toNetwork = CASE_EVENTS.filter((e) => audiencesOf(e).has('network'));
    expect(toNetwork.sort()).toEqual([
      'booked', 'cancelled', 'completed', 'next_steps', 'no_show', 'rescheduled', 'review_requested', 'reviewed', 'submitted', 'episode_opened', 'episode_closed',
    ].sort());
    for (const e of ['offered', 'declined', 'reminder', 'escalated', 'no_times', 'waitlist_offer'] as const) expect(audiencesOf(e).has('network')).toBe(false);
  });

  it('tells the network of an episode of work only that it is under way or has ended: never attendance, measures, meetings or referrals on', () => {
    for (const e of ['non_attendance', 'measure_alert', 'meeting_requested', 'amh_referred'] as const) expect(audiencesOf(e).has('network')).toBe(false);
    expect(audiencesOf('measure_alert')).toEqual(new Set(['clinician', 'coordinators']));
    const pps = loadCatalogues().get('pps')!;
    const underWay = networkView(buildEpisodeRequest(), pps);
    expect(underWay).toEqual({
      reference: 'PPS-2027-0001', status: 'completed', submittedOn: expect.any(String), updatedAt: expect.any(String), consultationAt: expect.any(String),
      nextStep: 'work_under_way', work: 'under_way',
    });
  });
});

describe('links and followers', () => {
  const at = new Date('2026-11-24T10:00:00Z');
  it('links once, unlinks once, follows and unfollows once, each a new version', () => {
    const request = buildRequest();
    const linked = link(request, 'conv-1', 'groupChat', 'sw', at);
    expect(linked.version).toBe(request.version + 1);
    expect(link(linked, 'conv-1', 'groupChat', 'sw', at)).toBe(linked);
    expect(unlink(unlink(linked, 'conv-1', at), 'conv-1', at).links).toEqual([]);
    const followed = follow(request, 'gp', at);
    expect(follow(followed, 'gp', at)).toBe(followed);
    expect(unfollow(followed, 'gp', at).followers).toEqual([]);
    expect(unfollow(request, 'gp', at)).toBe(request);
  });
});
