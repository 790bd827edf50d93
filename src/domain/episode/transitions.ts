import type { Catalogue, EpisodeConfig, Intervention, SessionLocation } from '../catalogue/catalogue';
import { DomainError } from '../errors';
import type { Instrument } from '../measures/instruments';
import { scoreMeasure } from '../measures/score-measure';
import type { ConsultationRequest } from '../request/consultation-request';
import {
  inTimeOrder, isOpen, type AdultMentalHealthReferral, type Attendance, type Episode, type EpisodeSession, type LiaisonKind, type MeasurePoint,
  type MeasureRecord, type MoveReason,
} from './episode';
import { familySessionNumbers, type PlannedSession } from './series';

/**
 * The rules of a course of work, as pure functions from an episode to the next. Inputs arrive parsed (the verbs'
 * schemas); what is checked here is what depends on the episode: its state, its plan and the service's rules.
 */

const invalid = (field: string, message: string) => new DomainError('invalid_input', [{ field, message }]);

/** The service's episode rules; a service without them offers no episodes. */
export function episodeConfig(catalogue: Catalogue): EpisodeConfig {
  if (!catalogue.episodes) throw new DomainError('episode_not_offered');
  return catalogue.episodes;
}

/** The interventions the consultation's recorded outcome offered: an episode may be opened for one of these. */
export function offeredInterventions(request: ConsultationRequest, catalogue: Catalogue): Intervention[] {
  if (request.status !== 'completed' || !request.completion || request.episode) return [];
  const outcome = catalogue.completion.outcomes.find((o) => o.id === request.completion!.outcome);
  return (catalogue.episodes?.interventions ?? []).filter((i) => outcome?.opensEpisode?.includes(i.id));
}

export interface OpenEpisode {
  intervention: string;
  plannedSessions: number;
  therapistId: string;
  time: string;
  location: SessionLocation;
  meetingUrl?: string;
  gpPractice?: string;
}

/** A new episode over a planned series: family sessions marked where the service's plan puts them. */
export function newEpisode(
  request: ConsultationRequest, catalogue: Catalogue, cmd: OpenEpisode, plan: readonly PlannedSession[], id: () => string, by: string, now: Date,
): Episode {
  const config = episodeConfig(catalogue);
  const intervention = offeredInterventions(request, catalogue).find((i) => i.id === cmd.intervention);
  if (!intervention) {
    if (request.episode) throw new DomainError('episode_exists');
    throw new DomainError('episode_not_offered');
  }
  const { min, max } = intervention.sessions;
  if (cmd.plannedSessions < min || cmd.plannedSessions > max) throw invalid('plannedSessions', `must be from ${min} to ${max} for ${intervention.label}`);
  if (plan.length !== cmd.plannedSessions) throw new Error('the series must hold the planned number of sessions');
  const family = familySessionNumbers(cmd.plannedSessions, config.familySessions.points);
  const at = now.toISOString();
  return {
    id: id(), intervention: intervention.id, therapistId: cmd.therapistId, plannedSessions: cmd.plannedSessions, time: cmd.time, minutes: config.sessionMinutes,
    sessions: plan.map((p, i): EpisodeSession => ({
      id: `s${i + 1}`, number: i + 1, start: p.start, end: p.end, location: cmd.location,
      ...(cmd.meetingUrl ? { meetingUrl: cmd.meetingUrl } : {}),
      ...(family.has(i + 1) ? { family: family.get(i + 1)! } : {}),
      ...(p.movedFrom.length > 0 ? { moves: p.movedFrom.map((m) => ({ from: m.start, why: m.why, by, at })) } : {}),
    })),
    measures: [], meetings: [], gp: { contacts: [], ...(cmd.gpPractice ? { practice: cmd.gpPractice } : {}) },
    openedBy: by, openedAt: at,
  };
}

/** The open episode of a request; anything else is refused as having moved on. */
export function openEpisodeOf(request: ConsultationRequest): Episode {
  if (!request.episode) throw new DomainError('episode_not_found');
  if (!isOpen(request.episode)) throw new DomainError('episode_closed');
  return request.episode;
}

function sessionOf(episode: Episode, sessionId: string): EpisodeSession {
  const session = episode.sessions.find((s) => s.id === sessionId);
  if (!session) throw invalid('sessionId', 'not a session of this episode');
  return session;
}

const withSession = (episode: Episode, session: EpisodeSession): Episode =>
  ({ ...episode, sessions: episode.sessions.map((s) => (s.id === session.id ? session : s)) });

