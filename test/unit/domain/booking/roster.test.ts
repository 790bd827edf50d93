import { busyMember, parseBusyMember } from '../../../../src/domain/booking/booking';
import { hasRole, parseRosterSeed, RosterMemberSchema } from '../../../../src/domain/booking/roster';
import { buildBooking, buildRosterMember } from '../../../support/builders';

describe('the roster', () => {
  it('reads a seed of ids and roles, ignoring spaces and empty entries', () => {
    expect(parseRosterSeed(' demo-clinician:clinician, ,demo-coordinator:coordinator+clinician,')).toEqual([
      { id: 'demo-clinician', roles: ['clinician'] },
      { id: 'demo-coordinator', roles: ['coordinator', 'clinician'] },
    ]);
    expect(parseRosterSeed('')).toEqual([]);
  });

  it.each(['demo-clinician', 'demo-clinician:', ':clinician', 'demo-clinician:admin'])('refuses the seed entry "%s"', (entry) => {
    expect(() => parseRosterSeed(`ok:clinician,${entry}`)).toThrow(/must read id:role/);
  });

  it('keeps only the known roles of an entry that names some', () => {
    expect(parseRosterSeed('a:admin+coordinator')).toEqual([{ id: 'a', roles: ['coordinator'] }]);
  });

  it('says who holds a role, and that nobody off the roster holds any', () => {
    const coordinator = buildRosterMember({ roles: ['coordinator', 'clinician'] });
    expect(hasRole(coordinator, 'coordinator')).toBe(true);
    expect(hasRole(buildRosterMember({ roles: ['clinician'] }), 'coordinator')).toBe(false);
    expect(hasRole(null, 'clinician')).toBe(false);
    expect(hasRole(undefined, 'clinician')).toBe(false);
  });

  it('requires at least one known role on a stored member', () => {
    expect(RosterMemberSchema.safeParse(buildRosterMember()).success).toBe(true);
    expect(RosterMemberSchema.safeParse(buildRosterMember({ roles: [] })).success).toBe(false);
    expect(RosterMemberSchema.safeParse({ ...buildRosterMember(), roles: ['admin'] }).success).toBe(false);
  });
});

describe('a busy-calendar member', () => {
  it('records the consultation start and end in milliseconds with the request, and reads back', () => {
    const booking = buildBooking({ start: '2026-12-07T10:00:00.000Z', end: '2026-12-07T11:00:00.000Z' });
    const member = busyMember(booking, 'FASS-2026-0007');
    expect(member).toBe(`${Date.parse(booking.start)}|${Date.parse(booking.end)}|FASS-2026-0007`);
    expect(parseBusyMember(member)).toEqual({ start: Date.parse(booking.start), end: Date.parse(booking.end), reference: 'FASS-2026-0007' });
  });
});
