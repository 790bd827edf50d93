import { appendFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Everything the suite's bots post and log, kept when `npm test` runs (it makes the folder first), so that
 * one last test can read it all for family details. Ad hoc runs without the folder keep nothing.
 */
export const TRANSCRIPT_DIR = resolve(__dirname, '../../test-results/transcripts');

export function record(kind: 'post' | 'log', entry: unknown): void {
  if (!existsSync(TRANSCRIPT_DIR)) return;
  appendFileSync(join(TRANSCRIPT_DIR, `${kind}-${process.pid}.jsonl`), `${JSON.stringify(entry)}\n`);
}

/** A post the bot made: where, and what it showed (text and cards) and previewed in notifications (its summary). */
export const recordPost = (conversationId: string, body: { text?: unknown; attachments?: unknown; summary?: unknown }) =>
  record('post', { conversationId, text: body.text, attachments: body.attachments, summary: body.summary });

export const recordLog = (line: string) => record('log', line);
