import { labelOf, type Catalogue, type EpisodeConfig } from '../../domain/catalogue/catalogue';
import { attended, heldSoFar, inTimeOrder, nextSession, type Episode, type EpisodeSession } from '../../domain/episode/episode';
import { needsAlert, reviewDue } from '../../domain/episode/transitions';
import type { FieldIssue } from '../../domain/errors';
import { INSTRUMENTS } from '../../domain/measures/instruments';
import type { ConsultationRequest } from '../../domain/request/consultation-request';
import { formatDay, formatLondon, formatLondonTime } from '../../domain/time/london';
import {
  ATTENDANCE_LABELS, BAND_LABELS, FAMILY_POINT_LABELS, LOCATION_LABELS, MEASURE_ITEMS, MEASURE_POINT_LABELS, MOVE_REASON_LABELS, WEEKDAY_NAMES,
} from '../wording/episode-labels';
import { choices, errorRows, type Choice, type ErrorRow, type Fact, type NameOf } from './common';

/** How many due sessions the card offers to record at once (oldest first); the rest follow as these are recorded. */
const DUE_SHOWN = 3;
/**
 * What the card shows of lists that grow for as long as the episode runs, so that it stays well within Teams'
 * card size whatever is recorded: the latest few, with a count of the rest, and free text shortened.
 */
const LATEST = { measures: 6, alerts: 3, gpContacts: 3, meetings: 8 } as const;
const TEXT_SHOWN = 200;

const shorten = (text: string, max = TEXT_SHOWN) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
const latest = <T>(list: readonly T[], n: number): T[] => list.slice(Math.max(0, list.length - n));

/** One session as a line on the card: its number, when, and how it stands. */
export interface SessionRow {
  title: string;
  value: string;
}

/** A session whose time has come and whose attendance is not recorded. */
export interface DueSession {
  service: string;
  reference: string;
  sessionId: string;
  label: string;
}

export interface InstrumentForm {
  service: string;
  reference: string;
  instrument: string;
  title: string;
  items: { id: string; label: string }[];
}

/**
 * An episode of work as one of its parties sees it in personal chat. The therapist and coordinators get the whole
 * record and the forms to keep it; the referrer the progress (sessions attended of planned, the next session,
 * meetings, the Adult Mental Health referral) and a way to ask the therapist to a meeting. Scores and the
 * therapy's detail are for the clinical team only.
 */
export interface EpisodeView {
  kind: 'episode';
  service: string;
  reference: string;
  /** The request's version this card shows: the clinical team's actions carry it, so a repeated or stale click changes nothing. */
  version: number;
  headline: string;
  /** `attention` when the headline is an alert. */
  headlineStyle: 'default' | 'attention';
  title: string;
  statusLabel: string;
  errors: ErrorRow[];
  facts: Fact[];
  /** Measures that need following up, for the clinical team: thoughts of self-harm, a severe band. */
  alerts: { text: string }[];
  sessions: SessionRow[];
  meetings: SessionRow[];
  clinical: boolean;
  referrer: boolean;
  open: boolean;
  canAct: boolean;
  /** The referrer may ask the therapist to a meeting while the episode is open. */
  canAsk: boolean;
  due: DueSession[];
  movable: Choice[];
  moveReasons: Choice[];
  instruments: InstrumentForm[];
  measurePoints: Choice[];
  meetingTypes: Choice[];
  askedMeetings: Choice[];
  gpPractice: string;
  hasAdultMentalHealth: boolean;
  adultMentalHealthText: string;
  closureReasons: Choice[];
  /** Whether the close form asks why the end measures or the end family session are missing. */
  endMeasuresMissing: boolean;
  familyEndMissing: boolean;
}

const sessionWhen = (s: EpisodeSession) => `${formatLondon(s.start)} to ${formatLondonTime(s.end)}`;

