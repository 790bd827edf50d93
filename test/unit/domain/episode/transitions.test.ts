import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import type { Episode } from '../../../../src/domain/episode/episode';
import { attended, heldSoFar, nextSession } from '../../../../src/domain/episode/episode';
import { toEvaluationEpisode } from '../../../../src/domain/episode/to-evaluation';
import {
  closeEpisode, logGpContact, moveSession, newEpisode, offeredInterventions, recordAttendance, recordMeasure, recordMeeting, referToAdultMentalHealth,
  requestMeeting, reviewDue,
} from '../../../../src/domain/episode/transitions';
import { buildEpisodeRequest, buildRequest } from '../../../support/builders';

const catalogues = loadCatalogues();
const pps = catalogues.get('pps')!;
const fass = catalogues.get('fass')!;
const config = pps.episodes!;
const AFTER_ALL = new Date('2027-12-01T00:00:00Z');
const by = 'clinician-a';

const fresh = (): Episode => buildEpisodeRequest({ sessions: 12 }).episode!;
const attend = (e: Episode, ids: string[], outcome: 'attended' | 'did_not_attend' = 'attended') =>
  ids.reduce((acc, id) => recordAttendance(acc, config, id, outcome, by, AFTER_ALL).episode, e);
const PHQ9_LOW_ITEM9 = [0, 0, 0, 0, 0, 0, 0, 0, 1];

