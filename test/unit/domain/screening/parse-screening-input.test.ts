import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import type { DomainError } from '../../../../src/domain/errors';
import { parseScreeningInput } from '../../../../src/domain/screening/parse-screening-input';
import { buildScreeningInput } from '../../../support/builders';

const catalogues = loadCatalogues();
const fieldsOf = (raw: unknown): string[] => {
  try {
    parseScreeningInput(raw, catalogues);
    return [];
  } catch (e) {
    return (e as DomainError).issues.map((i) => i.field);
  }
};

describe('checking a screening document', () => {
  it('accepts the documented example and removes repeated ids', () => {
    const input = parseScreeningInput({ ...buildScreeningInput(), concerns: ['relational_breakdown', 'relational_breakdown'] }, catalogues);
    expect(input.concerns).toEqual(['relational_breakdown']);
  });

  it.each([
    ['an unknown concern', { concerns: ['relational_breakdown', 'made_up'] }, ['concerns[1]']],
    ['an unknown exclusion', { exclusions: ['nope'] }, ['exclusions[0]']],
    ['a wrong type', { family: { openToChildrensSocialCare: 'yes', localAuthority: 'oxfordshire' } }, ['family.openToChildrensSocialCare']],
    ['an unknown role', { referrer: { role: 'gp' } }, ['referrer.role']],
    ['an override without justification', { consent: { status: 'safeguarding_override' } }, ['consent.justification']],
    ['an override with a blank justification', { consent: { status: 'safeguarding_override', justification: '   ' } }, ['consent.justification']],
    ['an unknown consent status', { consent: { status: 'maybe' } }, ['consent.status']],
    ['an unknown service', { service: 'nosuch' }, ['service']],
  ])('names the field for %s', (_name, override, fields) => {
    expect(fieldsOf({ ...buildScreeningInput(), ...override })).toEqual(fields);
  });

  it('names a missing field', () => {
    const { careProceedings: _omit, ...rest } = buildScreeningInput();
    expect(fieldsOf(rest)).toEqual(['careProceedings']);
  });
});
