import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { serviceReport } from '../../../../src/domain/reports/service-report';
import { nearestRank, spreadOf } from '../../../../src/domain/reports/spread';
import type { ConsultationRequest } from '../../../../src/domain/request/consultation-request';
import { buildBooking, buildEpisodeRequest, buildRequest } from '../../../support/builders';
import { closeEpisode, recordAttendance, recordMeasure } from '../../../../src/domain/episode/transitions';

const fass = loadCatalogues().get('fass')!;
const MARCH = { from: '2026-03-01', to: '2026-03-31' };
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

let n = 0;
/** A request submitted at `submittedAt`, its times offered and booked the given hours later (when given). */
function request(submittedAt: string, overrides: Partial<ConsultationRequest> = {}, waits: { offer?: number; booked?: number } = {}): ConsultationRequest {
  n += 1;
  const milestones = {
    ...(waits.offer !== undefined ? { firstOfferedAt: hoursAfter(submittedAt, waits.offer) } : {}),
    ...(waits.booked !== undefined ? { firstBookedAt: hoursAfter(submittedAt, waits.booked) } : {}),
  };
  return buildRequest({ reference: `FASS-2026-${String(n).padStart(4, '0')}`, submittedAt, milestones, ...overrides });
}

const notRecommended = (criteria: string[]) => ({
  status: 'not_recommended' as const,
  screening: { outcome: 'not_recommended' as const, catalogueVersion: 'fass-2026.1', reasons: [
    ...criteria.map((criterion) => ({ criterion, effect: 'not_recommended' as const, text: 'the service words' })),
    { criterion: 'relational_breakdown', effect: 'supports' as const, text: 'the service words' },
  ] },
});
const completed = (outcome: string, at: string) => ({ status: 'completed' as const, booking: buildBooking(), completion: { outcome, notes: 'n', by: 'clinician-a', at, consultationAt: at } });

describe('the service report', () => {
  it('counts the period\'s requests by screening outcome and by status, every key present', () => {
    const report = serviceReport(fass, [
      request('2026-03-02T10:00:00Z'),
      request('2026-03-03T10:00:00Z', { status: 'awaiting_review', screening: { outcome: 'clinical_review', reasons: [], catalogueVersion: 'v' } }),
      request('2026-03-04T10:00:00Z', notRecommended(['custody_acrimony'])),
      request('2026-02-27T10:00:00Z'),
    ], MARCH);
    expect(report.requests).toBe(3);
    expect(report.by_outcome).toEqual({ eligible: 1, clinical_review: 1, not_recommended: 1, cannot_proceed: 0 });
    expect(report.by_status).toMatchObject({ awaiting_booking: 1, awaiting_review: 1, not_recommended: 1, completed: 0, booked: 0 });
    expect(Object.keys(report.by_status)).toHaveLength(11);
  });

  it('takes the period in London dates: 23:30 on 31 March (BST) is 1 April in London and out, 00:30 on 1 March (GMT) in', () => {
    const report = serviceReport(fass, [request('2026-03-31T23:30:00Z'), request('2026-03-01T00:30:00Z'), request('2026-02-28T23:59:00Z')], MARCH);
    expect(report.requests).toBe(1);
  });

  it('counts the criteria that made requests "not recommended", and only those', () => {
    const report = serviceReport(fass, [
      request('2026-03-02T10:00:00Z', notRecommended(['custody_acrimony', 'expert_witness'])),
      request('2026-03-05T10:00:00Z', notRecommended(['custody_acrimony'])),
    ], MARCH);
    expect(report.not_recommended_reasons).toEqual({ custody_acrimony: 2, expert_witness: 1 });
  });

  it('measures waits from submission to the first offer and the first booking, median and 90th percentile by nearest rank', () => {
    const waits = [2, 4, 6, 8, 10, 12, 14, 16, 18, 100];
    const report = serviceReport(fass, [
      ...waits.map((h, i) => request(`2026-03-${String(i + 2).padStart(2, '0')}T09:00:00Z`, {}, { offer: h / 2, booked: h })),
      request('2026-03-20T09:00:00Z'),
    ], MARCH);
    expect(report.hours_to_booked).toEqual({ median: 10, p90: 18, n: 10 });
    expect(report.hours_to_first_offer).toEqual({ median: 5, p90: 9, n: 10 });
  });

  it('falls back on the offer and booking of a request saved before milestones were kept', () => {
    const old = request('2026-03-02T09:00:00Z', { status: 'booked', booking: buildBooking({ acceptedAt: '2026-03-03T09:00:00Z' }), milestones: undefined });
    expect(serviceReport(fass, [old], MARCH).hours_to_booked).toEqual({ median: 24, p90: 24, n: 1 });
  });

  it('counts consultations whose outcome was recorded in the period, by the service\'s outcomes, zero included', () => {
    const report = serviceReport(fass, [
      request('2026-02-10T09:00:00Z', completed('advice_given', '2026-03-03T12:00:00Z')),
      request('2026-03-02T09:00:00Z', completed('signposted', '2026-03-09T12:00:00Z')),
      request('2026-03-02T09:00:00Z', completed('signposted', '2026-04-02T12:00:00Z')),
    ], MARCH);
    expect(report.consultations_completed).toBe(2);
    expect(report.completion_outcomes).toEqual({
      advice_given: 1, fass_assessment_offered: 0, vig_or_mbt_offered: 0, referred_pps: 0, signposted: 1, closed: 0,
    });
  });

  it('says nothing of waits it has no request for', () => {
    expect(serviceReport(fass, [], MARCH).hours_to_first_offer).toEqual({ median: null, p90: null, n: 0 });
  });
});