describe('opening an episode', () => {
  it('is offered only by a recorded outcome that opens one, for the interventions it names', () => {
    const completed = { ...buildEpisodeRequest(), episode: undefined };
    expect(offeredInterventions(completed, pps).map((i) => i.id)).toEqual(['cbt', 'trauma_emdr', 'dbt', 'couple']);
    expect(offeredInterventions({ ...completed, completion: { ...completed.completion!, outcome: 'advice_given' } }, pps)).toEqual([]);
    expect(offeredInterventions({ ...completed, status: 'booked' }, pps)).toEqual([]);
    expect(offeredInterventions(buildEpisodeRequest(), pps)).toEqual([]); // one episode per request
    const fassVig = buildRequest({ status: 'completed', completion: { outcome: 'vig_or_mbt_offered', notes: '', by, at: '2027-01-01T00:00:00Z', consultationAt: '2027-01-01T00:00:00Z' } });
    expect(offeredInterventions(fassVig, fass).map((i) => i.id)).toEqual(['vig', 'mbt_parenting_group']);
  });

  it('refuses a number of sessions outside the intervention\'s range (PPS: 12 to 24)', () => {
    const completed = { ...buildEpisodeRequest(), episode: undefined };
    const open = (n: number) => newEpisode(completed, pps, { intervention: 'cbt', plannedSessions: n, therapistId: by, time: '10:00', location: 'home_visit' },
      Array.from({ length: n }, () => ({ start: '2027-03-02T10:00:00.000Z', end: '2027-03-02T11:00:00.000Z', movedFrom: [] })), () => 'x', by, AFTER_ALL);
    expect(() => open(11)).toThrow(expect.objectContaining({ code: 'invalid_input', issues: [{ field: 'plannedSessions', message: 'must be from 12 to 24 for Cognitive behavioural therapy for anxiety and depression' }] }));
    expect(() => open(25)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(open(24).sessions).toHaveLength(24);
  });

  it('marks the family sessions at the start, middle and end, defaults to home visits, and has no measures yet', () => {
    const e = fresh();
    expect(e.sessions.filter((s) => s.family).map((s) => [s.number, s.family])).toEqual([[1, 'start'], [6, 'middle'], [12, 'end']]);
    expect(new Set(e.sessions.map((s) => s.location))).toEqual(new Set(['home_visit']));
    expect(e.measures).toEqual([]);
  });
});

describe('attendance', () => {
  it('is recorded only once a session has started; the same answer again changes nothing; a different one corrects it', () => {
    const e = fresh();
    expect(() => recordAttendance(e, config, 's1', 'attended', by, new Date('2027-03-02T09:59:00Z'))).toThrow(expect.objectContaining({ code: 'session_not_started' }));
    const once = recordAttendance(e, config, 's1', 'attended', by, new Date('2027-03-02T10:00:00Z'));
    expect(once.changed).toBe(true);
    expect(recordAttendance(once.episode, config, 's1', 'attended', by, AFTER_ALL).changed).toBe(false);
    const corrected = recordAttendance(once.episode, config, 's1', 'did_not_attend', by, AFTER_ALL);
    expect(corrected.episode.sessions[0]!.attendance?.outcome).toBe('did_not_attend');
    expect(() => recordAttendance(e, config, 's99', 'attended', by, AFTER_ALL)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('tells the referrer once for each run of two missed sessions in a row (the catalogue\'s rule)', () => {
    let e = attend(fresh(), ['s1']);
    const first = recordAttendance(e, config, 's2', 'did_not_attend', by, AFTER_ALL);
    expect(first.tellReferrer).toBe(false);
    const second = recordAttendance(first.episode, config, 's3', 'did_not_attend', by, AFTER_ALL);
    expect(second.tellReferrer).toBe(true);
    const third = recordAttendance(second.episode, config, 's4', 'did_not_attend', by, AFTER_ALL);
    expect(third.tellReferrer).toBe(false); // the same run
    e = attend(third.episode, ['s5']);
    e = recordAttendance(e, config, 's6', 'did_not_attend', by, AFTER_ALL).episode;
    expect(recordAttendance(e, config, 's7', 'did_not_attend', by, AFTER_ALL).tellReferrer).toBe(true); // a new run
  });

  it('counts attended sessions, and held sessions with each cancellation once', () => {
    let e = attend(fresh(), ['s1', 's2']);
    e = attend(e, ['s3'], 'did_not_attend');
    e = moveSession(e, 's4', { start: '2027-06-01T09:00:00.000Z', end: '2027-06-01T10:00:00.000Z' }, 'cancelled_by_family', by, new Date('2027-03-20T00:00:00Z')).episode;
    expect(attended(e)).toBe(2);
    expect(heldSoFar(e)).toBe(4);
    expect(nextSession(e, new Date('2027-03-24T00:00:00Z'))?.id).toBe('s5');
  });
});

describe('moving a session', () => {
  it('moves that session only, keeps its place and family mark, and records where it was and why', () => {
    const e = fresh();
    const { episode } = moveSession(e, 's12', { start: '2027-06-01T09:00:00.000Z', end: '2027-06-01T10:00:00.000Z' }, 'cancelled_by_service', by, new Date('2027-03-01T00:00:00Z'));
    const moved = episode.sessions.find((s) => s.id === 's12')!;
    expect(moved).toMatchObject({ number: 12, family: 'end', start: '2027-06-01T09:00:00.000Z', moves: [{ from: e.sessions[11]!.start, why: 'cancelled_by_service' }] });
    expect(episode.sessions.filter((s) => s.id !== 's12')).toEqual(e.sessions.filter((s) => s.id !== 's12'));
  });

  it('refuses to move a session already recorded, or to the past', () => {
    const e = attend(fresh(), ['s1']);
    const to = { start: '2027-06-01T09:00:00.000Z', end: '2027-06-01T10:00:00.000Z' };
    expect(() => moveSession(e, 's1', to, 'rearranged', by, new Date('2027-03-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'session_recorded' }));
    expect(() => moveSession(e, 's2', to, 'rearranged', by, new Date('2027-07-01T00:00:00Z'))).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});

describe('measures', () => {
  it.each<[string, 'phq9' | 'gad7', number[], boolean]>([
    ['PHQ-9 item 9 answered 1, whatever the total', 'phq9', PHQ9_LOW_ITEM9, true],
    ['PHQ-9 in the severe band (20+) with item 9 at 0', 'phq9', [3, 3, 3, 3, 3, 3, 2, 0, 0], true],
    ['PHQ-9 moderately severe, item 9 at 0', 'phq9', [3, 3, 3, 3, 3, 2, 0, 0, 0], false],
    ['GAD-7 severe (15+)', 'gad7', [3, 3, 3, 3, 3, 0, 0], true],
    ['GAD-7 moderate', 'gad7', [2, 2, 2, 2, 2, 0, 0], false],
  ])('%s: alert %s', (_what, instrument, items, alert) => {
    const result = recordMeasure(fresh(), config, { instrument, point: 'start', items }, 'm1', by, AFTER_ALL);
    expect(result.alert).toBe(alert);
    expect(result.measure.total).toBe(items.reduce((a, b) => a + b, 0));
  });

  it('asks for a review measure every six sessions attended, until one is taken', () => {
    let e = attend(fresh(), ['s1', 's2', 's3', 's4', 's5']);
    expect(reviewDue(e, config)).toBe(false);
    e = attend(e, ['s6']);
    expect(reviewDue(e, config)).toBe(true);
    e = recordMeasure(e, config, { instrument: 'phq9', point: 'review', items: PHQ9_LOW_ITEM9.map(() => 0) }, 'm1', by, AFTER_ALL).episode;
    expect(reviewDue(e, config)).toBe(false);
  });
});

describe('meetings, GP liaison and Adult Mental Health', () => {
  it('records meetings, answers an asked-for one in place, and keeps one request per meeting', () => {
    let e = requestMeeting(fresh(), config, { type: 'cp_conference', date: '2027-04-20' }, 'mt1', 'user-sw-1', AFTER_ALL).episode;
    expect(requestMeeting(e, config, { type: 'cp_conference', date: '2027-04-20' }, 'mt2', 'user-sw-1', AFTER_ALL).changed).toBe(false);
    e = recordMeeting(e, config, { meetingId: 'mt1', type: 'cp_conference', date: '2027-04-20', attended: true }, 'x', by, AFTER_ALL);
    expect(e.meetings).toEqual([expect.objectContaining({ id: 'mt1', attended: true, requestedBy: 'user-sw-1', recordedBy: by })]);
    expect(() => recordMeeting(e, config, { type: 'court', date: '2027-04-20', attended: true }, 'x', by, AFTER_ALL)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });

  it('logs GP letters and calls with their date and purpose, and refuses one without', () => {
    const e = logGpContact(fresh(), { practice: 'Synthetic Surgery', kind: 'letter', date: '2027-03-03', purpose: 'Therapy has started' }, 'g1', by, AFTER_ALL);
    expect(e.gp).toEqual({ practice: 'Synthetic Surgery', contacts: [expect.objectContaining({ kind: 'letter', date: '2027-03-03', purpose: 'Therapy has started' })] });
    expect(() => logGpContact(e, { kind: 'call', date: '2027-03-04' }, 'g2', by, AFTER_ALL)).toThrow(expect.objectContaining({ issues: [{ field: 'gpPurpose', message: 'say what the letter or call was for' }] }));
  });

  it('records the onward AMH referral; FASS, with no pathway, refuses it', () => {
    const e = referToAdultMentalHealth(fresh(), config, { date: '2027-04-01', service: 'Synthetic CMHT', reason: 'Meets thresholds', then: 'liaison' }, by, AFTER_ALL);
    expect(e.adultMentalHealth).toMatchObject({ service: 'Synthetic CMHT', then: 'liaison' });
    expect(e.closure).toBeUndefined();
    expect(() => referToAdultMentalHealth(fresh(), fass.episodes!, { date: '2027-04-01', service: 'x', reason: 'y', then: 'liaison' }, by, AFTER_ALL))
      .toThrow(expect.objectContaining({ code: 'episode_not_offered' }));
  });
});

describe('closing', () => {
  it('needs the end measures and the end family session, or why not, and a reason from the catalogue', () => {
    const e = fresh();
    expect(() => closeEpisode(e, config, { reason: 'completed' }, by, AFTER_ALL)).toThrow(expect.objectContaining({
      issues: [
        { field: 'endMeasuresNotTaken', message: 'record the end measures first, or say why they were not taken' },
        { field: 'familyEndNotHeld', message: 'record the end family session first, or say why it did not happen' },
      ],
    }));
    expect(() => closeEpisode(e, config, { reason: 'bored', endMeasuresNotTaken: 'x', familyEndNotHeld: 'y' }, by, AFTER_ALL)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    let done = attend(e, e.sessions.map((s) => s.id));
    done = recordMeasure(done, config, { instrument: 'phq9', point: 'end', items: [0, 0, 0, 0, 0, 0, 0, 0, 0] }, 'a', by, AFTER_ALL).episode;
    done = recordMeasure(done, config, { instrument: 'gad7', point: 'end', items: [0, 0, 0, 0, 0, 0, 0] }, 'b', by, AFTER_ALL).episode;
    expect(closeEpisode(done, config, { reason: 'completed' }, by, AFTER_ALL).closure).toEqual({ reason: 'completed', by, at: AFTER_ALL.toISOString() });
  });
});

describe('as the evaluation reads it', () => {
  it('gives sessions attended of those held, and each instrument\'s first and last measure', () => {
    let e = attend(fresh(), ['s1', 's2', 's3']);
    e = recordMeasure(e, config, { instrument: 'phq9', point: 'start', items: [3, 3, 3, 3, 3, 0, 0, 0, 0] }, 'a', by, new Date('2027-03-02T11:00:00Z')).episode;
    e = recordMeasure(e, config, { instrument: 'phq9', point: 'review', items: [2, 2, 2, 2, 2, 0, 0, 0, 0] }, 'b', by, new Date('2027-04-02T11:00:00Z')).episode;
    e = recordMeasure(e, config, { instrument: 'phq9', point: 'end', items: [1, 1, 0, 0, 0, 0, 0, 0, 0] }, 'c', by, new Date('2027-05-30T11:00:00Z')).episode;
    e = recordMeasure(e, config, { instrument: 'gad7', point: 'start', items: [1, 1, 1, 1, 1, 1, 1] }, 'd', by, new Date('2027-03-02T11:00:00Z')).episode;
    const read = toEvaluationEpisode('pps', e);
    expect(read).toMatchObject({ service: 'pps', plannedSessions: 12, sessionsAttended: 3, sessionsPlannedSoFar: 3 });
    expect(read.pairs).toEqual([{ instrument: 'phq9', before: [3, 3, 3, 3, 3, 0, 0, 0, 0], after: [1, 1, 0, 0, 0, 0, 0, 0, 0] }]);
  });
});
