import { overlaps, subtract, type Interval } from '../../../../src/domain/booking/interval';

const at = (hhmm: string) => Date.parse(`2026-12-07T${hhmm}:00.000Z`);
const span = (from: string, to: string): Interval => ({ start: at(from), end: at(to) });
const MIN = 60_000;

describe('overlaps', () => {
  it('treats spans as start-inclusive and end-exclusive, so back-to-back spans do not overlap', () => {
    expect(overlaps(span('09:00', '10:00'), span('10:00', '11:00'))).toBe(false);
    expect(overlaps(span('09:00', '10:01'), span('10:00', '11:00'))).toBe(true);
    expect(overlaps(span('09:00', '12:00'), span('10:00', '11:00'))).toBe(true);
  });

  it('keeps the gap on either side: exactly the gap apart is clear, a minute less is not', () => {
    const booked = span('10:00', '11:00');
    expect(overlaps(span('11:15', '12:15'), booked, 15 * MIN)).toBe(false);
    expect(overlaps(span('08:45', '09:45'), booked, 15 * MIN)).toBe(false);
    expect(overlaps(span('11:14', '12:14'), booked, 15 * MIN)).toBe(true);
    expect(overlaps(span('08:46', '09:46'), booked, 15 * MIN)).toBe(true);
  });
});

describe('subtract', () => {
  const day = span('09:00', '17:00');

  it('cuts a hole out of the middle, leaving both sides', () => {
    expect(subtract([day], [span('12:00', '13:00')])).toEqual([span('09:00', '12:00'), span('13:00', '17:00')]);
  });

  it('trims either end and removes a span the hole covers', () => {
    expect(subtract([day], [span('08:00', '10:00'), span('16:00', '18:00')])).toEqual([span('10:00', '16:00')]);
    expect(subtract([day], [span('09:00', '17:00')])).toEqual([]);
  });

  it('leaves spans that a hole only touches or misses', () => {
    expect(subtract([day], [span('07:00', '09:00'), span('17:00', '18:00')])).toEqual([day]);
  });

  it('applies every hole to every piece', () => {
    const pieces = subtract([span('09:00', '12:00'), span('13:00', '17:00')], [span('10:00', '10:30'), span('11:30', '14:00'), span('16:00', '16:30')]);
    expect(pieces).toEqual([span('09:00', '10:00'), span('10:30', '11:30'), span('14:00', '16:00'), span('16:30', '17:00')]);
  });
});
