import fc from 'fast-check';
import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { screen } from '../../../../src/domain/screening/screen';
import type { ScreeningInput } from '../../../../src/domain/screening/screening-input';
import { buildScreeningInput } from '../../../support/builders';

const catalogue = loadCatalogues().get('fass')!;
const EXCLUSIONS = catalogue.exclusions.map((e) => e.id);
const CONCERNS = catalogue.inclusionConcerns.map((c) => c.id);
const override = { status: 'safeguarding_override' as const, justification: 'grounds recorded in the case file' };
const criteria = (input: ScreeningInput) => screen(input, catalogue).reasons.map((r) => `${r.criterion}:${r.effect}`);

describe('screening a FASS referral', () => {
  it('finds an ordinary referral eligible and lists each concern in support, in the service words', () => {
    const result = screen(buildScreeningInput({ concerns: ['relational_breakdown', 'repeated_referrals'] }), catalogue);
    expect(result.outcome).toBe('eligible');
    expect(result.catalogueVersion).toBe('fass-2026.2');
    expect(result.reasons).toEqual([
      { criterion: 'relational_breakdown', effect: 'supports', text: 'Concerns about severe relational breakdown between parent and child.' },
      { criterion: 'repeated_referrals', effect: 'supports', text: expect.stringContaining('repeated referrals to social care') },
    ]);
  });

  it.each([
    ['referrer_role', { referrer: { role: 'other' as const } }],
    ['not_open_to_social_care', { family: { openToChildrensSocialCare: false, localAuthority: 'oxfordshire' } }],
    ['out_of_area', { family: { openToChildrensSocialCare: true, localAuthority: 'Buckinghamshire' } }],
    ['consent_not_obtained', { consent: { status: 'not_obtained' as const } }],
  ])('cannot proceed on %s, with signposting', (criterion, override) => {
    const result = screen(buildScreeningInput(override), catalogue);
    expect(result.outcome).toBe('cannot_proceed');
    const reason = result.reasons.find((r) => r.criterion === criterion);
    expect(reason).toMatchObject({ effect: 'cannot_proceed', text: catalogue.criteria[criterion as 'referrer_role']!.text });
    expect(reason?.signposting).toEqual(expect.any(String));
  });

  it('accepts the mental health practitioner as a referrer and compares the catchment without regard to case', () => {
    expect(screen(buildScreeningInput({ referrer: { role: 'mental_health_practitioner' }, family: { openToChildrensSocialCare: true, localAuthority: ' OXFORDSHIRE ' } }), catalogue).outcome).toBe('eligible');
  });

  it.each(EXCLUSIONS)('does not recommend when %s applies, quoting the exclusion and signposting', (id) => {
    const result = screen(buildScreeningInput({ exclusions: [id] }), catalogue);
    expect(result.outcome).toBe('not_recommended');
    expect(result.reasons).toContainEqual(expect.objectContaining({
      criterion: id, effect: 'not_recommended', text: catalogue.exclusions.find((e) => e.id === id)!.text, signposting: expect.any(String),
    }));
  });

  it('does not recommend without an inclusion concern', () => {
    const result = screen(buildScreeningInput({ concerns: [] }), catalogue);
    expect(result.outcome).toBe('not_recommended');
    expect(criteria(buildScreeningInput({ concerns: [] }))).toEqual(['no_inclusion_concern:not_recommended']);
  });

  it.each([
    [false, false, 'care_proceedings:not_recommended', 'not_recommended'],
    [true, false, 'care_proceedings:not_recommended', 'not_recommended'],
    [false, true, 'care_proceedings:not_recommended', 'not_recommended'],
    [true, true, 'care_proceedings_special_circumstances:clinical_review', 'clinical_review'],
  ])('in care proceedings with court support %s and engagement %s: %s', (court, engagement, reason, outcome) => {
    const input = buildScreeningInput({ careProceedings: { inProceedings: true, courtSupportsReunification: court, evidenceOfEngagement: engagement } });
    expect(criteria(input)).toContain(reason);
    expect(screen(input, catalogue).outcome).toBe(outcome);
  });

  it('ignores court support and engagement when the family is not in proceedings', () => {
    const input = buildScreeningInput({ careProceedings: { inProceedings: false, courtSupportsReunification: true, evidenceOfEngagement: true } });
    expect(screen(input, catalogue).outcome).toBe('eligible');
  });

  it('sends a safeguarding override to clinical review', () => {
    const result = screen(buildScreeningInput({ consent: override }), catalogue);
    expect(result.outcome).toBe('clinical_review');
    expect(criteria(buildScreeningInput({ consent: override }))).toContain('safeguarding_override:clinical_review');
  });

  it('lists every triggered criterion and takes the most severe as the outcome', () => {
    const input = buildScreeningInput({
      referrer: { role: 'other' }, exclusions: ['crisis_intervention', 'expert_witness'], consent: override,
      careProceedings: { inProceedings: true, courtSupportsReunification: false, evidenceOfEngagement: true },
    });
    expect(criteria(input)).toEqual([
      'referrer_role:cannot_proceed', 'safeguarding_override:clinical_review', 'crisis_intervention:not_recommended',
      'expert_witness:not_recommended', 'care_proceedings:not_recommended', 'relational_breakdown:supports',
    ]);
    expect(screen(input, catalogue).outcome).toBe('cannot_proceed');
  });

  it('orders outcomes by severity over every combination of inputs (property)', () => {
    const input = fc.record({
      role: fc.constantFrom('allocated_social_worker', 'mental_health_practitioner', 'other'),
      open: fc.boolean(),
      la: fc.constantFrom('oxfordshire', 'Oxfordshire', 'wiltshire'),
      concerns: fc.subarray(CONCERNS),
      exclusions: fc.subarray(EXCLUSIONS),
      cp: fc.record({ inProceedings: fc.boolean(), courtSupportsReunification: fc.boolean(), evidenceOfEngagement: fc.boolean() }),
      consent: fc.constantFrom<ScreeningInput['consent']>(
        { status: 'obtained' }, { status: 'not_obtained' }, { status: 'not_yet_sought' }, { status: 'refused' }, override),
      significant: fc.constantFrom(undefined, true, false),
      inCare: fc.constantFrom(undefined, true, false),
    });
    fc.assert(fc.property(input, (i) => {
      const s: ScreeningInput = {
        service: 'fass', referrer: { role: i.role },
        family: {
          openToChildrensSocialCare: i.open, localAuthority: i.la,
          ...(i.significant === undefined ? {} : { significantConcerns: i.significant }), ...(i.inCare === undefined ? {} : { childrenInParentsCare: i.inCare }),
        },
        concerns: i.concerns, exclusions: i.exclusions, careProceedings: i.cp, consent: i.consent,
      };
      const { outcome, reasons } = screen(s, catalogue);
      const named = i.concerns.filter((c) => c !== 'other');
      const blocked = i.role === 'other' || !i.open || i.la === 'wiltshire' || ['not_obtained', 'not_yet_sought', 'refused'].includes(i.consent!.status);
      const notRecommended = i.exclusions.length > 0 || i.concerns.length === 0 || (i.cp.inProceedings && !(i.cp.courtSupportsReunification && i.cp.evidenceOfEngagement))
        || i.significant === false || (i.inCare === false && !i.cp.inProceedings);
      const review = i.consent!.status === 'safeguarding_override' || (i.cp.inProceedings && i.cp.courtSupportsReunification && i.cp.evidenceOfEngagement)
        || (named.length === 0 && i.concerns.includes('other'));
      const expected = blocked ? 'cannot_proceed' : notRecommended ? 'not_recommended' : review ? 'clinical_review' : 'eligible';
      expect(outcome).toBe(expected);
      expect(reasons.filter((r) => r.effect === 'supports').map((r) => r.criterion)).toEqual(named.length > 0 ? CONCERNS.filter((c) => i.concerns.includes(c)) : []);
      expect(reasons.every((r) => r.text.length > 0)).toBe(true);
    }), { numRuns: 500 });
  });
});