export interface AttendanceResult {
  episode: Episode;
  changed: boolean;
  /** The referrer is to be told of a run of missed sessions (the service's non-attendance rule). */
  tellReferrer: boolean;
}

/**
 * Records whether the parent came to a session, once its time has come. Recording the same again changes
 * nothing; a different answer corrects it (the audit trail keeps both). A run of missed sessions as long as the
 * service's rule is told to the referrer once.
 */
export function recordAttendance(episode: Episode, config: EpisodeConfig, sessionId: string, outcome: Attendance, by: string, now: Date): AttendanceResult {
  const session = sessionOf(episode, sessionId);
  if (Date.parse(session.start) > now.getTime()) throw new DomainError('session_not_started');
  if (session.attendance?.outcome === outcome) return { episode, changed: false, tellReferrer: false };
  const next = withSession(episode, { ...session, attendance: { outcome, by, at: now.toISOString() } });
  const recorded = inTimeOrder(next.sessions).filter((s) => s.attendance);
  const run: EpisodeSession[] = [];
  for (const s of recorded.reverse()) {
    if (s.attendance!.outcome !== 'did_not_attend') break;
    run.unshift(s);
  }
  const runStart = run[0]?.id;
  const tellReferrer = run.length >= config.nonAttendance.consecutive && runStart !== undefined && next.nonAttendanceToldAt !== runStart;
  return { episode: tellReferrer ? { ...next, nonAttendanceToldAt: runStart } : next, changed: true, tellReferrer };
}

/**
 * Moves one session (a cancellation by either side, or a rearrangement): the rest of the series keeps its
 * times. A session already recorded as attended or not cannot move.
 */
export function moveSession(episode: Episode, sessionId: string, to: { start: string; end: string }, why: MoveReason, by: string, now: Date): { episode: Episode; from: EpisodeSession } {
  const session = sessionOf(episode, sessionId);
  if (session.attendance) throw new DomainError('session_recorded');
  if (Date.parse(to.start) <= now.getTime()) throw invalid('moveDate', 'the new time must be in the future');
  const moved: EpisodeSession = { ...session, start: to.start, end: to.end, moves: [...(session.moves ?? []), { from: session.start, why, by, at: now.toISOString() }] };
  return { episode: withSession(episode, moved), from: session };
}

/** A questionnaire, scored. It alerts when it shows thoughts of self-harm or a severe band. */
export function recordMeasure(
  episode: Episode, config: EpisodeConfig, cmd: { instrument: Instrument; point: MeasurePoint; items: number[] }, id: string, by: string, now: Date,
): { episode: Episode; measure: MeasureRecord; alert: boolean } {
  if (!config.measures.instruments.includes(cmd.instrument)) throw invalid('instrument', 'not a measure this service uses');
  const scored = scoreMeasure(cmd.instrument, cmd.items);
  const measure: MeasureRecord = { id, instrument: cmd.instrument, point: cmd.point, items: [...cmd.items], total: scored.total, band: scored.band,
    caseness: scored.caseness, flags: scored.flags, by, at: now.toISOString() };
  return { episode: { ...episode, measures: [...episode.measures, measure] }, measure, alert: needsAlert(measure) };
}

/** What the therapist and coordinators must hear of at once: any thought of self-harm, or a severe band. */
export const needsAlert = (m: Pick<MeasureRecord, 'flags' | 'band'>): boolean => m.flags.includes('self_harm_thoughts') || m.band === 'severe';

/** Whether a review measure is due: every so many sessions attended, none taken since. */
export function reviewDue(episode: Episode, config: EpisodeConfig): boolean {
  if (config.measures.instruments.length === 0) return false;
  const attendedSessions = inTimeOrder(episode.sessions).filter((s) => s.attendance?.outcome === 'attended');
  const every = config.measures.reviewEverySessions;
  if (attendedSessions.length < every) return false;
  const lastPoint = attendedSessions[Math.floor(attendedSessions.length / every) * every - 1]!;
  return !episode.measures.some((m) => m.point !== 'start' && Date.parse(m.at) >= Date.parse(lastPoint.start));
}

const known = (list: readonly { id: string }[], id: string, field: string) => {
  if (!list.some((x) => x.id === id)) throw invalid(field, 'not one of the choices');
};

