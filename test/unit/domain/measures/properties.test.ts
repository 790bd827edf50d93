import fc from 'fast-check';
import { compareMeasures } from '../../../../src/domain/measures/compare-measures';
import { courseOutcome } from '../../../../src/domain/measures/course-outcome';
import { BAND_ORDER, INSTRUMENT_IDS, INSTRUMENTS, ITEM_MAX, maxTotal, type Instrument } from '../../../../src/domain/measures/instruments';
import { bandOf, scoreMeasure } from '../../../../src/domain/measures/score-measure';

const answers = (instrument: Instrument) =>
  fc.array(fc.integer({ min: 0, max: ITEM_MAX }), { minLength: INSTRUMENTS[instrument].items, maxLength: INSTRUMENTS[instrument].items });
const instrument = fc.constantFrom(...INSTRUMENT_IDS);
const scored = instrument.chain((i) => fc.tuple(fc.constant(i), answers(i)));
const pair = instrument.chain((i) => fc.tuple(fc.constant(i), answers(i), answers(i)));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('measures: properties over every possible questionnaire', () => {
  it('the total is the sum of the answers, within the scale, and caseness is the threshold', () => {
    fc.assert(fc.property(scored, ([i, items]) => {
      const s = scoreMeasure(i, items);
      expect(s.total).toBe(sum(items));
      expect(s.total).toBeLessThanOrEqual(maxTotal(i));
      expect(s.caseness).toBe(s.total >= INSTRUMENTS[i].caseness);
    }));
  });

  it('the band never falls as the total rises', () => {
    fc.assert(fc.property(instrument, fc.nat(), fc.nat(), (i, a, b) => {
      const [low, high] = [a % (maxTotal(i) + 1), b % (maxTotal(i) + 1)].sort((x, y) => x - y) as [number, number];
      expect(BAND_ORDER.indexOf(bandOf(i, low))).toBeLessThanOrEqual(BAND_ORDER.indexOf(bandOf(i, high)));
    }));
  });

  it('reliable recovery implies recovery and reliable improvement; improvement and deterioration never both', () => {
    fc.assert(fc.property(pair, ([i, before, after]) => {
      const c = compareMeasures(i, before, after);
      expect(c.change).toBe(sum(after) - sum(before));
      if (c.reliableRecovery) expect(c.recovered && c.reliableImprovement).toBe(true);
      expect(c.reliableImprovement && c.reliableDeterioration).toBe(false);
      if (c.recovered) expect(c.before.caseness && !c.after.caseness).toBe(true);
    }));
  });

  it('the same holds for a course read on both measures', () => {
    fc.assert(fc.property(answers('phq9'), answers('phq9'), answers('gad7'), answers('gad7'), (pb, pa, gb, ga) => {
      const o = courseOutcome({ before: pb, after: pa }, { before: gb, after: ga });
      if (o.reliableRecovery) expect(o.recovered && o.reliableImprovement).toBe(true);
      expect(o.reliableImprovement && o.reliableDeterioration).toBe(false);
      // Recovered on the course means recovered, or never a case, on each measure.
      if (o.recovered) expect(!o.phq9.after.caseness && !o.gad7.after.caseness).toBe(true);
    }));
  });
});
