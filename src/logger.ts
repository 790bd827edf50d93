import pino, { type Logger } from 'pino';

/**
 * Structured logs carry case references, verbs and error codes only. Redaction is the safety net for
 * anything that slips in: activity text, card values, names, and every free-text field of a request.
 */
const REDACT = [
  'text', '*.text', 'value', '*.value', 'name', '*.name', 'from', '*.from', 'recipient', '*.recipient',
  'answers', '*.answers', 'familyName', '*.familyName', 'helpWith', '*.helpWith', 'justification', '*.justification',
  'approvedBy', '*.approvedBy', 'youngestChildDob', '*.youngestChildDob', 'caseNumber', '*.caseNumber', 'data', '*.data',
  'req.headers.authorization', 'headers.authorization',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { svc: 'consultation-bot' }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination as pino.DestinationStream) : pino(options);
}

export type { Logger };
