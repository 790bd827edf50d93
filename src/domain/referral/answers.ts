/**
 * Everything a referrer has answered so far, one object per step. Which questions a step holds depends
 * on the service (see fields.ts): those a service's rules do not need are never asked, so absent.
 */
export interface About {
  referrerRole: string;
  referrerTeam: string;
  familyName: string;
  caseNumber: string;
  youngestChildDob: string;
  openToChildrensSocialCare?: 'yes' | 'no';
  localAuthority?: string;
}

export interface ExclusionsAnswers {
  exclusions?: string[];
  inCareProceedings?: 'yes' | 'no';
  courtSupportsReunification?: 'yes' | 'no';
  evidenceOfEngagement?: 'yes' | 'no';
}

export interface ConcernsAnswers {
  concerns?: string[];
}

export const CONSENT_STATUSES = ['obtained', 'not_obtained', 'safeguarding_override'] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

export interface ConsentAnswers {
  consentStatus?: ConsentStatus;
  justification?: string;
  lawfulBasis?: string;
  approvedBy?: string;
  familyInformed?: 'yes' | 'no';
  familyNotInformedReason?: string;
  reviewDate?: string;
}

export interface Details {
  helpWith: string;
  legalStatus: string;
  urgency: string;
}

export interface Answers {
  about?: About;
  exclusions?: ExclusionsAnswers;
  concerns?: ConcernsAnswers;
  consent?: ConsentAnswers;
  details?: Details;
}