describe('nearest-rank percentiles', () => {
  it('is a value some request really had', () => {
    expect(nearestRank([1, 2, 3, 4], 50)).toBe(2);
    expect(nearestRank([1, 2, 3, 4], 90)).toBe(4);
    expect(nearestRank([7], 90)).toBe(7);
    expect(spreadOf([3.14159, 1]).median).toBe(1);
    expect(spreadOf([2.26]).p90).toBe(2.3);
  });

  it('reports the episodes of work of the period: opened, closed, active, sessions attended of held, and the paired outcomes', () => {
    const pps = loadCatalogues().get('pps')!;
    const config = pps.episodes!;
    const by = 'clinician-a';
    const at = (d: string) => new Date(d);
    // A course that finished in the period (PHQ-9 15 to 4: reliably recovered) and one still under way from before it.
    const finished = buildEpisodeRequest({ firstDate: '2027-03-02' });
    let e = finished.episode!;
    for (const id of ['s1', 's2', 's3']) e = recordAttendance(e, config, id, 'attended', by, at('2027-05-30T00:00:00Z')).episode;
    e = recordAttendance(e, config, 's4', 'did_not_attend', by, at('2027-05-30T00:00:00Z')).episode;
    e = recordMeasure(e, config, { instrument: 'phq9', point: 'start', items: [3, 3, 3, 2, 2, 1, 1, 0, 0] }, 'a', by, at('2027-03-02T11:00:00Z')).episode;
    e = recordMeasure(e, config, { instrument: 'phq9', point: 'end', items: [1, 1, 1, 1, 0, 0, 0, 0, 0] }, 'b', by, at('2027-05-25T11:00:00Z')).episode;
    e = closeEpisode(e, config, { reason: 'completed', endMeasuresNotTaken: 'GAD-7 not used', familyEndNotHeld: 'n' }, by, at('2027-05-30T10:00:00Z'));
    const underWay = { ...buildEpisodeRequest({ firstDate: '2027-04-06' }), reference: 'PPS-2027-0002' };
    const report = serviceReport(pps, [{ ...finished, episode: e }, { ...underWay, episode: { ...underWay.episode!, openedAt: '2027-04-01T09:00:00.000Z' } }], { from: '2027-05-01', to: '2027-05-31' });
    expect(report.episodes).toMatchObject({ opened: 0, closed: 1, active: 2, sessions_attended: 3, sessions_held: 4, attendance: { count: 3, of: 4, share: 0.75 } });
    expect(report.episodes.outcomes.phq9).toEqual({
      paired_cases: 1, at_caseness_before: 1, reliable_improvement: { count: 1, of: 1, share: 1 }, reliable_deterioration: { count: 0, of: 1, share: 0 },
      recovered: { count: 1, of: 1, share: 1 }, reliable_recovery: { count: 1, of: 1, share: 1 },
    });
    expect(report.episodes.outcomes.gad7.paired_cases).toBe(0);
    expect(report.episodes.outcomes.gad7.recovered.share).toBeNull();
  });
});
