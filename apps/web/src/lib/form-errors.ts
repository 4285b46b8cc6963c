import type { z } from 'zod';
import type { Translate } from '../i18n/i18n-provider';
import type { ApiError } from './api-client';

export type FieldErrors = Record<string, string>;

/** The first problem per field of a failed client-side parse, in the person's language. */
export function zodFieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (path === '' || out[path] !== undefined) continue;
    out[path] = issueMessage(issue, t);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  switch (issue.code) {
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.minLength', { min: Number(issue.minimum) });
      }
      if (issue.origin === 'number') return t('validation.min', { min: Number(issue.minimum) });
      return t('validation.invalid');
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max: Number(issue.maximum) });
      if (issue.origin === 'number') return t('validation.max', { max: Number(issue.maximum) });
      return t('validation.invalid');
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return t('validation.wholeNumber');
      return issue.input === undefined ? t('validation.required') : t('validation.invalid');
    case 'invalid_value':
      return issue.input === undefined || issue.input === '' ? t('validation.required') : t('validation.invalid');
    default:
      return t('validation.invalid');
  }
}

/** For `silent` on a form's write: the form shows field problems and conflicts itself, anything else is a toast. */
export function shownByForm(error: ApiError): boolean {
  return error.hasFieldErrors || error.status === 409;
}
