import type { FieldIssue } from '../../../domain/errors';
import { FIELD_LABELS } from './labels';

/** Field issues as the cards list them: a label a person recognises, and what to do. */
export const errorRows = (issues: readonly FieldIssue[] = []) =>
  issues.map((i) => ({ label: FIELD_LABELS[i.field.replace(/\[\d+\]$/, '')] ?? i.field, message: i.message }));

/** Card inputs are strings; answers hold arrays for multi-selects. This turns answers back into input values. */
export function inputValues(answers: object | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(answers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]));
}

export const choices = (entries: Record<string, string> | readonly { value: string; title: string }[]) =>
  Array.isArray(entries) ? [...entries] : Object.entries(entries).map(([value, title]) => ({ value, title }));
