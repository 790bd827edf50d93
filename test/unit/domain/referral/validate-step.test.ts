import { loadCatalogues } from '../../../../src/adapters/catalogue/load-catalogues';
import type { DomainError } from '../../../../src/domain/errors';
import type { Answers } from '../../../../src/domain/referral/answers';
import { validateStep, type StepContext } from '../../../../src/domain/referral/validate-step';
import type { AnswerStep } from '../../../../src/domain/referral/steps';
import { buildAnswers } from '../../../support/builders';

const ctx = (answers: Answers = {}): StepContext => ({ catalogue: loadCatalogues().get('fass')!, today: '2026-11-23', answers });
const issues = (step: AnswerStep, raw: unknown, c = ctx()) => {
  try {
    validateStep(step, raw, c);
    return [];
  } catch (e) {
    return (e as DomainError).issues.map((i) => i.field);
  }
};

describe('validating a step', () => {
  it('accepts complete answers for every step', () => {
    const a = buildAnswers();
    for (const step of ['about', 'exclusions', 'concerns', 'consent', 'details'] as const) expect(issues(step, a[step], ctx(a))).toEqual([]);
  });

  it('refuses a date of birth in the future', () => {
    expect(issues('about', { ...buildAnswers().about, youngestChildDob: '2026-11-24' })).toEqual(['youngestChildDob']);
  });

  it('refuses ids that are not in the catalogue', () => {
    expect(issues('exclusions', { exclusions: ['made_up'], inCareProceedings: 'no' })).toEqual(['exclusions']);
    expect(issues('concerns', { concerns: ['relational_breakdown', 'nope'] })).toEqual(['concerns']);
  });

  it('asks about court support and engagement only when in care proceedings', () => {
    expect(issues('exclusions', { exclusions: [], inCareProceedings: 'yes' })).toEqual(['courtSupportsReunification', 'evidenceOfEngagement']);
    expect(issues('exclusions', { exclusions: [], inCareProceedings: 'no' })).toEqual([]);
  });

  it('requires every part of a safeguarding override, and a reason when the family was not told', () => {
    expect(issues('consent', { consentStatus: 'safeguarding_override', familyInformed: 'no', reviewDate: '2026-11-22' }))
      .toEqual(['justification', 'statutoryPower', 'gdprConditions', 'confidentialityBasis', 'approvedBy', 'familyNotInformedReason', 'reviewDate']);
    expect(issues('consent', {
      consentStatus: 'safeguarding_override', justification: 'Seeking consent would place the children at risk', statutoryPower: 'children_act_1989_s47',
      gdprConditions: 'art6_1e_art9_2g_sch1_para18', confidentialityBasis: 'overriding_public_interest',
      approvedBy: 'Team manager', familyInformed: 'yes', reviewDate: '2026-11-23',
    })).toEqual([]);
  });

  it('keeps the legal status consistent with the care proceedings answer', () => {
    const inProceedings = ctx({ exclusions: { exclusions: [], inCareProceedings: 'yes', courtSupportsReunification: 'yes', evidenceOfEngagement: 'yes' } });
    expect(issues('details', { ...buildAnswers().details, legalStatuses: ['cp_plan'] }, inProceedings)).toEqual(['legalStatuses']);
    expect(issues('details', { ...buildAnswers().details, legalStatuses: ['cp_plan', 'care_proceedings'] }, inProceedings)).toEqual([]);
    expect(issues('details', { ...buildAnswers().details, legalStatuses: ['care_proceedings'] }, ctx(buildAnswers()))).toEqual(['legalStatuses']);
  });

  it('bounds free text', () => {
    expect(issues('details', { ...buildAnswers().details, helpWith: 'x'.repeat(2001) })).toEqual(['helpWith']);
    expect(issues('details', { ...buildAnswers().details, helpWith: 'short' })).toEqual(['helpWith']);
  });
});
