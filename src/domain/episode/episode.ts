import type { FamilyPoint, SessionLocation } from '../catalogue/catalogue';
import type { Band, Flag, Instrument } from '../measures/instruments';

/** How a session that came went: the parent attended, or did not. A cancelled session is moved, not marked. */
export const ATTENDANCE = ['attended', 'did_not_attend'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

/** Why a session is not at the time first planned. */
export const MOVE_REASONS = ['blackout', 'busy', 'cancelled_by_family', 'cancelled_by_service', 'rearranged'] as const;
export type MoveReason = (typeof MOVE_REASONS)[number];

/** One session of the course. Times in UTC; the plan keeps them at the same London wall-clock time. */
export interface EpisodeSession {
  id: string;
  /** Its place in the plan (1 = the first), kept when it moves. */
  number: number;
  start: string;
  end: string;
  /** A family session, and which of the plan's (start, middle, end). */
  family?: FamilyPoint;
  location: SessionLocation;
  meetingUrl?: string;
  attendance?: { outcome: Attendance; by: string; at: string };
  /** Earlier times of this session, oldest first: a blackout or clash at planning, a cancellation, or a rearrangement. */
  moves?: { from: string; why: MoveReason; by: string; at: string }[];
}

/** A questionnaire taken during the course, scored when it was recorded. */
export const MEASURE_POINTS = ['start', 'review', 'end'] as const;
export type MeasurePoint = (typeof MEASURE_POINTS)[number];

export interface MeasureRecord {
  id: string;
  instrument: Instrument;
  point: MeasurePoint;
  items: number[];
  total: number;
  band: Band;
  caseness: boolean;
  flags: Flag[];
  by: string;
  at: string;
}

/** A meeting about the children (CP conference, core group, CIN, unit) and whether the therapist was there. */
export interface MeetingRecord {
  id: string;
  type: string;
  /** The meeting's date, YYYY-MM-DD (London). */
  date: string;
  /** Whether the therapist attended; absent while it has not been recorded (an asked-for meeting still to come). */
  attended?: boolean;
  /** The referrer asked the therapist to attend. */
  requestedBy?: string;
  requestedAt?: string;
  recordedBy?: string;
  recordedAt?: string;
}

export const LIAISON_KINDS = ['letter', 'call'] as const;
export type LiaisonKind = (typeof LIAISON_KINDS)[number];

/** Contact with the parent's GP: the practice, and each letter or call with its purpose. */
export interface GpLiaison {
  practice?: string;
  contacts: { id: string; kind: LiaisonKind; date: string; purpose: string; by: string; at: string }[];
}

/** The onward referral to Adult Mental Health services, with the team as the liaison point. */
export interface AdultMentalHealthReferral {
  date: string;
  service: string;
  reason: string;
  /** The episode stays open as the liaison point, or closes with this outcome. */
  then: 'liaison' | 'close';
  by: string;
  at: string;
}

export interface EpisodeClosure {
  reason: string;
  /** Why the end measures were not taken, when they were not. */
  endMeasuresNotTaken?: string;
  /** Why the end family session did not happen, when the plan had one and it did not. */
  familyEndNotHeld?: string;
  by: string;
  at: string;
}

/**
 * A course of work after the consultation: PPS's weekly therapy, or one of FASS's own interventions. It lives
 * in its request's document, so every change to it is one versioned, audited, atomic write with the request.
 */
export interface Episode {
  id: string;
  intervention: string;
  therapistId: string;
  plannedSessions: number;
  /** The series' London wall-clock time, HH:MM, and the minutes of each session. */
  time: string;
  minutes: number;
  sessions: EpisodeSession[];
  measures: MeasureRecord[];
  meetings: MeetingRecord[];
  gp: GpLiaison;
  adultMentalHealth?: AdultMentalHealthReferral;
  /** The run of missed sessions the referrer was last told of (its last session's id), so each run is told once. */
  nonAttendanceToldAt?: string;
  openedBy: string;
  openedAt: string;
  closure?: EpisodeClosure;
}

export const isOpen = (episode: Episode | undefined): episode is Episode => episode !== undefined && episode.closure === undefined;

/** Sessions in time order. */
export const inTimeOrder = (sessions: readonly EpisodeSession[]): EpisodeSession[] => [...sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));

export const attended = (episode: Episode): number => episode.sessions.filter((s) => s.attendance?.outcome === 'attended').length;

/** Sessions whose time has come: attended, not attended, or cancelled by either side (each cancellation counts once). */
export const heldSoFar = (episode: Episode): number =>
  episode.sessions.filter((s) => s.attendance).length
  + episode.sessions.flatMap((s) => s.moves ?? []).filter((m) => m.why === 'cancelled_by_family' || m.why === 'cancelled_by_service').length;

/** The next session not yet recorded, from `now`. */
export const nextSession = (episode: Episode, now: Date): EpisodeSession | undefined =>
  inTimeOrder(episode.sessions).find((s) => !s.attendance && Date.parse(s.end) > now.getTime());
