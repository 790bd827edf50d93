import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { screenDocument } from '../../../../src/cli/screen';
import { mayAskForReview, withReviewRequested } from '../../../../src/domain/request/request-review';
import { screen } from '../../../../src/domain/screening/screen';
import { validateStep, type StepContext } from '../../../../src/domain/referral/validate-step';
import type { Answers } from '../../../../src/domain/referral/answers';
import { buildAnswers, buildRequest, buildScreeningInput } from '../../../support/builders';
import { cataloguesWith } from '../../../support/catalogues';

/**
 * The FASS fidelity corrections (catalogue fass-2026.2), each a hazard in docs/clinical-safety/hazard-log.yaml
 * whose control is a test here: the screening contract exactly as the issue states it, and the guide's words.
 */
const catalogues = loadCatalogues();
const fass = catalogues.get('fass')!;
const run = (doc: object) => {
  const r = screenDocument(doc, catalogues);
  return r.status === 0 ? (JSON.parse(r.stdout) as { outcome: string; reasons: { criterion: string; effect: string; text: string }[] }) : r;
};
const base = () => buildScreeningInput();
const criteria = (out: unknown) => (out as { reasons: { criterion: string }[] }).reasons.map((r) => r.criterion);

describe('the guide\'s population: significant safeguarding concerns, children in the parents\' care', () => {
  it('family.significantConcerns false is not recommended, criterion no_significant_concerns; absent has no effect', () => {
    expect(run({ ...base(), family: { ...base().family, significantConcerns: false } })).toMatchObject({ outcome: 'not_recommended' });
    expect(criteria(run({ ...base(), family: { ...base().family, significantConcerns: false } }))).toContain('no_significant_concerns');
    expect(run({ ...base(), family: { ...base().family, significantConcerns: true } })).toMatchObject({ outcome: 'eligible' });
    expect(run(base())).toMatchObject({ outcome: 'eligible' });
  });

  it('family.childrenInParentsCare false, when not in care proceedings, is not recommended, criterion children_not_in_parents_care', () => {
    const out = run({ ...base(), family: { ...base().family, childrenInParentsCare: false } });
    expect(out).toMatchObject({ outcome: 'not_recommended' });
    expect(criteria(out)).toContain('children_not_in_parents_care');
  });

  it('in care proceedings, the care-proceedings rule decides, not children_not_in_parents_care', () => {
    const inProceedings = { inProceedings: true, courtSupportsReunification: true, evidenceOfEngagement: true };
    const out = run({ ...base(), careProceedings: inProceedings, family: { ...base().family, childrenInParentsCare: false } });
    expect(out).toMatchObject({ outcome: 'clinical_review' });
    expect(criteria(out)).not.toContain('children_not_in_parents_care');
    expect(criteria(out)).toContain('care_proceedings_special_circumstances');
  });

  it('refuses a value that is not a boolean, naming the field', () => {
    expect(screenDocument({ ...base(), family: { ...base().family, significantConcerns: 'no' } }, catalogues)).toMatchObject({ status: 2, stderr: expect.stringContaining('family.significantConcerns') });
  });
});

describe('consent is sought, and a refusal is not "not asked yet"', () => {
  it.each([
    ['obtained', 'eligible', []],
    ['refused', 'cannot_proceed', ['consent_not_obtained']],
    ['not_yet_sought', 'cannot_proceed', ['consent_not_obtained']],
    ['not_obtained', 'cannot_proceed', ['consent_not_obtained']],
  ])('status %s gives %s', (status, outcome, expected) => {
    const out = run({ ...base(), consent: { status } });
    expect(out).toMatchObject({ outcome });
    expect(criteria(out).filter((c) => c.startsWith('consent'))).toEqual(expected);
  });

  it('words a refusal apart from consent not yet sought: what to do next differs', () => {
    const refused = screen(buildScreeningInput({ consent: { status: 'refused' } }), fass).reasons[0]!;
    const notYet = screen(buildScreeningInput({ consent: { status: 'not_yet_sought' } }), fass).reasons[0]!;
    expect(refused.signposting).toContain('The family has refused consent. Respect the refusal');
    expect(notYet.signposting).toContain('Seek the family\'s consent and come back');
    expect(refused.signposting).not.toEqual(notYet.signposting);
  });

  it('asks which parent or carer gave or refused consent, by relationship', () => {
    const ctx: StepContext = { catalogue: fass, today: '2026-11-30', answers: {} };
    expect(() => validateStep('consent', { consentStatus: 'refused' }, ctx)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'consentFrom' })] }));
    expect(validateStep('consent', { consentStatus: 'refused', consentFrom: 'father' }, ctx)).toEqual({ consentStatus: 'refused', consentFrom: 'father' });
  });
});

