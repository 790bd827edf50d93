import type { FamilyPoint, SessionLocation } from '../../domain/catalogue/catalogue';
import type { Attendance, MeasurePoint, MoveReason } from '../../domain/episode/episode';
import type { Band, Instrument } from '../../domain/measures/instruments';

/** Words for the codes of an episode of work, in one place. A service's own words (interventions, meetings, reasons) come from its catalogue. */

export const ATTENDANCE_LABELS: Record<Attendance, string> = { attended: 'Attended', did_not_attend: 'Did not attend' };

export const MOVE_REASON_LABELS: Record<MoveReason, string> = {
  blackout: 'the therapist was away', busy: 'the therapist was booked', cancelled_by_family: 'cancelled by the family',
  cancelled_by_service: 'cancelled by the service', rearranged: 'rearranged',
};

export const FAMILY_POINT_LABELS: Record<FamilyPoint, string> = {
  start: 'family session: start', middle: 'family session: middle', end: 'family session: end',
};

export const LOCATION_LABELS: Record<SessionLocation, string> = { home_visit: 'home visit', online: 'online', clinic: 'at the clinic' };

export const MEASURE_POINT_LABELS: Record<MeasurePoint, string> = { start: 'start', review: 'review', end: 'end' };

export const BAND_LABELS: Record<Band, string> = {
  minimal: 'minimal', mild: 'mild', moderate: 'moderate', moderately_severe: 'moderately severe', severe: 'severe',
};

/** ISO weekday 1 (Monday) to 7 (Sunday), as index + 1. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * The questions, over the last two weeks, each answered 0 (not at all) to 3 (nearly every day). PHQ-9 and GAD-7
 * were developed by Drs Spitzer, Williams, Kroenke and colleagues with an educational grant from Pfizer; no
 * permission is required to reproduce, translate, display or distribute them.
 */
export const MEASURE_ITEMS: Record<Instrument, readonly string[]> = {
  phq9: [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself, or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed, or the opposite: being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead, or of hurting yourself in some way',
  ],
  gad7: [
    'Feeling nervous, anxious, or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid, as if something awful might happen',
  ],
};

/** The answers every item offers. */
export const ITEM_ANSWERS = ['Not at all (0)', 'Several days (1)', 'More than half the days (2)', 'Nearly every day (3)'] as const;
