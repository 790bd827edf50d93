import { spawnSync } from 'node:child_process';
import { buildScreeningInput } from '../support/builders';

/** The screening contract exactly as other tools call it: `npm run --silent screen -- FILE`. */
const screenCli = (file: string, input?: string) =>
  spawnSync('npm', ['run', '--silent', 'screen', '--', file], { input, encoding: 'utf8' });

describe('npm run screen', () => {
  it('prints the explained outcome for a document on stdin', () => {
    const run = screenCli('-', JSON.stringify(buildScreeningInput({ exclusions: ['expert_witness'] })));
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(['outcome', 'reasons', 'catalogueVersion']);
    expect(out.outcome).toBe('not_recommended');
    expect(out.reasons[0]).toEqual({ criterion: 'expert_witness', effect: 'not_recommended', text: expect.stringContaining('expert witness') });
  });

  it('exits 2 naming the field when the input does not fit', () => {
    const run = screenCli('-', JSON.stringify({ ...buildScreeningInput(), consent: { status: 'safeguarding_override' } }));
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('consent.justification');
  });

  it('exits 2 on a file that is not JSON', () => {
    const run = screenCli('package-lock.json.missing');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('input');
  });
});
