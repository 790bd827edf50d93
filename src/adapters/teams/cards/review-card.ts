import type { Catalogue } from '../../../domain/catalogue/catalogue';
import type { FieldIssue } from '../../../domain/errors';
import type { Answers } from '../../../domain/referral/answers';
import type { Draft } from '../../../domain/referral/draft';
import { STEPS } from '../../../domain/referral/steps';
import type { ScreeningResult } from '../../../domain/screening/outcome';
import { formatDay } from '../../../domain/time/london';
import { errorRows } from './common';
import { CONSENT_LABELS, LEGAL_STATUS_LABELS, LOCAL_AUTHORITIES, URGENCY_LABELS, YES_NO } from './labels';
import { screeningView } from './reasons';
import { expand, type Card } from './templates';

const fact = (title: string, value: string | undefined) => ({ title, value: value && value.length > 0 ? value : '-' });

/** The referrer's answers as titled groups of facts, in the words of the cards that asked. */
export function answerSections(a: Required<Answers>, catalogue: Catalogue, reader: 'referrer' | 'colleague' = 'referrer') {
  const your = reader === 'referrer' ? 'Your' : "Referrer's";
  const titleOf = (list: readonly { id: string; label: string }[], ids: readonly string[]) =>
    ids.map((id) => list.find((x) => x.id === id)?.label ?? id).join('; ') || 'None';
  const { about, exclusions, concerns, consent, details } = a;
  return [
    { step: 'about', title: reader === 'referrer' ? 'About you and the family' : 'About the referrer and the family', facts: [
      fact(`${your} role`, catalogue.referrerRoles.labels[about.referrerRole]), fact(`${your} team`, about.referrerTeam),
      fact('Family name', about.familyName), fact('Case number', about.caseNumber),
      fact("Youngest child's date of birth", formatDay(about.youngestChildDob)),
      fact('Open to a safeguarding team', YES_NO[about.openToChildrensSocialCare]),
      fact('Local authority', LOCAL_AUTHORITIES.find((l) => l.value === about.localAuthority)?.title ?? about.localAuthority),
    ] },
    { step: 'exclusions', title: 'Who not to refer', facts: [
      fact('Exclusions that apply', titleOf(catalogue.exclusions, exclusions.exclusions)),
      fact('In care proceedings', YES_NO[exclusions.inCareProceedings]),
      ...(exclusions.inCareProceedings === 'yes' ? [
        fact('Court supports reunification', exclusions.courtSupportsReunification && YES_NO[exclusions.courtSupportsReunification]),
        fact('Evidence of engagement', exclusions.evidenceOfEngagement && YES_NO[exclusions.evidenceOfEngagement]),
      ] : []),
    ] },
    { step: 'concerns', title: 'Concerns', facts: [fact('Concerns', titleOf(catalogue.inclusionConcerns, concerns.concerns))] },
    { step: 'consent', title: 'Consent', facts: [
      fact('Consent', CONSENT_LABELS[consent.consentStatus]),
      ...(consent.consentStatus === 'safeguarding_override' ? [
        fact('Grounds', consent.justification), fact('Lawful basis', catalogue.consent.lawfulBases.find((b) => b.id === consent.lawfulBasis)?.label),
        fact('Approved by', consent.approvedBy), fact('Family told', consent.familyInformed && YES_NO[consent.familyInformed]),
        ...(consent.familyInformed === 'no' ? [fact('Why not', consent.familyNotInformedReason)] : []),
        fact('Review date', consent.reviewDate && formatDay(consent.reviewDate)),
      ] : []),
    ] },
    { step: 'details', title: 'What you need', facts: [
      fact('Help with', details.helpWith), fact('Legal status', LEGAL_STATUS_LABELS[details.legalStatus]), fact('Urgency', URGENCY_LABELS[details.urgency]),
    ] },
  ];
}

/** Everything the referrer answered, with an Edit for each part, and what screening would say if sent now. */
export function reviewCard(draft: Draft, preview: ScreeningResult, catalogue: Catalogue, options: { errors?: readonly FieldIssue[]; notice?: string } = {}): Card {
  return expand('review', {
    service: draft.service, draftId: draft.id, version: draft.version,
    serviceShortName: catalogue.referencePrefix, stepNumber: STEPS.length, stepCount: STEPS.length,
    notice: options.notice ?? '', errors: errorRows(options.errors),
    preview: screeningView(preview),
    sections: answerSections(draft.answers as Required<Answers>, catalogue),
  });
}
