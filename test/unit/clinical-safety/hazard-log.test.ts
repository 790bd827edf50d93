import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The clinical safety case's hazard log (docs/clinical-safety/hazard-log.yaml) is held to what it claims:
 * every hazard has a control, every test control names a test that exists, and a hazard is closed only
 * when its residual risk is acceptable on the DCB0129 matrix.
 */
const ROOT = resolve(__dirname, '../../..');
const SEVERITY = ['Minor', 'Significant', 'Considerable', 'Major', 'Catastrophic'] as const;
const LIKELIHOOD = ['Very low', 'Low', 'Medium', 'High', 'Very high'] as const;
/** DCB0129's 5x5 matrix: rows by likelihood (Very low first), columns by severity (Minor first); 1-2 acceptable. */
const MATRIX = [
  [1, 1, 2, 2, 3],
  [1, 2, 2, 3, 4],
  [2, 2, 3, 3, 4],
  [2, 3, 3, 4, 5],
  [3, 4, 4, 5, 5],
];
const Risk = z.object({ severity: z.enum(SEVERITY), likelihood: z.enum(LIKELIHOOD) });
const Control = z.discriminatedUnion('type', [
  z.object({ type: z.literal('test'), file: z.string().min(1), title: z.string().min(1) }),
  z.object({ type: z.enum(['design', 'training', 'process']), text: z.string().min(10) }),
]);
const Hazard = z.object({
  id: z.string().regex(/^H\d{2,}$/), title: z.string().min(5), description: z.string().min(10), causes: z.array(z.string()).min(1),
  effect: z.string().min(5), harm: z.string().min(5), existing_controls: z.array(z.string()),
  initial: Risk, controls: z.array(Control), residual: Risk, status: z.enum(['open', 'closed', 'transferred']), owner: z.string().min(3),
});
const Log = z.object({ version: z.unknown(), matrix: z.literal('dcb0129-5x5'), hazards: z.array(Hazard).min(1) });

export const rating = (r: z.infer<typeof Risk>) => MATRIX[LIKELIHOOD.indexOf(r.likelihood)]![SEVERITY.indexOf(r.severity)]!;
const log = Log.parse(parse(readFileSync(resolve(ROOT, 'docs/clinical-safety/hazard-log.yaml'), 'utf8')));
/** A test file's source with escaped quotes read as the title a person reads. */
const source = (file: string) => readFileSync(resolve(ROOT, file), 'utf8').replace(/\\'/g, '\'');

describe('the hazard log', () => {
  it('has unique ids and the shape of a DCB0129 hazard for every entry', () => {
    expect(new Set(log.hazards.map((h) => h.id)).size).toBe(log.hazards.length);
  });

  it.each(log.hazards.map((h) => [h.id, h] as const))('%s has at least one control', (_id, hazard) => {
    expect(hazard.controls.length).toBeGreaterThan(0);
  });

  const tests = log.hazards.flatMap((h) => h.controls.filter((c) => c.type === 'test').map((c) => [h.id, c.file, c.title] as const));
  it.each(tests)('%s: %s has a test titled "%s"', (_id, file, title) => {
    expect(existsSync(resolve(ROOT, file))).toBe(true);
    const text = source(file);
    expect([`it('${title}'`, `it("${title}"`, `it(\`${title}\``, `)('${title}'`, `test('${title}'`].some((form) => text.includes(form))).toBe(true);
  });

  it.each(log.hazards.filter((h) => h.status === 'closed').map((h) => [h.id, h] as const))('%s is closed with its residual risk acceptable', (_id, hazard) => {
    expect(rating(hazard.residual)).toBeLessThanOrEqual(2);
    expect(hazard.controls.some((c) => c.type === 'test')).toBe(true);
  });

  it('never rates a residual risk above the initial one', () => {
    for (const h of log.hazards) expect(rating(h.residual)).toBeLessThanOrEqual(rating(h.initial));
  });

  it('holds every hazard the clinical safety issue names', () => {
    const titles = log.hazards.map((h) => h.title.toLowerCase());
    for (const words of [
      'criterion encoded wrongly', 'wrongly steered away', 'urgent safeguarding situation treated as routine', 'personal data disclosed',
      'told is saved is lost', 'double-booked', 'clock change', 'reminder not sent', 'override used without grounds', 'wrong lawful basis',
      'criteria out of date', 'acting as another person', 'wrong conversation', 'self-harm answer',
    ]) expect(titles.some((t) => t.includes(words))).toBe(true);
  });

  it('reads the matrix as DCB0129 does: a catastrophic harm is acceptable only if very unlikely to happen at all', () => {
    expect(rating({ severity: 'Catastrophic', likelihood: 'Very low' })).toBe(3);
    expect(rating({ severity: 'Major', likelihood: 'Very low' })).toBe(2);
    expect(rating({ severity: 'Minor', likelihood: 'Very high' })).toBe(3);
  });
});
