/** What a person can type in personal chat, in their own words, mapped to the card action it starts. */
const COMMANDS: readonly { verb: string; phrases: readonly string[] }[] = [
  { verb: 'request.start', phrases: ['request consultation', 'request a consultation', 'request', 'new request', 'new', 'start', 'refer', 'consultation'] },
  { verb: 'draft.resume', phrases: ['resume', 'continue', 'carry on'] },
  { verb: 'draft.cancel', phrases: ['cancel', 'discard', 'stop'] },
  { verb: 'requests.mine', phrases: ['my requests', 'requests', 'status', 'my referrals'] },
  { verb: 'availability.show', phrases: ['my availability', 'availability', 'my times'] },
  { verb: 'roster.show', phrases: ['roster', 'team', 'clinicians'] },
  { verb: 'reviews.show', phrases: ['reviews', 'review queue'] },
  { verb: 'deadletters.show', phrases: ['dead letters', 'undelivered', 'failed messages'] },
  { verb: 'triage.here', phrases: ['triage here', 'use this channel', 'use this channel for triage'] },
  { verb: 'help', phrases: ['help', 'hi', 'hello', 'menu', '?'] },
];

/** Strips Teams mention markup and punctuation so that "@Bot Request consultation!" reads as a command. */
export function normaliseCommand(text: string): string {
  return text.replace(/<at>[^<]*<\/at>/gi, ' ').toLowerCase().replace(/[^a-z? ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The verb a typed message asks for, or undefined when it is not a command. */
export function commandVerb(text: string): string | undefined {
  const said = normaliseCommand(text);
  return COMMANDS.find((c) => c.phrases.includes(said))?.verb;
}
