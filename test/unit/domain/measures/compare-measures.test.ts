import { compareMeasures } from '../../../../src/domain/measures/compare-measures';
import type { Instrument } from '../../../../src/domain/measures/instruments';
import { answersFor } from '../../../support/measure-builders';

const compare = (instrument: Instrument, before: number, after: number) =>
  compareMeasures(instrument, answersFor(instrument, before), answersFor(instrument, after));

describe('compareMeasures: reliable change', () => {
  it.each([
    ['phq9', 17, 12, false], ['phq9', 17, 11, true],
    ['gad7', 12, 9, false], ['gad7', 12, 8, true],
  ] as const)('%s from %i to %i: reliable improvement is %s', (instrument, before, after, expected) => {
    const c = compare(instrument, before, after);
    expect(c.change).toBe(after - before);
    expect(c.reliableImprovement).toBe(expected);
    expect(c.reliableDeterioration).toBe(false);
  });

  it.each([
    ['phq9', 4, 9, false], ['phq9', 4, 10, true],
    ['gad7', 3, 6, false], ['gad7', 3, 7, true],
  ] as const)('%s from %i to %i: reliable deterioration is %s', (instrument, before, after, expected) => {
    const c = compare(instrument, before, after);
    expect(c.change).toBe(after - before);
    expect(c.reliableDeterioration).toBe(expected);
    expect(c.reliableImprovement).toBe(false);
  });

  it('reports the change as after minus before, so a fall is negative', () => {
    expect(compare('phq9', 20, 8).change).toBe(-12);
    expect(compare('gad7', 2, 9).change).toBe(7);
    expect(compare('gad7', 9, 9).change).toBe(0);
  });

  it('scores each side in full', () => {
    const c = compare('phq9', 16, 9);
    expect(c.before).toEqual({ total: 16, band: 'moderately_severe', caseness: true });
    expect(c.after).toEqual({ total: 9, band: 'mild', caseness: false });
  });
});

describe('compareMeasures: recovery', () => {
  it.each([
    // instrument, before, after, recovered, reliable recovery, why
    ['phq9', 10, 9, true, false, 'just across the threshold: recovered, but a fall of 1 is within measurement error'],
    ['phq9', 12, 6, true, true, 'across the threshold by a reliable fall'],
    ['phq9', 9, 3, false, false, 'reliably better, but never a case'],
    ['phq9', 15, 10, false, false, 'a fall of 5 that leaves a case'],
    ['phq9', 16, 10, false, false, 'a reliable fall that still leaves a case'],
    ['gad7', 8, 7, true, false, 'just across the threshold'],
    ['gad7', 11, 7, true, true, 'across the threshold by a reliable fall of 4'],
    ['gad7', 10, 7, true, false, 'across the threshold by a fall of 3'],
    ['gad7', 7, 3, false, false, 'never a case'],
  ] as const)('%s %i to %i: recovered %s, reliable recovery %s (%s)', (instrument, before, after, recovered, reliable, _why) => {
    const c = compare(instrument, before, after);
    expect(c.recovered).toBe(recovered);
    expect(c.reliableRecovery).toBe(reliable);
  });
});
