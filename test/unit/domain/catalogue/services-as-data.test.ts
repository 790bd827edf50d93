import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import { screenDocument } from '../../../../src/cli/screen';
import { serviceOfReference } from '../../../../src/domain/catalogue/catalogue';
import { validateStep } from '../../../../src/domain/referral/validate-step';
import { journeyOf } from '../../../../src/domain/referral/steps';
import { toScreeningInput } from '../../../../src/domain/referral/to-screening-input';
import { screen } from '../../../../src/domain/screening/screen';
import { catalogueDirWith, cataloguesWith } from '../../../support/catalogues';

const catalogues = cataloguesWith('eras');
const eras = catalogues.get('eras')!;
const fass = catalogues.get('fass')!;
const ERAS_DOC = {
  service: 'eras', referrer: { role: 'health_visitor' }, family: { localAuthority: 'swindon' }, concerns: ['bonding'], consent: { status: 'obtained' },
};

describe('a service is data: a made-up third service beside FASS, with no code of its own', () => {
  it('asks only the questions its own rules need, in fewer steps', () => {
    const journey = journeyOf(eras);
    expect(journey.steps).toEqual(['about', 'concerns', 'consent', 'details', 'review']);
    expect(journey.fields.about).toEqual(['referrerRole', 'referrerTeam', 'familyName', 'caseNumber', 'youngestChildDob', 'unbornDueDate', 'localAuthority']);
    expect(journeyOf(fass).steps).toEqual(['about', 'exclusions', 'concerns', 'consent', 'details', 'review']);
  });

  it('is screened by its own rules and wording, and records its own catalogue version', () => {
    const run = screenDocument(ERAS_DOC, catalogues);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      outcome: 'eligible', catalogueVersion: 'eras-test-1',
      reasons: [{ criterion: 'bonding', effect: 'supports', text: 'The parent finds it hard to feel close to the baby.' }],
    });
    const outOfArea = JSON.parse(screenDocument({ ...ERAS_DOC, family: { localAuthority: 'oxfordshire' }, referrer: { role: 'other' } }, catalogues).stdout);
    expect(outOfArea.outcome).toBe('cannot_proceed');
    expect(outOfArea.reasons.map((r: { criterion: string; text: string }) => [r.criterion, r.text])).toEqual([
      ['referrer_role', 'ERAS takes requests from health visitors and school nurses.'], ['out_of_area', 'ERAS works in Swindon and Wiltshire only.'],
      ['bonding', 'The parent finds it hard to feel close to the baby.'],
    ]);
  });

  it('takes only its own roles, and none of FASS\'s questions, through npm run screen', () => {
    expect(screenDocument({ ...ERAS_DOC, referrer: { role: 'allocated_social_worker' } }, catalogues)).toMatchObject({ status: 2, stderr: expect.stringContaining('referrer.role') });
    expect(screenDocument({ ...ERAS_DOC, concerns: ['relational_breakdown'] }, catalogues)).toMatchObject({ status: 2, stderr: 'concerns[0]: unknown id "relational_breakdown"\n' });
    const fassDoc = { ...ERAS_DOC, service: 'fass', referrer: { role: 'health_visitor' } };
    expect(screenDocument(fassDoc, catalogues).status).toBe(2);
  });

  it('checks a journey step against its own lists: roles, legal statuses, urgencies', () => {
    const ctx = { catalogue: eras, today: '2026-11-30', answers: {} };
    expect(() => validateStep('details', { helpWith: 'Synthetic help asked for, long enough', legalStatuses: ['early_help'], urgency: 'soon' }, ctx)).not.toThrow();
    expect(() => validateStep('details', { helpWith: 'Synthetic help asked for, long enough', legalStatuses: ['care_proceedings'], urgency: 'urgent' }, ctx))
      .toThrow(expect.objectContaining({ issues: [expect.objectContaining({ field: 'legalStatuses[0]' }), expect.objectContaining({ field: 'urgency' })] }));
  });

  it('maps a complete draft to its own screening document, with nothing of FASS\'s', () => {
    const answers = {
      about: { referrerRole: 'school_nurse', referrerTeam: 'Synthetic team', familyName: 'Synthetic', caseNumber: 'S-1', youngestChildDob: '2025-01-01', localAuthority: 'wiltshire' },
      concerns: { concerns: ['settling'] }, consent: { consentStatus: 'obtained' as const, consentFrom: 'mother' },
      details: { helpWith: 'Synthetic help asked for', legalStatuses: ['none'], urgency: 'routine' },
    };
    const input = toScreeningInput(eras, answers);
    expect(input).toEqual({ service: 'eras', referrer: { role: 'school_nurse' }, family: { localAuthority: 'wiltshire' }, concerns: ['settling'], consent: { status: 'obtained' } });
    expect(screen(input, eras).outcome).toBe('eligible');
  });

  it('finds the service of a reference by its prefix', () => {
    expect(serviceOfReference(catalogues, 'ERAS-2026-0001')).toBe('eras');
    expect(serviceOfReference(catalogues, 'FASS-2026-0001')).toBe('fass');
    expect(serviceOfReference(catalogues, 'NOPE-2026-0001')).toBeUndefined();
  });

  it('refuses at load a catalogue that names a rule that does not exist, or lacks a rule\'s wording, or reuses a prefix', () => {
    const dir = catalogueDirWith('eras');
    const broken = (change: (c: Record<string, unknown>) => void) => {
      const c = JSON.parse(JSON.stringify(eras)) as Record<string, unknown>;
      change(c);
      writeFileSync(join(dir, 'eras.json'), JSON.stringify(c));
      return () => loadCatalogues(dir);
    };
    expect(broken((c) => { (c.screening as { rules: string[] }).rules.push('astrology'); })).toThrow('no rule "astrology"');
    expect(broken((c) => { delete (c.criteria as Record<string, unknown>).out_of_area; })).toThrow('criteria.out_of_area: the catchment rule needs its wording');
    expect(broken((c) => { c.referencePrefix = 'FASS'; })).toThrow('already in force');
    expect(broken((c) => { (c.screening as { rules: string[] }).rules.push('exclusions'); })).toThrow('the exclusions rule needs at least one exclusion');
  });
});
