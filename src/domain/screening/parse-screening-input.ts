import type { CatalogueSet } from '../catalogue/catalogue';
import { DomainError, fieldIssues, type FieldIssue } from '../errors';
import { ScreeningInputSchema, type ScreeningInput } from './screening-input';

function unknownIds(field: 'concerns' | 'exclusions', ids: readonly string[], known: readonly { id: string }[]): FieldIssue[] {
  return ids.flatMap((id, i) =>
    known.some((k) => k.id === id) ? [] : [{ field: `${field}[${i}]`, message: `unknown id "${id}"` }],
  );
}

/**
 * Checks a screening document's shape and that every id it names exists in the service's catalogue.
 * Throws `invalid_input` (or `unknown_service`) naming each offending field.
 */
export function parseScreeningInput(raw: unknown, catalogues: CatalogueSet): ScreeningInput {
  const parsed = ScreeningInputSchema.safeParse(raw);
  if (!parsed.success) throw new DomainError('invalid_input', fieldIssues(parsed.error));
  const input = parsed.data;
  const catalogue = catalogues.get(input.service);
  if (!catalogue) throw new DomainError('unknown_service', [{ field: 'service', message: `unknown service "${input.service}"` }]);
  const issues = [
    ...unknownIds('concerns', input.concerns, catalogue.inclusionConcerns),
    ...unknownIds('exclusions', input.exclusions, catalogue.exclusions),
  ];
  if (issues.length > 0) throw new DomainError('invalid_input', issues);
  return { ...input, concerns: [...new Set(input.concerns)], exclusions: [...new Set(input.exclusions)] };
}
