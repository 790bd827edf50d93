import { readFileSync } from 'node:fs';
import { isDomainError } from '../domain/errors';

/** What a document command prints and how it exits. */
export interface DocumentRun {
  status: 0 | 2;
  stdout: string;
  stderr: string;
}

/** Runs `work` on a parsed document: its JSON answer on stdout, or, for input that does not fit, each field on stderr and exit 2. */
export function answerDocument(work: () => object): DocumentRun {
  try {
    return { status: 0, stdout: `${JSON.stringify(work(), null, 2)}\n`, stderr: '' };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { status: 2, stdout: '', stderr: e.issues.map((issue) => `${issue.field}: ${issue.message}\n`).join('') };
  }
}

/**
 * `npm run --silent NAME -- FILE` (FILE may be `-` for standard input): reads one JSON document, hands it to `run`
 * and prints what it answers. A missing or extra argument, or a file that is not JSON, exits 2 saying so.
 */
export function documentCommand(name: string, argv: readonly string[], run: (raw: unknown) => DocumentRun): number {
  const file = argv[0];
  if (!file || argv.length > 1) {
    process.stderr.write(`usage: npm run --silent ${name} -- FILE   (FILE may be - for standard input)\n`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (e) {
    process.stderr.write(`input: ${e instanceof SyntaxError ? 'not valid JSON' : 'cannot be read'} (${(e as Error).message})\n`);
    return 2;
  }
  const answer = run(raw);
  process.stdout.write(answer.stdout);
  process.stderr.write(answer.stderr);
  return answer.status;
}
