import { useState } from 'react';
import type { z } from 'zod';
import { useT } from '../i18n/i18n-provider';
import { isApiError } from './api-client';
import { zodFieldErrors, type FieldErrors } from './form-errors';

/**
 * A form's field errors: its own check of the draft, else what the server said about the last attempt.
 * `validate` parses the draft and returns null, showing why, when it is not valid.
 */
export function useFormErrors(mutation: { error: unknown; reset: () => void }) {
  const t = useT();
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});

  const serverError = isApiError(mutation.error) ? mutation.error : null;
  const fieldErrors: FieldErrors = { ...(serverError?.fieldErrors ?? {}), ...clientErrors };

  function validate<T>(schema: z.ZodType<T>, draft: unknown): T | null {
    const parsed = schema.safeParse(draft);
    if (!parsed.success) {
      // The server's answer was about an earlier draft.
      mutation.reset();
      setClientErrors(zodFieldErrors(parsed.error, t));
      return null;
    }
    setClientErrors({});
    return parsed.data;
  }

  return { serverError, fieldErrors, validate };
}