describe('"For example": another relational concern', () => {
  it('a request whose only concern is other goes to clinical_review, criterion other_concern', () => {
    const out = run({ ...base(), concerns: ['other'], otherConcern: 'Synthetic: a relational difficulty the list does not name' });
    expect(out).toMatchObject({ outcome: 'clinical_review', reasons: [{ criterion: 'other_concern', effect: 'clinical_review' }] });
  });

  it('with a named concern, other is listed in support', () => {
    const out = run({ ...base(), concerns: ['relational_breakdown', 'other'], otherConcern: 'Synthetic description' });
    expect(out).toMatchObject({ outcome: 'eligible' });
    expect(criteria(out)).toEqual(['relational_breakdown', 'other']);
  });

  it('the journey asks what the other concern is', () => {
    const ctx: StepContext = { catalogue: fass, today: '2026-11-30', answers: {} };
    expect(() => validateStep('concerns', { concerns: ['other'] }, ctx)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'otherConcern' })] }));
  });
});

describe('the guide\'s words, where they belong', () => {
  it('splits the expert-witness exclusion from the sentence about clinical updates, and keeps the crisis exclusion whole', () => {
    const expert = fass.exclusions.find((e) => e.id === 'expert_witness')!;
    expect(expert.text).toBe('We are not commissioned to be instructed by legal parties for independent expert witness assessments for family court.');
    expect(fass.criteria.care_proceedings!.signposting).toContain('FASS can provide regular clinical updates to social care about treatment progress.');
    expect(fass.exclusions.find((e) => e.id === 'crisis_intervention')!.text).toContain('safeguarding timescales for the children should not be compromised to align with possible parental changes');
  });

  it('records the caveat the guide gives for care proceedings on the special-circumstances reason', () => {
    const input = buildScreeningInput({ careProceedings: { inProceedings: true, courtSupportsReunification: true, evidenceOfEngagement: true } });
    const special = screen(input, fass).reasons.find((r) => r.criterion === 'care_proceedings_special_circumstances')!;
    expect(special.caveat).toBe('A referral to FASS would not guarantee therapy for the family, so we would always urge court to take this into consideration with any interim or permanent care decisions.');
  });

  it('says CAMHS are NHS services, not the local authority\'s', () => {
    expect(fass.criteria.out_of_area!.signposting).toContain('NHS specialist CAMHS');
    expect(fass.criteria.out_of_area!.signposting).not.toMatch(/CAMHS[^.]*of the family's own local authority/);
  });

  it('marks what is ours, not the service\'s, as local policy', () => {
    expect(fass.consent!.override!.localPolicy).toMatch(/^Local policy \(not the service's words\)/);
    expect(fass.inclusionConcerns.find((c) => c.other)!.source).toBe('local policy');
    expect(fass.criteria.no_inclusion_concern!.signpostingSource).toBe('local policy');
  });
});

describe('the lawful basis of a safeguarding override, as three separate answers', () => {
  const override = fass.consent!.override!;
  it('offers statutory powers from the Children Acts, and the UK GDPR conditions with the right Schedule 1 condition', () => {
    expect(override.statutoryPowers.map((p) => p.label)).toEqual(expect.arrayContaining([
      expect.stringContaining('Children Act 1989, section 47'), expect.stringContaining('Children Act 1989, section 17'),
    ]));
    expect(override.gdprConditions[0]!.label).toContain('Article 9(2)(g)');
    expect(override.gdprConditions[0]!.label).toContain('Schedule 1 Part 2 paragraph 18 (safeguarding of children and of individuals at risk)');
    expect(override.confidentialityBases.map((b) => b.label)).toEqual(expect.arrayContaining([expect.stringContaining('Overriding public interest')]));
  });

  it('never offers Schedule 8, which is for law enforcement processing', () => {
    expect(JSON.stringify(fass)).not.toContain('Schedule 8');
  });
});

describe('signposting to another service only while it is in force', () => {
  const noConcern = buildScreeningInput({ concerns: [] });
  it('points to the Parental Psychology Service only when its catalogue is loaded', () => {
    expect(screen(noConcern, fass).reasons[0]!.signpostServices).toBeUndefined();
    expect(JSON.stringify(screen(noConcern, fass))).not.toContain('Parental Psychology Service');
    expect(screen(noConcern, fass, new Set(['fass', 'pps'])).reasons[0]!.signpostServices).toEqual([{ service: 'pps', text: expect.stringContaining('Parental Psychology Service') }]);
  });
});

describe('legal status and an unborn child', () => {
  const ctx: StepContext = { catalogue: fass, today: '2026-11-30', answers: buildAnswers() as Answers };
  it('offers the current terms, several at once', () => {
    expect(fass.legalStatuses.map((s) => s.label)).toEqual([
      'Early Help', 'Child in need (Children Act 1989, section 17)', 'Child protection plan', 'Child looked after under section 20 (voluntary accommodation)',
      'Interim care order or care order', 'Supervision order', 'PLO pre-proceedings', 'Care proceedings', 'Placement order', 'Special guardianship order', 'Private law proceedings',
    ]);
    expect(validateStep('details', { ...buildAnswers().details, legalStatuses: ['cp_plan', 'private_law'] }, ctx).legalStatuses).toEqual(['cp_plan', 'private_law']);
  });

  it('records an unborn child by the expected date, and needs a date of birth or an expected date', () => {
    const { youngestChildDob: _dob, ...about } = buildAnswers().about;
    expect(validateStep('about', { ...about, unbornDueDate: '2027-03-01' }, ctx).unbornDueDate).toBe('2027-03-01');
    expect(() => validateStep('about', about, ctx)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'youngestChildDob' })] }));
    expect(() => validateStep('about', { ...about, unbornDueDate: '2026-01-01' }, ctx)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'unbornDueDate' })] }));
  });
});