function sessionStatus(s: EpisodeSession, now: Date): string {
  const parts: string[] = [];
  if (s.family) parts.push(FAMILY_POINT_LABELS[s.family]);
  if (s.attendance) parts.push(ATTENDANCE_LABELS[s.attendance.outcome]);
  else parts.push(Date.parse(s.start) <= now.getTime() ? 'To record' : 'Planned');
  const last = s.moves?.at(-1);
  if (last) parts.push(`moved from ${formatLondon(last.from)} (${MOVE_REASON_LABELS[last.why]})`);
  return parts.join(' · ');
}

function meetingRows(episode: Episode, config: EpisodeConfig): SessionRow[] {
  const sorted = [...episode.meetings].sort((a, b) => a.date.localeCompare(b.date));
  const shown = latest(sorted, LATEST.meetings);
  const earlier = sorted.length - shown.length;
  return [...(earlier > 0 ? [{ title: 'Earlier meetings', value: `${earlier} more, recorded before these` }] : []), ...shown.map((m) => ({
    title: `${labelOf(config.meetingTypes, m.type) ?? m.type}, ${formatDay(m.date)}`,
    value: m.attended === undefined ? 'Asked to attend: not yet recorded' : m.attended ? 'The therapist attended' : 'The therapist did not attend',
  }))];
}

function statusOf(episode: Episode, config: EpisodeConfig): string {
  if (!episode.closure) return 'Under way';
  return `Ended: ${labelOf(config.closureReasons, episode.closure.reason) ?? episode.closure.reason} (${formatLondon(episode.closure.at)})`;
}

function alertsOf(episode: Episode): string[] {
  return latest(episode.measures.filter(needsAlert), LATEST.alerts).map((m) => {
    const what = [m.flags.includes('self_harm_thoughts') ? 'thoughts of self-harm (item 9 answered above 0)' : '', m.band === 'severe' ? 'a severe score' : '']
      .filter(Boolean).join(' and ');
    return `${INSTRUMENTS[m.instrument].label} on ${formatLondon(m.at)}: ${what}. Follow up now.`;
  });
}

function clinicalFacts(request: ConsultationRequest, episode: Episode, config: EpisodeConfig, nameOf: NameOf, now: Date): Fact[] {
  const first = inTimeOrder(episode.sessions)[0]!;
  const next = nextSession(episode, now);
  const facts: Fact[] = [
    { title: 'Therapist', value: nameOf(episode.therapistId) },
    { title: 'Sessions', value: `${attended(episode)} attended of ${episode.plannedSessions} planned (${heldSoFar(episode)} held so far)` },
    { title: 'Weekly', value: `${WEEKDAY_NAMES[episode.weekday - 1]}s at ${episode.time} (UK time), ${episode.minutes} minutes, ${LOCATION_LABELS[first.location]}` },
  ];
  if (next) facts.push({ title: 'Next session', value: `${sessionWhen(next)}${next.family ? ` (${FAMILY_POINT_LABELS[next.family]})` : ''}` });
  if (first.meetingUrl) facts.push({ title: 'Meeting link', value: first.meetingUrl });
  for (const instrument of config.measures.instruments) {
    const taken = episode.measures.filter((m) => m.instrument === instrument);
    const last = taken.at(-1);
    if (last) {
      const shown = latest(taken, LATEST.measures);
      const earlier = taken.length > shown.length ? `${taken.length - shown.length} earlier, then ` : '';
      facts.push({ title: INSTRUMENTS[instrument].label, value: `${earlier}${shown.map((m) => `${m.total} (${MEASURE_POINT_LABELS[m.point]})`).join(', ')}: now ${BAND_LABELS[last.band]}${last.caseness ? ', at caseness' : ''}` });
    }
  }
  if (episode.gp.practice) facts.push({ title: 'GP practice', value: episode.gp.practice });
  const contacts = latest(episode.gp.contacts, LATEST.gpContacts);
  if (episode.gp.contacts.length > contacts.length) facts.push({ title: 'GP liaison', value: `${episode.gp.contacts.length} letters and calls; the latest:` });
  for (const c of contacts) facts.push({ title: `GP ${c.kind}, ${formatDay(c.date)}`, value: shorten(c.purpose) });
  const amh = episode.adultMentalHealth;
  if (amh) facts.push({ title: 'Adult Mental Health', value: `Referred to ${amh.service} on ${formatDay(amh.date)}: ${shorten(amh.reason)}${amh.then === 'liaison' ? ' (the team stays the liaison point)' : ''}` });
  if (episode.closure?.endMeasuresNotTaken) facts.push({ title: 'End measures not taken', value: shorten(episode.closure.endMeasuresNotTaken) });
  if (episode.closure?.familyEndNotHeld) facts.push({ title: 'End family session not held', value: shorten(episode.closure.familyEndNotHeld) });
  facts.push({ title: 'Referral', value: `${request.reference}, opened ${formatLondon(episode.openedAt)}` });
  return facts;
}

