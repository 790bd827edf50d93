/** Control characters no screen shows: all but tab, line feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g; // eslint-disable-line no-control-regex -- matching control characters is the point
/** Half of a character written as two UTF-16 units (a surrogate without its partner). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A card's values with what no screen can show taken out, before anything reads them: control characters
 * (pasted from elsewhere) become spaces, and a lone surrogate becomes U+FFFD. JSON writes each of those as
 * six characters, so a text of them would take six times its length on every card that shows it; with them
 * gone, no character takes more than two, and the card size limits hold for the longest texts allowed.
 * Only the top level is cleaned: it is all the verbs read.
 */
export function cleanInput(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? cleanText(v) : v]));
}

export const cleanText = (text: string): string => text.replace(CONTROL, ' ').replace(LONE_SURROGATE, '\uFFFD');
