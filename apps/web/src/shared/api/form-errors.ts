// Puts a problem's field errors (`errors[].pointer` like /body/username or /querystring/from) on the
// matching form fields.
import type { FormInstance } from 'antd';
import { ApiError } from './client.ts';

type NamePath = (string | number)[];
export type FieldErrors = { fields: { name: NamePath; errors: string[] }[]; unplaced: number };

/** `/body/participants/0/userId` → ['participants', 0, 'userId']; null for pointers outside body or query. */
export function fieldPathOf(pointer: string): NamePath | null {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  if ((parts[0] !== 'body' && parts[0] !== 'querystring') || parts.length < 2) return null;
  return parts.slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The error's field errors grouped by the form field they belong to; `unplaced` counts the rest. */
export function fieldErrorsOf(form: FormInstance, error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return { fields: [], unplaced: 0 };
  const registered = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  let unplaced = 0;
  for (const fieldError of error.problem.errors) {
    const name = fieldPathOf(fieldError.pointer);
    if (!name || !registered.has(String(name[0]))) {
      unplaced++;
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(fieldError.detail);
    byField.set(key, entry);
  }
  return { fields: [...byField.values()], unplaced };
}

/** Shows field errors on the form; true when every one found its field. */
export function applyProblemToForm(form: FormInstance, error: unknown): boolean {
  const { fields, unplaced } = fieldErrorsOf(form, error);
  form.setFields(fields);
  return fields.length > 0 && unplaced === 0;
}