function referrerFacts(episode: Episode, now: Date): Fact[] {
  const next = episode.closure ? undefined : nextSession(episode, now);
  const amh = episode.adultMentalHealth;
  return [
    { title: 'Sessions', value: `${attended(episode)} attended of ${episode.plannedSessions} planned` },
    ...(next ? [{ title: 'Next session', value: sessionWhen(next) }] : []),
    ...(amh ? [{ title: 'Adult Mental Health', value: `Referred to ${amh.service} on ${formatDay(amh.date)}${amh.then === 'liaison' ? '; the team stays the liaison point' : ''}` }] : []),
  ];
}

export function episodeView(
  request: ConsultationRequest, catalogue: Catalogue, viewer: { id: string; coordinator: boolean }, nameOf: NameOf,
  options: { headline?: string; errors?: readonly FieldIssue[]; now: Date },
): EpisodeView {
  const episode = request.episode!;
  const config = catalogue.episodes!;
  const { now } = options;
  const clinical = viewer.coordinator || episode.therapistId === viewer.id;
  const referrer = !clinical && request.ownerId === viewer.id;
  const open = !episode.closure;
  const canAct = clinical && open;
  const ordered = inTimeOrder(episode.sessions);
  const ref = { service: request.service, reference: request.reference };
  const intervention = labelOf(config.interventions, episode.intervention) ?? episode.intervention;
  const alerts = clinical ? alertsOf(episode) : [];
  return {
    kind: 'episode', ...ref, version: request.version,
    headline: options.headline ?? (clinical ? `Episode: ${request.reference}` : `Further work: ${request.reference}`),
    headlineStyle: options.headline?.startsWith('Urgent') ? 'attention' : 'default',
    title: clinical ? intervention : `Further work with the ${catalogue.name}`,
    statusLabel: statusOf(episode, config),
    errors: errorRows(options.errors),
    facts: clinical ? clinicalFacts(request, episode, config, nameOf, now) : referrerFacts(episode, now),
    alerts: (reviewDue(episode, config) && canAct ? [...alerts, 'A review measure is due.'] : alerts).map((text) => ({ text })),
    sessions: clinical ? ordered.map((s) => ({ title: `${s.number}. ${formatLondon(s.start)}`, value: sessionStatus(s, now) })) : [],
    meetings: meetingRows(episode, config),
    clinical, referrer, open, canAct, canAsk: referrer && open,
    due: canAct ? ordered.filter((s) => !s.attendance && Date.parse(s.start) <= now.getTime()).slice(0, DUE_SHOWN)
      .map((s) => ({ ...ref, sessionId: s.id, label: `Session ${s.number}, ${sessionWhen(s)}${s.family ? ` (${FAMILY_POINT_LABELS[s.family]})` : ''}` })) : [],
    movable: canAct ? ordered.filter((s) => !s.attendance).map((s) => ({ value: s.id, title: `${s.number}. ${formatLondon(s.start)}` })) : [],
    moveReasons: canAct ? choices((['cancelled_by_family', 'cancelled_by_service', 'rearranged'] as const).map((id) => ({ id, label: MOVE_REASON_LABELS[id] }))) : [],
    instruments: canAct ? config.measures.instruments.map((instrument) => ({
      ...ref, instrument, title: `Record a ${INSTRUMENTS[instrument].label}`,
      items: MEASURE_ITEMS[instrument].map((label, i) => ({ id: `${instrument}_${i + 1}`, label: `${i + 1}. ${label}` })),
    })) : [],
    measurePoints: canAct ? choices((['start', 'review', 'end'] as const).map((id) => ({ id, label: MEASURE_POINT_LABELS[id] }))) : [],
    meetingTypes: open && (canAct || referrer) ? choices(config.meetingTypes) : [],
    askedMeetings: !canAct ? [] : latest(episode.meetings.filter((m) => m.attended === undefined), LATEST.meetings)
      .map((m) => ({ value: m.id, title: `${labelOf(config.meetingTypes, m.type) ?? m.type}, ${formatDay(m.date)}` })),
    // The forms' data goes only to those who may use them: a referrer's card carries none of the clinical record.
    gpPractice: canAct ? episode.gp.practice ?? '' : '',
    hasAdultMentalHealth: canAct && config.adultMentalHealth !== undefined && !episode.adultMentalHealth,
    adultMentalHealthText: canAct ? config.adultMentalHealth?.text ?? '' : '',
    closureReasons: canAct ? choices(config.closureReasons) : [],
    endMeasuresMissing: canAct && !config.measures.instruments.every((i) => episode.measures.some((m) => m.instrument === i && m.point === 'end')),
    familyEndMissing: canAct && episode.sessions.some((s) => s.family === 'end' && s.attendance?.outcome !== 'attended'),
  };
}

