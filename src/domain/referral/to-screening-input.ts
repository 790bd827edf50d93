import { DomainError } from '../errors';
import type { ScreeningInput } from '../screening/screening-input';
import type { Answers } from './answers';
import { ANSWER_STEPS } from './steps';

/** The steps still to answer before a draft can be screened or submitted. */
export const missingSteps = (answers: Answers) => ANSWER_STEPS.filter((s) => !answers[s]);

/** Maps a complete draft onto the screening contract, so the cards and `npm run screen` share one decision. */
export function toScreeningInput(service: string, answers: Answers): ScreeningInput {
  const { about, exclusions, concerns, consent } = answers;
  if (!about || !exclusions || !concerns || !consent || !answers.details) {
    throw new DomainError('draft_incomplete', missingSteps(answers).map((s) => ({ field: s, message: 'not answered yet' })));
  }
  return {
    service,
    referrer: { role: about.referrerRole },
    family: { openToChildrensSocialCare: about.openToChildrensSocialCare === 'yes', localAuthority: about.localAuthority },
    concerns: concerns.concerns,
    exclusions: exclusions.exclusions,
    careProceedings: {
      inProceedings: exclusions.inCareProceedings === 'yes',
      courtSupportsReunification: exclusions.courtSupportsReunification === 'yes',
      evidenceOfEngagement: exclusions.evidenceOfEngagement === 'yes',
    },
    consent: consent.consentStatus === 'safeguarding_override'
      ? {
        status: 'safeguarding_override',
        justification: consent.justification ?? '',
        lawfulBasis: consent.lawfulBasis,
        approvedBy: consent.approvedBy,
        familyInformed: consent.familyInformed === 'yes',
        familyNotInformedReason: consent.familyNotInformedReason,
        reviewDate: consent.reviewDate,
      }
      : { status: consent.consentStatus },
  };
}
