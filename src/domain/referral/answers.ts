/**
 * Everything a referrer has answered so far, one object per step. Which questions a step holds depends
 * on the service (see fields.ts): those a service's rules do not need are never asked, so absent.
 */
export interface About {
  referrerRole: string;
  referrerTeam: string;
  familyName: string;
  caseNumber: string;
  /** The youngest child's date of birth, or (for an unborn child) the expected date: at least one of the two. */
  youngestChildDob?: string;
  unbornDueDate?: string;
  openToChildrensSocialCare?: 'yes' | 'no';
  localAuthority?: string;
  significantConcerns?: 'yes' | 'no';
  childrenInParentsCare?: 'yes' | 'no';
}

export interface ExclusionsAnswers {
  exclusions?: string[];
  inCareProceedings?: 'yes' | 'no';
  courtSupportsReunification?: 'yes' | 'no';
  evidenceOfEngagement?: 'yes' | 'no';
}

export interface ConcernsAnswers {
  concerns?: string[];
  /** What "another relational concern" is, in a few words. */
  otherConcern?: string;
}

/** `not_obtained` is the first version's word for `not_yet_sought`: answers saved then still read. */
/** The parent's mental health, as the referrer judges it (the Parental Psychology Service screens properly). */
export interface ParentAnswers {
  parentDifficulties?: string[];
  parentSeverity?: 'mild' | 'moderate' | 'severe';
  inSecondaryMentalHealthCare?: 'yes' | 'no';
  riskToSelf?: 'none' | 'historic' | 'current';
}

export const CONSENT_STATUSES = ['obtained', 'refused', 'not_yet_sought', 'safeguarding_override'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number] | 'not_obtained';

export interface ConsentAnswers {
  consentStatus?: ConsentStatus;
  /** Which parent or carer gave or refused consent: their relationship to the child, never a name. */
  consentFrom?: string;
  justification?: string;
  statutoryPower?: string;
  gdprConditions?: string;
  confidentialityBasis?: string;
  /** The first version's single lawful basis, on answers saved then. */
  lawfulBasis?: string;
  approvedBy?: string;
  familyInformed?: 'yes' | 'no';
  familyNotInformedReason?: string;
  reviewDate?: string;
}

export interface Details {
  helpWith: string;
  /** Every legal status that applies to the children's case. */
  legalStatuses?: string[];
  /** The first version's single legal status, on answers saved then. */
  legalStatus?: string;
  urgency: string;
}

export interface Answers {
  about?: About;
  exclusions?: ExclusionsAnswers;
  concerns?: ConcernsAnswers;
  parent?: ParentAnswers;
  consent?: ConsentAnswers;
  details?: Details;
}
