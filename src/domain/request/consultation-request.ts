import type { Answers } from '../referral/answers';
import type { Booking, BookingChange, Offer, ReviewDecision } from '../booking/booking';
import type { Episode } from '../episode/episode';
import type { Outcome, ScreeningResult } from '../screening/outcome';

/** Every status a request can be in; the store keeps an index of each (coordinators' queues, retention). */
export const REQUEST_STATUSES = [
  'cannot_proceed', 'not_recommended', 'awaiting_review', 'review_declined',
  'awaiting_booking', 'waitlisted', 'offered', 'booked', 'cancelled', 'no_show', 'completed',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses nothing leads on from: a request in one is kept for its catalogue's retention period, then purged. */
export const FINAL_STATUSES = ['cannot_proceed', 'not_recommended', 'review_declined', 'cancelled', 'no_show', 'completed'] as const satisfies readonly RequestStatus[];
export type FinalStatus = (typeof FINAL_STATUSES)[number];

export type ReviewReason = 'safeguarding_override' | 'special_circumstances' | 'referrer_request';

/** Why a request waits for a duty clinician, and the referrer's case for it when they asked. */
export interface ReviewFlag {
  reasons: ReviewReason[];
  justification?: string;
  requestedAt: string;
}

/** A submitted consultation request: the system of record for everything later issues build on. */
export interface ConsultationRequest {
  reference: string;
  service: string;
  draftId: string;
  ownerId: string;
  /** The answers to the questions the service asked (a step it has no questions for is absent). */
  answers: Answers;
  screening: ScreeningResult;
  status: RequestStatus;
  review?: ReviewFlag;
  /** The duty clinician's decision on a review. */
  decision?: ReviewDecision;
  /** The times the referrer prefers, while clinicians are asked to accept one. */
  offer?: Offer;
  /** The consultation, once a clinician has accepted. */
  booking?: Booking;
  /** When the referrer joined the waitlist (first in, first offered). */
  waitlistedAt?: string;
  /** Earlier bookings that were cancelled, rescheduled or missed, oldest first. */
  changes?: BookingChange[];
  /** The clinician's record of the consultation: the outcome (one of the catalogue's, shared as its next step) and notes (detail, never shared with the network). */
  completion?: { outcome: string; notes: string; by: string; at: string; consultationAt: string };
  /** The latest "next steps" from the clinician: the step (one of the catalogue's, shared) and the text (detail). */
  nextSteps?: { step: string; text: string; by: string; at: string };
  /** Team channels and group chats of the family's professional network that follow this case (a channel's team, whose members can read it). */
  links?: { conversationId: string; kind: 'channel' | 'groupChat'; by: string; at: string; teamId?: string }[];
  /** The course of work opened after the consultation (PPS therapy, or FASS's own intervention), if any. */
  episode?: Episode;
  /** Network members who follow the case in personal chat; `via` is the linked conversation they followed it from. */
  followers?: { userId: string; at: string; via?: string }[];
  /**
   * When the request's times first went to the clinicians and when a clinician first booked it: the offer and
   * the booking themselves are replaced as a request moves on, and the service's reports measure waits from these.
   */
  milestones?: { firstOfferedAt?: string; firstBookedAt?: string };
  submittedAt: string;
  updatedAt: string;
  version: number;
}

const STATUS_BY_OUTCOME: Record<Outcome, RequestStatus> = {
  cannot_proceed: 'cannot_proceed',
  not_recommended: 'not_recommended',
  clinical_review: 'awaiting_review',
  eligible: 'awaiting_booking',
};

export const statusFor = (outcome: Outcome): RequestStatus => STATUS_BY_OUTCOME[outcome];

/** Criteria that always go to a duty clinician, never decided by the rules alone. */
export function automaticReviewReasons(screening: ScreeningResult): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (screening.reasons.some((r) => r.criterion === 'safeguarding_override')) reasons.push('safeguarding_override');
  if (screening.reasons.some((r) => r.criterion === 'care_proceedings_special_circumstances')) reasons.push('special_circumstances');
  return reasons;
}

/** Reference numbers read like FASS-2026-0001: service prefix, year, and a counter that grows past four digits if it must. */
export const formatReference = (prefix: string, year: number, n: number) => `${prefix}-${year}-${String(n).padStart(4, '0')}`;
