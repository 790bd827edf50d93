import { compareMeasures, type MeasureChange } from './compare-measures';

/** Answers to one instrument at the start and at the end of a course of treatment. */
export interface ItemsPair {
  before: readonly number[];
  after: readonly number[];
}

/** A course of treatment's outcome read on PHQ-9 and GAD-7 together, as NHS Talking Therapies publishes it. */
export interface CourseOutcome {
  phq9: MeasureChange;
  gad7: MeasureChange;
  /** At caseness on either measure at the start. */
  casenessBefore: boolean;
  /** At caseness on either measure at the end. */
  casenessAfter: boolean;
  /** A reliable fall on at least one measure and a reliable rise on neither. */
  reliableImprovement: boolean;
  /** A reliable rise on at least one measure and a reliable fall on neither. */
  reliableDeterioration: boolean;
  /** At caseness (on either) at the start, below caseness on both at the end. */
  recovered: boolean;
  /** Recovered and reliably improved. */
  reliableRecovery: boolean;
}

/**
 * The NHS Talking Therapies reading of a course of treatment, which differs from reading each instrument alone
 * (`compareMeasures`, the per-instrument contract): a parent is a clinical case if either score is at or
 * above its threshold, and has recovered only when both are below their thresholds at the end. So a parent whose
 * PHQ-9 falls from 14 to 6 has "recovered" on PHQ-9 alone, but not on the course if their GAD-7 is still 9.
 *
 * Sources: NHS Digital, "Psychological Therapies: reports on the use of IAPT services" (outcomes pages, e.g.
 * December 2020 final): "A referral has moved to recovery if they were defined as a clinical case at the start of
 * their treatment ('at caseness') and not as a clinical case at the end of their treatment", the recovery rate being
 * Count_Recovery / (Count_FinishedCourseTreatment - Count_NotAtCaseness); OHID Fingertips glossary (common mental
 * disorders): a referral is a clinical case if above the cut-off on the anxiety score, the depression score or both;
 * NHS England's published analysis code counts reliable recovery as reliable improvement and recovery together. The
 * improvement and deterioration rules (a reliable change on at least one measure, none the other way) are those of
 * the NHS Talking Therapies Manual's outcome definitions; they make improvement, deterioration and "no reliable
 * change" exclusive, as the published shares are.
 *
 * One subtlety this function does not cover: for an anxiety disorder other than generalised anxiety (PTSD, social
 * anxiety, OCD ...) NHS Talking Therapies reads the disorder's own measure (an ADSM such as PCL-5) in place of GAD-7.
 * PPS treats PTSD; until an ADSM is added this reads GAD-7 for every parent, and says so in the README.
 */
export function courseOutcome(phq9: ItemsPair, gad7: ItemsPair): CourseOutcome {
  const p = compareMeasures('phq9', phq9.before, phq9.after);
  const g = compareMeasures('gad7', gad7.before, gad7.after);
  const casenessBefore = p.before.caseness || g.before.caseness;
  const casenessAfter = p.after.caseness || g.after.caseness;
  const anyImproved = p.reliableImprovement || g.reliableImprovement;
  const anyDeteriorated = p.reliableDeterioration || g.reliableDeterioration;
  const reliableImprovement = anyImproved && !anyDeteriorated;
  const recovered = casenessBefore && !casenessAfter;
  return {
    phq9: p,
    gad7: g,
    casenessBefore,
    casenessAfter,
    reliableImprovement,
    reliableDeterioration: anyDeteriorated && !anyImproved,
    recovered,
    reliableRecovery: recovered && reliableImprovement,
  };
}
