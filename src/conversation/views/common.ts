import type { FieldIssue } from '../../domain/errors';
import { FIELD_LABELS } from '../wording/labels';

/** A button: the verb it runs and the data it carries (the person's inputs on the screen go with it). */
export interface ActionView {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** A labelled value. */
export interface Fact {
  title: string;
  value: string;
}

/** A problem with what was entered, as the screens list it. */
export interface ErrorRow {
  label: string;
  message: string;
}

/** A choice in a list. */
export interface Choice {
  value: string;
  title: string;
}

export type { NameOf } from '../../ports/people';

/** Field issues as the screens list them: a label a person recognises, and what to do. */
export const errorRows = (issues: readonly FieldIssue[] = []): ErrorRow[] =>
  issues.map((i) => ({ label: FIELD_LABELS[i.field.replace(/\[\d+\]$/, '')] ?? i.field, message: i.message }));

/** Inputs are strings; answers hold arrays for multi-selects. This turns answers back into input values. */
export function inputValues(answers: object | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(answers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : String(v ?? '')]));
}

export const choices = (list: readonly { id: string; label: string }[]): Choice[] => list.map((x) => ({ value: x.id, title: x.label }));
