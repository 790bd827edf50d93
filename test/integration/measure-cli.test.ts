import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The measures contract exactly as other tools call it: `npm run --silent measure -- FILE`. */
const measureCli = (file: string, input?: string) =>
  spawnSync('npm', ['run', '--silent', 'measure', '--', file], { input, encoding: 'utf8' });
const onStdin = (doc: unknown) => measureCli('-', JSON.stringify(doc));

describe('npm run measure', () => {
  it('prints one scored questionnaire, byte for byte', () => {
    const run = onStdin({ instrument: 'phq9', items: [1, 2, 3, 0, 1, 2, 0, 1, 1] });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`{
  "instrument": "phq9",
  "total": 11,
  "band": "moderate",
  "caseness": true,
  "flags": [
    "self_harm_thoughts"
  ]
}
`);
  });

  it('prints a comparison, byte for byte', () => {
    const run = onStdin({ instrument: 'gad7', before: [2, 2, 2, 2, 1, 1, 1], after: [1, 1, 0, 0, 1, 0, 1] });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`{
  "instrument": "gad7",
  "before": {
    "total": 11,
    "band": "moderate",
    "caseness": true
  },
  "after": {
    "total": 4,
    "band": "minimal",
    "caseness": false
  },
  "change": -7,
  "reliable_improvement": true,
  "reliable_deterioration": false,
  "recovered": true,
  "reliable_recovery": true
}
`);
  });

  it('reads a file as well as standard input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'measure-'));
    try {
      const file = join(dir, 'gad7.json');
      writeFileSync(file, JSON.stringify({ instrument: 'gad7', items: [0, 0, 0, 0, 0, 0, 0] }));
      const run = measureCli(file);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ instrument: 'gad7', total: 0, band: 'minimal', caseness: false, flags: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a wrong item count', { instrument: 'phq9', items: [0, 0, 0, 0, 0, 0, 0, 0] }, 'items: PHQ-9 has exactly 9 items, got 8\n'],
    ['an item outside 0..3', { instrument: 'gad7', items: [0, 0, 0, 0, 4, 0, 0] }, 'items[4]: 4 is not an answer: each item is a whole number from 0 to 3\n'],
    ['an item that is not an integer', { instrument: 'phq9', items: [0, 0, 0, 0, 2.5, 0, 0, 0, 0] }, 'items[4]: 2.5 is not an answer: each item is a whole number from 0 to 3\n'],
    ['a bad item in a pair', { instrument: 'gad7', before: [0, 0, -1, 0, 0, 0, 0], after: [0, 0, 0, 0, 0, 0, 0] }, 'before[2]: -1 is not an answer: each item is a whole number from 0 to 3\n'],
    ['an unknown instrument', { instrument: 'phq8', items: [0, 0, 0, 0, 0, 0, 0, 0] }, 'instrument: unknown instrument "phq8": expected "phq9" or "gad7"\n'],
  ])('exits 2 naming the field for %s, printing nothing on stdout', (_case, doc, stderr) => {
    const run = onStdin(doc);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(stderr);
  });

  it('exits 2 on input that is not JSON, and on a missing file', () => {
    const notJson = measureCli('-', '{"instrument": "phq9", items: ');
    expect(notJson.status).toBe(2);
    expect(notJson.stdout).toBe('');
    expect(notJson.stderr).toMatch(/^input: not valid JSON/);
    const missing = measureCli('no-such-measure.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^input: cannot be read/);
  });
});