describe('the service decides what may go to a duty clinician', () => {
  const notRecommended = (exclusion: string) => buildRequest({ status: 'not_recommended', screening: screen(buildScreeningInput({ exclusions: [exclusion] }), fass) });
  it('does not take a risk of sexual harm to review; other exclusions may be', () => {
    expect(fass.exclusions.find((e) => e.id === 'sexual_harm_risk')!.reviewable).toBe(false);
    expect(mayAskForReview(notRecommended('sexual_harm_risk'), fass)).toBe(false);
    expect(() => withReviewRequested(notRecommended('sexual_harm_risk'), fass, 'A justification long enough to count', '2026-11-30T10:00:00Z')).toThrow('review_not_allowed');
    expect(mayAskForReview(notRecommended('custody_acrimony'), fass)).toBe(true);
  });
});

describe('urgency is used', () => {
  it('escalates an urgent request sooner than a routine one', async () => {
    const { escalationJob } = await import('../../../../src/app/booking/jobs');
    const offer = { id: 'o-1', preferences: [], offeredAt: '2026-11-30T10:00:00.000Z', declines: [] };
    const due = (urgency: string) => escalationJob(buildRequest({ status: 'offered', offer, answers: buildAnswers({ details: { ...buildAnswers().details, urgency } }) }), fass).due;
    expect(due('urgent')).toBe('2026-11-30T14:00:00.000Z');
    expect(due('soon')).toBe('2026-11-30T22:00:00.000Z');
    expect(due('routine')).toBe('2026-12-01T10:00:00.000Z');
  });

  it('lists urgent requests first, then the oldest', async () => {
    const { byUrgency } = await import('../../../../src/app/booking/jobs');
    const at = (urgency: string, submittedAt: string, reference: string) => buildRequest({ reference, submittedAt, answers: buildAnswers({ details: { ...buildAnswers().details, urgency } }) });
    const sorted = [at('routine', '2026-11-01T00:00:00Z', 'A'), at('urgent', '2026-11-03T00:00:00Z', 'B'), at('soon', '2026-11-02T00:00:00Z', 'C'), at('urgent', '2026-11-02T00:00:00Z', 'D')]
      .sort(byUrgency(fass)).map((r) => r.reference);
    expect(sorted).toEqual(['D', 'B', 'A', 'C']);
  });
});

describe('catalogue version', () => {
  it('is fass-2026.2, and every decision records it', () => {
    expect(fass.version).toBe('fass-2026.2');
    expect(screen(buildScreeningInput(), fass).catalogueVersion).toBe('fass-2026.2');
    expect(cataloguesWith('eras').get('fass')!.version).toBe('fass-2026.2');
  });
});
