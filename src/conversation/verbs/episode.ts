import { z } from 'zod';
import { viewRequest } from '../../app/booking/view-request';
import type { Actor } from '../../app/context';
import { closeEpisode } from '../../app/episode/close-episode';
import { logGpContact } from '../../app/episode/log-gp-contact';
import { moveSession } from '../../app/episode/move-session';
import { openEpisode } from '../../app/episode/open-episode';
import { requireClinicalLead } from '../../app/network/access';
import { recordAttendance } from '../../app/episode/record-attendance';
import { recordMeasure } from '../../app/episode/record-measure';
import { askToAttendMeeting, recordMeeting } from '../../app/episode/record-meeting';
import { referToAdultMentalHealth } from '../../app/episode/refer-adult-mental-health';
import { LOCATIONS } from '../../domain/catalogue/catalogue';
import { ATTENDANCE, LIAISON_KINDS, MEASURE_POINTS, type MeasurePoint } from '../../domain/episode/episode';
import { SESSION_TIME } from '../../domain/episode/series';
import { DomainError, isDomainError, type ErrorCode } from '../../domain/errors';
import { INSTRUMENT_IDS, INSTRUMENTS, ITEM_MAX } from '../../domain/measures/instruments';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import type { ConversationContext } from '../context';
import type { View } from '../views/view';
import { onCase } from './booking';
import { ERROR_TEXT } from '../wording/error-text';
import { caseScreen, episodeOpenScreen } from './screens';
import { PersonId, Ref, verb, Version, type VerbInput } from './verb';

/** Codes an episode action can meet that say something about the episode: shown on its card, which stays. */
const SHOWN_ON_EPISODE: readonly ErrorCode[] = [
  'invalid_input', 'request_moved_on', 'session_not_started', 'session_recorded', 'series_unavailable', 'clinician_busy', 'episode_closed',
  'episode_exists', 'episode_not_offered', 'version_conflict', 'stale_card',
];

/** An episode action answers with the episode as it now stands, or on it why nothing was done (opening: on the case card). */
const onEpisode = (
  cc: ConversationContext, actor: Actor, cmd: { service: string; reference: string }, act: () => Promise<{ request: ConsultationRequest; changed: boolean }>,
  done: string, screen: 'case' | 'episode' = 'episode',
): Promise<View> => onCase(cc, actor, cmd, act, done, SHOWN_ON_EPISODE, screen);

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date').refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'must be a real date');
const Time = z.string().regex(SESSION_TIME, 'must be a time between 07:00 and 20:59');
const Short = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const Optional = (max: number) => Short(max).optional().transform((v) => (v ? v : undefined));
const Id = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.:-]+$/, 'not a valid identifier');
const Url = z.string().trim().max(500).refine((u) => u === '' || /^https:\/\/\S+$/.test(u), 'must be an https:// link').optional().transform((v) => (v ? v : undefined));

/**
 * A questionnaire as the card sends it: when in the course (`phq9_point`) and one input per item (`phq9_1` ...
 * `phq9_9`), each 0 to 3. Every missing answer is named, and nothing is recorded until all are given.
 */
function measureFrom(raw: Record<string, unknown>, instrument: (typeof INSTRUMENT_IDS)[number]): { point: MeasurePoint; items: number[] } {
  const issues: { field: string; message: string }[] = [];
  const point = MEASURE_POINTS.find((p) => p === raw[`${instrument}_point`]);
  if (!point) issues.push({ field: 'point', message: 'choose when in the course (start, review or end)' });
  const items = Array.from({ length: INSTRUMENTS[instrument].items }, (_, i) => {
    const v = raw[`${instrument}_${i + 1}`];
    const n = typeof v === 'string' && /^\d$/.test(v) ? Number(v) : NaN;
    if (!(n >= 0 && n <= ITEM_MAX)) issues.push({ field: `${instrument}_${i + 1}`, message: 'choose an answer' });
    return n;
  });
  if (issues.length > 0) throw new DomainError('invalid_input', issues);
  return { point: point!, items };
}

