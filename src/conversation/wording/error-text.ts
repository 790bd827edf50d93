import type { ErrorCode } from '../../domain/errors';

/** What each error code means to the person who clicked, and what they can do: the one place codes become words. */
export const ERROR_TEXT: Record<ErrorCode, { title: string; text: string }> = {
  invalid_input: { title: 'Please check your answers', text: 'Some answers need attention. Nothing was saved.' },
  unknown_service: { title: 'Unknown service', text: 'That service is not one this bot takes requests for. Nothing was changed.' },
  unknown_action: { title: 'That button is not recognised', text: 'It may be from an older version of this card. Nothing was changed. Type **help** to see what you can do.' },
  not_owner: { title: 'This is not your request', text: 'Only the person who started a request can change it. Nothing was changed, and the attempt has been recorded.' },
  draft_not_found: { title: 'No request in progress', text: 'This request was cancelled or has expired. Nothing was changed. You can start a new one.' },
  draft_incomplete: { title: 'Some steps are not answered yet', text: 'Answer every step before you go on. Nothing was sent.' },
  draft_already_submitted: { title: 'Already sent', text: 'This request has already been sent. Type **my requests** to see it.' },
  stale_card: { title: 'This card is out of date', text: 'Nothing was changed. Here is your request as it stands.' },
  request_not_found: { title: 'Request not found', text: 'No request has that reference. Type **my requests** to see yours.' },
  review_not_allowed: { title: 'Review not needed', text: 'Only a request that is not recommended can be sent for duty clinician review. Nothing was changed.' },
  version_conflict: { title: 'Changed meanwhile', text: 'The request was changed in another window at the same time. Nothing was saved from this card: here it is as it stands now.' },
  store_unavailable: { title: 'Temporarily unavailable', text: 'I could not reach the case store, so nothing was saved. Please try again in a minute; your earlier answers are safe.' },
  not_allowed: { title: 'Not something your role can do', text: 'This action is for another role (clinician, coordinator or the referrer). Nothing was changed, and the attempt has been recorded.' },
  slot_taken: { title: 'Already taken', text: 'Another clinician accepted this consultation first. Nothing was changed for you.' },
  clinician_busy: { title: 'You are booked then', text: 'You already have a consultation that overlaps this time (allowing the buffer between consultations). Nothing was changed: pick another time or decline.' },
  outside_availability: { title: 'Not in your published availability', text: 'This time is outside the availability you have published, or in a blackout. Nothing was changed. Type **my availability** to add it.' },
  time_unavailable: { title: 'That time is no longer free', text: 'One of the times was taken or is no longer offered. Nothing was changed: here are the times free now.' },
  request_moved_on: { title: 'This request has moved on', text: 'Someone acted on it since this card was shown. Nothing was changed: here it is as it stands.' },
  consultation_not_started: { title: 'Not started yet', text: 'A missed consultation can be recorded only once its start time has passed. Nothing was changed.' },
  outcome_too_early: { title: 'Not started yet', text: 'The outcome can be recorded once the consultation has started. Nothing was changed.' },
  own_request: { title: 'Not for your own request', text: 'You made this request, so someone else must decide on it or take it. Nothing was changed, and the attempt has been recorded.' },
  too_many_requests: { title: 'Please slow down', text: 'More is arriving from you than I can take just now, so I did nothing with that. Nothing was saved or changed. Wait a few seconds and try again.' },
};
