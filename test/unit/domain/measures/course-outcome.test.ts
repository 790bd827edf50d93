import { courseOutcome } from '../../../../src/domain/measures/course-outcome';
import { answersFor } from '../../../support/measure-builders';

/** A course from PHQ-9 and GAD-7 totals at the start and at the end. */
const course = (phq9: [number, number], gad7: [number, number]) =>
  courseOutcome(
    { before: answersFor('phq9', phq9[0]), after: answersFor('phq9', phq9[1]) },
    { before: answersFor('gad7', gad7[0]), after: answersFor('gad7', gad7[1]) },
  );

describe('courseOutcome: PHQ-9 and GAD-7 read together (NHS Talking Therapies)', () => {
  it('is a case at the start when either measure is at caseness', () => {
    expect(course([5, 5], [9, 9]).casenessBefore).toBe(true);
    expect(course([12, 12], [3, 3]).casenessBefore).toBe(true);
    expect(course([9, 9], [7, 7]).casenessBefore).toBe(false);
  });

  it('has not recovered while either measure is still at caseness, though PHQ-9 alone has', () => {
    const o = course([14, 6], [9, 9]);
    expect(o.phq9.recovered).toBe(true);
    expect(o.casenessAfter).toBe(true);
    expect(o.recovered).toBe(false);
    expect(o.reliableRecovery).toBe(false);
  });

  it('has recovered when a case at the start is below both thresholds at the end', () => {
    const o = course([14, 6], [9, 7]);
    expect(o).toMatchObject({ casenessBefore: true, casenessAfter: false, recovered: true, reliableImprovement: true, reliableRecovery: true });
  });

  it('recovers without reliable recovery when neither fall is more than measurement error', () => {
    const o = course([10, 9], [8, 7]);
    expect(o).toMatchObject({ recovered: true, reliableImprovement: false, reliableRecovery: false });
  });

  it('cannot recover without having been a case', () => {
    expect(course([9, 2], [7, 1])).toMatchObject({ recovered: false, reliableImprovement: true, reliableRecovery: false });
  });

  it('improves reliably on one measure when the other does not reliably worsen', () => {
    expect(course([16, 10], [12, 14])).toMatchObject({ reliableImprovement: true, reliableDeterioration: false });
    expect(course([16, 11], [12, 8])).toMatchObject({ reliableImprovement: true, reliableDeterioration: false });
  });

  it('counts a reliable fall on one and a reliable rise on the other as neither improvement nor deterioration', () => {
    expect(course([16, 10], [6, 10])).toMatchObject({ reliableImprovement: false, reliableDeterioration: false });
  });

  it('deteriorates reliably on a reliable rise on either measure with no reliable fall', () => {
    expect(course([4, 10], [6, 6])).toMatchObject({ reliableImprovement: false, reliableDeterioration: true });
    expect(course([4, 8], [6, 10])).toMatchObject({ reliableImprovement: false, reliableDeterioration: true });
    expect(course([4, 9], [6, 9])).toMatchObject({ reliableImprovement: false, reliableDeterioration: false });
  });

  it('keeps each instrument\'s own reading beside the course\'s', () => {
    const o = course([15, 8], [10, 9]);
    expect(o.phq9).toMatchObject({ change: -7, reliableImprovement: true, recovered: true, reliableRecovery: true });
    expect(o.gad7).toMatchObject({ change: -1, reliableImprovement: false, recovered: false });
    expect(o.recovered).toBe(false);
  });
});
