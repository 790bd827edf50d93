import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { screenDocument } from '../../../../src/cli/screen';
import { journeyOf } from '../../../../src/domain/referral/steps';
import { urgentAdvice } from '../../../../src/domain/screening/screen';

/** The Parental Psychology Service's screening contract, exactly as issue 13 states it, through `npm run screen`'s function. */
const catalogues = loadCatalogues();
const pps = catalogues.get('pps')!;
const doc = (over: Record<string, unknown> = {}, parent: Record<string, unknown> = {}) => ({
  service: 'pps', referrer: { role: 'allocated_social_worker' }, family: { openToChildrensSocialCare: true, localAuthority: 'oxfordshire' },
  parent: { difficulties: ['anxiety', 'depression'], severity: 'moderate', inSecondaryMentalHealthCare: false, riskToSelf: 'none', ...parent },
  consent: { status: 'obtained' }, ...over,
});
const out = (d: object) => {
  const run = screenDocument(d, catalogues);
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as { outcome: string; reasons: { criterion: string; effect: string }[]; catalogueVersion: string };
};
const pairs = (d: object) => out(d).reasons.map((r) => `${r.criterion}:${r.effect}`);

describe('screening a Parental Psychology Service referral', () => {
  it('is eligible for moderate difficulties, each difficulty listed in support', () => {
    expect(out(doc())).toMatchObject({ outcome: 'eligible', catalogueVersion: 'pps-2026.1' });
    expect(pairs(doc())).toEqual(['anxiety:supports', 'depression:supports']);
  });

  it.each([
    ['referrer_role', doc({ referrer: { role: 'mental_health_practitioner' } })],
    ['not_open_to_social_care', doc({ family: { openToChildrensSocialCare: false, localAuthority: 'oxfordshire' } })],
    ['out_of_area', doc({ family: { openToChildrensSocialCare: true, localAuthority: 'wiltshire' } })],
    ['consent_not_obtained', doc({ consent: { status: 'refused' } })],
    ['consent_not_obtained', doc({ consent: { status: 'not_yet_sought' } })],
    ['therapy_needs_consent', doc({ consent: { status: 'safeguarding_override' } })],
  ])('cannot proceed on %s, and then lists no difficulty in support', (criterion, d) => {
    expect(out(d).outcome).toBe('cannot_proceed');
    expect(pairs(d)).toEqual([`${criterion}:cannot_proceed`]);
  });

  it.each([
    ['severity_below_threshold', doc({}, { severity: 'mild' })],
    ['no_presenting_difficulty', doc({}, { difficulties: [] })],
  ])('is not recommended on %s', (criterion, d) => {
    expect(out(d).outcome).toBe('not_recommended');
    expect(pairs(d)).toEqual([`${criterion}:not_recommended`]);
  });

  it.each([
    ['severity_above_threshold', doc({}, { severity: 'severe' })],
    ['already_in_specialist_care', doc({}, { inSecondaryMentalHealthCare: true })],
    ['current_risk_to_self', doc({}, { riskToSelf: 'current' })],
  ])('goes to clinical review on %s, still listing the difficulties in support', (criterion, d) => {
    expect(out(d).outcome).toBe('clinical_review');
    expect(pairs(d)).toEqual([`${criterion}:clinical_review`, 'anxiety:supports', 'depression:supports']);
  });

  it('lists every criterion triggered, the most severe deciding', () => {
    const d = doc({ consent: { status: 'refused' } }, { severity: 'severe', riskToSelf: 'current' });
    expect(out(d).outcome).toBe('cannot_proceed');
    expect(pairs(d)).toEqual(['consent_not_obtained:cannot_proceed', 'severity_above_threshold:clinical_review', 'current_risk_to_self:clinical_review']);
  });

  it('takes a past risk to self as no bar', () => {
    expect(out(doc({}, { riskToSelf: 'historic' })).outcome).toBe('eligible');
  });

  it.each([
    ['parent.severity', doc({}, { severity: 'extreme' })],
    ['parent.riskToSelf', doc({}, { riskToSelf: 'yes' })],
    ['parent.inSecondaryMentalHealthCare', doc({}, { inSecondaryMentalHealthCare: 'no' })],
    ['parent.difficulties[1]', doc({}, { difficulties: ['anxiety', 'insomnia'] })],
    ['parent.difficulties', doc({}, { difficulties: undefined })],
    ['consent.status', doc({ consent: { status: 'maybe' } })],
    ['referrer.role', doc({ referrer: { role: 'gp' } })],
    ['family.openToChildrensSocialCare', doc({ family: { localAuthority: 'oxfordshire' } })],
  ])('exits 2 naming %s for a wrong type, an unknown id or a missing field', (field, d) => {
    const run = screenDocument(d, catalogues);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(new RegExp(`^${field.replace(/[[\].]/g, '\\$&')}: `));
  });

  it('words what is ours as local policy, and the rest from the service\'s description', () => {
    expect(pps.criteria.therapy_needs_consent!.source).toBe('local policy');
    expect(pps.criteria.not_open_to_social_care!.source).toBe('service');
    expect(pps.criteria.not_open_to_social_care!.text).toBe('The service would be accountable for the parents\' mental health psychological treatment whilst the case was open to social care.');
  });

  it('asks the parent\'s questions in their own step, and no override: therapy needs the parent\'s agreement', () => {
    const journey = journeyOf(pps);
    expect(journey.steps).toEqual(['about', 'parent', 'consent', 'details', 'review']);
    expect(journey.fields.parent).toEqual(['parentDifficulties', 'parentSeverity', 'inSecondaryMentalHealthCare', 'riskToSelf']);
    expect(journey.fields.consent).toEqual(['consentStatus', 'consentFrom']);
  });

  it('gives the urgent advice the moment a current risk to self is answered', () => {
    expect(urgentAdvice(pps, { parent: { riskToSelf: 'current' } })).toEqual([expect.stringContaining('NHS 111 and choose option 2')]);
    expect(urgentAdvice(pps, { parent: { riskToSelf: 'historic' } })).toEqual([]);
    expect(urgentAdvice(pps, { parent: { riskToSelf: 'current' } })[0]).toContain('call 999');
  });
});