/** A meeting about the children, recorded by the therapist with whether they attended (or updating one asked for). */
export function recordMeeting(
  episode: Episode, config: EpisodeConfig, cmd: { meetingId?: string; type: string; date: string; attended: boolean }, id: string, by: string, now: Date,
): Episode {
  known(config.meetingTypes, cmd.type, 'meetingType');
  const at = now.toISOString();
  if (cmd.meetingId) {
    const meeting = episode.meetings.find((m) => m.id === cmd.meetingId);
    if (!meeting) throw invalid('meetingId', 'not a meeting of this episode');
    return { ...episode, meetings: episode.meetings.map((m) => (m.id === meeting.id ? { ...m, type: cmd.type, date: cmd.date, attended: cmd.attended, recordedBy: by, recordedAt: at } : m)) };
  }
  return { ...episode, meetings: [...episode.meetings, { id, type: cmd.type, date: cmd.date, attended: cmd.attended, recordedBy: by, recordedAt: at }] };
}

/** The referrer asks the therapist to attend a meeting; the same meeting asked for twice is one request. */
export function requestMeeting(episode: Episode, config: EpisodeConfig, cmd: { type: string; date: string }, id: string, by: string, now: Date): { episode: Episode; changed: boolean } {
  known(config.meetingTypes, cmd.type, 'meetingType');
  if (episode.meetings.some((m) => m.type === cmd.type && m.date === cmd.date)) return { episode, changed: false };
  return { episode: { ...episode, meetings: [...episode.meetings, { id, type: cmd.type, date: cmd.date, requestedBy: by, requestedAt: now.toISOString() }] }, changed: true };
}

/** The GP practice, and each letter or call to it with its purpose. */
export function logGpContact(
  episode: Episode, cmd: { practice?: string; kind?: LiaisonKind; date?: string; purpose?: string }, id: string, by: string, now: Date,
): Episode {
  const practice = cmd.practice?.trim() || episode.gp.practice;
  if (!cmd.kind) {
    if (!cmd.practice?.trim()) throw invalid('gpPractice', 'give the GP practice, or a letter or call to log');
    return { ...episode, gp: { ...episode.gp, practice } };
  }
  if (!cmd.date) throw invalid('gpDate', 'give the date of the letter or call');
  if (!cmd.purpose?.trim()) throw invalid('gpPurpose', 'say what the letter or call was for');
  return { ...episode, gp: { ...(practice ? { practice } : {}), contacts: [...episode.gp.contacts, { id, kind: cmd.kind, date: cmd.date, purpose: cmd.purpose.trim(), by, at: now.toISOString() }] } };
}

/** The case meets Adult Mental Health thresholds: the onward referral, and whether the team stays the liaison point. */
export function referToAdultMentalHealth(episode: Episode, config: EpisodeConfig, cmd: Omit<AdultMentalHealthReferral, 'by' | 'at'>, by: string, now: Date): Episode {
  if (!config.adultMentalHealth) throw new DomainError('episode_not_offered');
  return { ...episode, adultMentalHealth: { ...cmd, by, at: now.toISOString() } };
}

/**
 * Closes the episode with a reason. The end measures are taken (one of each instrument the service uses, at the
 * end) or it is said why not; the plan's end family session happened or it is said why not.
 */
export function closeEpisode(
  episode: Episode, config: EpisodeConfig, cmd: { reason: string; endMeasuresNotTaken?: string; familyEndNotHeld?: string }, by: string, now: Date,
): Episode {
  known(config.closureReasons, cmd.reason, 'closureReason');
  const issues: { field: string; message: string }[] = [];
  const endTaken = config.measures.instruments.every((i) => episode.measures.some((m) => m.instrument === i && m.point === 'end'));
  if (!endTaken && !cmd.endMeasuresNotTaken?.trim()) {
    issues.push({ field: 'endMeasuresNotTaken', message: 'record the end measures first, or say why they were not taken' });
  }
  const endFamily = episode.sessions.find((s) => s.family === 'end');
  if (endFamily && endFamily.attendance?.outcome !== 'attended' && !cmd.familyEndNotHeld?.trim()) {
    issues.push({ field: 'familyEndNotHeld', message: 'record the end family session first, or say why it did not happen' });
  }
  if (issues.length > 0) throw new DomainError('invalid_input', issues);
  return {
    ...episode,
    closure: {
      reason: cmd.reason, by, at: now.toISOString(),
      ...(!endTaken ? { endMeasuresNotTaken: cmd.endMeasuresNotTaken!.trim() } : {}),
      ...(endFamily && endFamily.attendance?.outcome !== 'attended' ? { familyEndNotHeld: cmd.familyEndNotHeld!.trim() } : {}),
    },
  };
}

/** Sessions still to come when an episode closes: their time is given back. */
export const futureSessions = (episode: Episode, now: Date): EpisodeSession[] =>
  episode.sessions.filter((s) => !s.attendance && Date.parse(s.start) > now.getTime());