/** What opening an episode offers: the interventions the outcome offered, and the series' defaults. */
export interface EpisodeOffer {
  interventions: Choice[];
  sessionsHint: string;
  defaultSessions: number;
  locations: Choice[];
  defaultLocation: string;
  therapists: Choice[];
  defaultTherapist: string;
}

export function episodeOffer(catalogue: Catalogue, offered: readonly EpisodeConfig['interventions'][number][], therapists: Choice[], viewerId: string): EpisodeOffer | undefined {
  if (offered.length === 0 || !catalogue.episodes) return undefined;
  return {
    interventions: offered.map((i) => ({ value: i.id, title: `${i.label} (${i.sessions.min} to ${i.sessions.max} sessions)` })),
    sessionsHint: offered.map((i) => `${i.label}: ${i.sessions.min} to ${i.sessions.max}`).join('; '),
    defaultSessions: offered[0]!.sessions.default,
    locations: choices((['home_visit', 'online', 'clinic'] as const).map((id) => ({ id, label: LOCATION_LABELS[id] }))),
    defaultLocation: catalogue.episodes.defaultLocation,
    therapists,
    defaultTherapist: therapists.find((t) => t.value === viewerId)?.value ?? therapists[0]?.value ?? '',
  };
}

/** The form that opens an episode of work, for the consultation's clinician or a coordinator. */
export interface EpisodeOpenView extends EpisodeOffer {
  kind: 'episode-open';
  service: string;
  reference: string;
  headline: string;
  /** The consultation's recorded outcome, which offered the work. */
  outcome: string;
  errors: ErrorRow[];
}

export function episodeOpenView(request: ConsultationRequest, catalogue: Catalogue, offer: EpisodeOffer, options: { headline?: string; errors?: readonly FieldIssue[] } = {}): EpisodeOpenView {
  return {
    kind: 'episode-open', service: request.service, reference: request.reference, ...offer,
    headline: options.headline ?? 'Open an episode of work',
    outcome: labelOf(catalogue.completion.outcomes, request.completion?.outcome) ?? '',
    errors: errorRows(options.errors),
  };
}
