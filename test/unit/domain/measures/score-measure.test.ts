import { bandOf, scoreMeasure } from '../../../../src/domain/measures/score-measure';
import { answersFor } from '../../../support/measure-builders';

describe('scoreMeasure: PHQ-9', () => {
  it.each([
    [0, 'minimal'], [4, 'minimal'],
    [5, 'mild'], [9, 'mild'],
    [10, 'moderate'], [14, 'moderate'],
    [15, 'moderately_severe'], [19, 'moderately_severe'],
    [20, 'severe'], [24, 'severe'],
  ])('a total of %i is %s', (total, band) => {
    const scored = scoreMeasure('phq9', answersFor('phq9', total));
    expect(scored.total).toBe(total);
    expect(scored.band).toBe(band);
  });

  it('reaches the top of the scale, 27, as severe', () => {
    expect(scoreMeasure('phq9', answersFor('phq9', 27, { 9: 3 }))).toMatchObject({ total: 27, band: 'severe' });
  });

  it.each([[9, false], [10, true]])('caseness at a total of %i is %s (threshold 10)', (total, caseness) => {
    expect(scoreMeasure('phq9', answersFor('phq9', total)).caseness).toBe(caseness);
  });

  it('flags thoughts of self-harm when item 9 is answered 1, even with a minimal total', () => {
    const scored = scoreMeasure('phq9', answersFor('phq9', 1, { 9: 1 }));
    expect(scored).toEqual({ instrument: 'phq9', total: 1, band: 'minimal', caseness: false, flags: ['self_harm_thoughts'] });
  });

  it('flags item 9 answered 3 too', () => {
    expect(scoreMeasure('phq9', answersFor('phq9', 20, { 9: 3 })).flags).toEqual(['self_harm_thoughts']);
  });

  it('does not flag when item 9 is 0, however high the rest', () => {
    expect(scoreMeasure('phq9', [3, 3, 3, 3, 3, 3, 3, 3, 0]).flags).toEqual([]);
  });

  it('reads the flag from item 9 and no other position', () => {
    expect(scoreMeasure('phq9', [0, 0, 0, 0, 0, 0, 0, 1, 0]).flags).toEqual([]);
    expect(scoreMeasure('phq9', [1, 0, 0, 0, 0, 0, 0, 0, 0]).flags).toEqual([]);
  });
});

describe('scoreMeasure: GAD-7', () => {
  it.each([
    [0, 'minimal'], [4, 'minimal'],
    [5, 'mild'], [9, 'mild'],
    [10, 'moderate'], [14, 'moderate'],
    [15, 'severe'], [21, 'severe'],
  ])('a total of %i is %s', (total, band) => {
    const scored = scoreMeasure('gad7', answersFor('gad7', total));
    expect(scored.total).toBe(total);
    expect(scored.band).toBe(band);
  });

  it.each([[7, false], [8, true]])('caseness at a total of %i is %s (threshold 8)', (total, caseness) => {
    expect(scoreMeasure('gad7', answersFor('gad7', total)).caseness).toBe(caseness);
  });

  it('counts a mild GAD-7 of 8 as a clinical case: the band and the threshold answer different questions', () => {
    expect(scoreMeasure('gad7', answersFor('gad7', 8))).toMatchObject({ band: 'mild', caseness: true });
  });

  it('raises no flag, even at the top of the scale', () => {
    expect(scoreMeasure('gad7', [3, 3, 3, 3, 3, 3, 3])).toEqual({ instrument: 'gad7', total: 21, band: 'severe', caseness: true, flags: [] });
  });
});

describe('bandOf', () => {
  it('has no moderately severe band on GAD-7', () => {
    expect(bandOf('gad7', 17)).toBe('severe');
    expect(bandOf('phq9', 17)).toBe('moderately_severe');
  });
});
