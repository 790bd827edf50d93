import { z } from 'zod';
import type { CatalogueSet } from '../catalogue/catalogue';
import { DomainError, fieldIssues } from '../errors';
import { rulesOf } from './screen';
import { mergeShapes, schemaOf, type ScreeningInput } from './screening-input';

const ServiceSchema = z.object({ service: z.string().min(1) });

/**
 * Checks a screening document's shape for its service (the parts its catalogue's rules read) and that
 * every id it names exists in the catalogue. Throws `invalid_input` (or `unknown_service`) naming each
 * offending field.
 */
export function parseScreeningInput(raw: unknown, catalogues: CatalogueSet): ScreeningInput {
  const head = ServiceSchema.safeParse(raw);
  if (!head.success) throw new DomainError('invalid_input', fieldIssues(head.error));
  const catalogue = catalogues.get(head.data.service);
  if (!catalogue) throw new DomainError('unknown_service', [{ field: 'service', message: `unknown service "${head.data.service}"` }]);
  const rules = rulesOf(catalogue);
  const parsed = schemaOf(mergeShapes([{ service: z.string().min(1) }, ...rules.map((r) => r.input(catalogue))])).safeParse(raw);
  if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
  const input = parsed.data as unknown as ScreeningInput;
  const issues = rules.flatMap((r) => r.knownIds?.(input, catalogue) ?? []);
  if (issues.length > 0) throw new DomainError('invalid_input', issues);
  // A list that names an id twice counts it once.
  const unique = Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? [...new Set(v)] : v]);
  return Object.fromEntries(unique) as ScreeningInput;
}