const inputs = (input: VerbInput) => input.raw;
/** The clinical team's actions carry the version of the card they were clicked on (see changeEpisode). */
const Seen = { ...Ref, version: Version.optional() };

export const EPISODE_VERBS = {
  'episode.open': verb({
    schema: z.object({
      ...Ref, intervention: Id, plannedSessions: z.coerce.number().int('must be a whole number').min(1).max(52), firstDate: Day, time: Time,
      location: z.enum(LOCATIONS).optional(), meetingUrl: Url, gpPractice: Optional(200), therapistId: PersonId.optional().or(z.literal('').transform(() => undefined)),
    }),
    async run(cc, actor, cmd) {
      try {
        const { request, changed } = await openEpisode(cc.app, actor, cmd);
        return caseScreen(cc, actor, request, { headline: changed ? 'Episode opened: the sessions are booked' : 'Episode opened: the sessions are booked (already done)' });
      } catch (e) {
        // What was typed, or a series that does not fit: the form again, with why; nothing was booked.
        if (!isDomainError(e) || !['invalid_input', 'series_unavailable', 'clinician_busy'].includes(e.code)) throw e;
        const { request } = await viewRequest(cc.app, actor, cmd);
        return episodeOpenScreen(cc, actor, request, e.code === 'invalid_input' ? { errors: e.issues } : { headline: `${ERROR_TEXT[e.code].title}. ${ERROR_TEXT[e.code].text}` });
      }
    },
  }),
  'episode.form': verb({
    schema: z.object(Ref),
    async run(cc, actor, cmd) {
      const { request } = await viewRequest(cc.app, actor, cmd);
      await requireClinicalLead(cc.app, request, actor, 'episode.form');
      return episodeOpenScreen(cc, actor, request);
    },
  }),
  'episode.view': verb({
    schema: z.object({ ...Ref, screen: z.enum(['case', 'episode']).optional() }),
    async run(cc, actor, cmd) {
      const { request } = await viewRequest(cc.app, actor, cmd);
      return caseScreen(cc, actor, request, { ...(cmd.screen ? { screen: cmd.screen } : {}) });
    },
  }),
  'episode.attendance': verb({
    schema: z.object({ ...Seen, sessionId: Id, outcome: z.enum(ATTENDANCE) }),
    run: (cc, actor, cmd) => onEpisode(cc, actor, cmd, () => recordAttendance(cc.app, actor, cmd), 'Attendance recorded'),
  }),
  'episode.move_session': verb({
    schema: z.object({
      ...Seen, moveSession: Id, moveWhy: z.enum(['cancelled_by_family', 'cancelled_by_service', 'rearranged']),
      moveDate: Day.optional().or(z.literal('').transform(() => undefined)), moveTime: Time.optional().or(z.literal('').transform(() => undefined)),
    }),
    run: (cc, actor, cmd) => onEpisode(cc, actor, cmd, () => moveSession(cc.app, actor, {
      service: cmd.service, reference: cmd.reference, ...(cmd.version ? { version: cmd.version } : {}), sessionId: cmd.moveSession, why: cmd.moveWhy,
      ...(cmd.moveDate ? { date: cmd.moveDate } : {}), ...(cmd.moveTime ? { time: cmd.moveTime } : {}),
    }), 'Session moved; the rest of the series is unchanged'),
  }),
  'episode.measure': verb({
    schema: z.object({ ...Seen, instrument: z.enum(INSTRUMENT_IDS) }),
    run: (cc, actor, cmd, input) => onEpisode(cc, actor, cmd, async () => recordMeasure(cc.app, actor, { ...cmd, ...measureFrom(inputs(input), cmd.instrument) }),
      `${INSTRUMENTS[cmd.instrument].label} recorded`),
  }),
  'episode.meeting': verb({
    schema: z.object({
      ...Seen, meetingId: Id.optional().or(z.literal('').transform(() => undefined)), meetingType: Id, meetingDate: Day, meetingAttended: z.enum(['yes', 'no']),
    }),
    run: (cc, actor, cmd) => onEpisode(cc, actor, cmd, () => recordMeeting(cc.app, actor, {
      service: cmd.service, reference: cmd.reference, ...(cmd.version ? { version: cmd.version } : {}), type: cmd.meetingType, date: cmd.meetingDate, attended: cmd.meetingAttended === 'yes',
      ...(cmd.meetingId ? { meetingId: cmd.meetingId } : {}),
    }), 'Meeting recorded'),
  }),
  'episode.ask_meeting': verb({
    schema: z.object({ ...Ref, askType: Id, askDate: Day }),
    run: (cc, actor, cmd) => onEpisode(cc, actor, cmd, () => askToAttendMeeting(cc.app, actor, { service: cmd.service, reference: cmd.reference, type: cmd.askType, date: cmd.askDate }),
      'The therapist has been asked to attend'),
  }),
  'episode.gp': verb({
    schema: z.object({
      ...Seen, gpPractice: Optional(200), gpKind: z.enum(LIAISON_KINDS).optional().or(z.literal('').transform(() => undefined)),
      gpDate: Day.optional().or(z.literal('').transform(() => undefined)), gpPurpose: Optional(1000),
    }),
    run: (cc, actor, cmd) => onEpisode(cc, actor, cmd, () => logGpContact(cc.app, actor, {
      service: cmd.service, reference: cmd.reference, ...(cmd.version ? { version: cmd.version } : {}), ...(cmd.gpPractice ? { practice: cmd.gpPractice } : {}), ...(cmd.gpKind ? { kind: cmd.gpKind } : {}),
      ...(cmd.gpDate ? { date: cmd.gpDate } : {}), ...(cmd.gpPurpose ? { purpose: cmd.gpPurpose } : {}),
    }), 'GP liaison recorded'),
  }),
  'episode.amh': verb({
    schema: z.object({
      ...Seen, amhDate: Day, amhService: Short(200), amhReason: Short(1000), amhThen: z.enum(['liaison', 'close']),
      amhEndMeasuresNotTaken: Optional(1000), amhFamilyEndNotHeld: Optional(1000),
    }),
    run: (cc, actor, cmd) => onEpisode(cc, actor, cmd, () => referToAdultMentalHealth(cc.app, actor, {
      service: cmd.service, reference: cmd.reference, ...(cmd.version ? { version: cmd.version } : {}), date: cmd.amhDate, amhService: cmd.amhService, reason: cmd.amhReason, then: cmd.amhThen,
      ...(cmd.amhEndMeasuresNotTaken ? { endMeasuresNotTaken: cmd.amhEndMeasuresNotTaken } : {}),
      ...(cmd.amhFamilyEndNotHeld ? { familyEndNotHeld: cmd.amhFamilyEndNotHeld } : {}),
    }), 'Adult Mental Health referral recorded'),
  }),
  'episode.close': verb({
    schema: z.object({ ...Seen, closeReason: Id, endMeasuresNotTaken: Optional(1000), familyEndNotHeld: Optional(1000) }),
    run: (cc, actor, cmd) => onEpisode(cc, actor, cmd, () => closeEpisode(cc.app, actor, {
      service: cmd.service, reference: cmd.reference, ...(cmd.version ? { version: cmd.version } : {}), reason: cmd.closeReason,
      ...(cmd.endMeasuresNotTaken ? { endMeasuresNotTaken: cmd.endMeasuresNotTaken } : {}),
      ...(cmd.familyEndNotHeld ? { familyEndNotHeld: cmd.familyEndNotHeld } : {}),
    }), 'Episode closed'),
  }),
};
