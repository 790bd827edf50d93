import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYNTHETIC } from '../support/builders';
import { TRANSCRIPT_DIR } from '../support/transcript';

/**
 * Runs last in `npm test`: reads every post the suite's bots made to a channel or group chat, and every
 * line they logged, and looks for the synthetic family details the fixtures use. None may appear.
 */
const FAMILY = [
  SYNTHETIC.familyName, SYNTHETIC.caseNumber, SYNTHETIC.youngestChildDob, '28 February 2019', SYNTHETIC.approvedBy,
  'MARKER-', 'Demo Family Ashgrove', 'Demo Family Birchwood', 'DEMO-1001', 'DEMO-1002', 'Synthetic Locality Team',
];
/** Logs carry no personal data at all: not even the professionals' names the test users have. */
const IN_LOGS_TOO = [...FAMILY, 'Synthetic Referrer', 'Synthetic Social Worker', 'Synthetic Clinician', 'Synthetic GP', 'Synthetic Coordinator'];

function read(kind: 'post' | 'log'): unknown[] {
  if (!existsSync(TRANSCRIPT_DIR)) return [];
  return readdirSync(TRANSCRIPT_DIR).filter((f) => f.startsWith(`${kind}-`))
    .flatMap((f) => readFileSync(join(TRANSCRIPT_DIR, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown));
}

const isShared = (conversationId: string) => !/personal/.test(conversationId);

/** A notification preview: a case reference and what happened, in a few plain words. */
const SUMMARY = /^[A-Z]{2,8}-\d{4}-\d{4,}: [a-z0-9 ,]+$/;

describe('no family details in what the suite posted to shared conversations or logged', () => {
  const posts = read('post') as { conversationId: string; text?: unknown; attachments?: unknown; summary?: unknown }[];
  const summaries = posts.filter((p) => p.summary !== undefined).map((p) => p.summary);
  const shared = posts.filter((p) => isShared(p.conversationId));
  const logs = read('log') as string[];

  it('saw the whole suite (run through npm test)', () => {
    expect(shared.length).toBeGreaterThan(200);
    expect(logs.length).toBeGreaterThan(1000);
  });

  it.each(FAMILY)('no post to a channel or group chat contains %s', (marker) => {
    const hits = shared.filter((p) => JSON.stringify([p.text, p.attachments]).includes(marker));
    expect(hits.map((h) => h.conversationId)).toEqual([]);
  });

  // A preview shows on a lock screen or in an activity feed, wherever the message went: personal chats too.
  it('saw the previews of the messages the bots sent unprompted', () => {
    expect(summaries.length).toBeGreaterThan(50);
  });

  it('every preview, in any conversation, is a case reference and what happened', () => {
    expect(summaries.filter((s) => typeof s !== 'string' || !SUMMARY.test(s))).toEqual([]);
  });

  it.each(IN_LOGS_TOO)('no preview, in any conversation, contains %s', (marker) => {
    expect(summaries.filter((s) => String(s).includes(marker))).toEqual([]);
  });

  it.each(IN_LOGS_TOO)('no log line contains %s', (marker) => {
    expect(logs.filter((l) => l.includes(marker))).toEqual([]);
  });

  it('did check personal chats carry the detail (the scan would see it if it leaked)', () => {
    expect(posts.some((p) => !isShared(p.conversationId) && JSON.stringify(p.attachments ?? '').includes(SYNTHETIC.familyName))).toBe(true);
  });
});
