import type { Translate } from '../../i18n/i18n-provider';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';

/** What the sign-in form says when signing in failed. */
export function loginFailureMessage(error: unknown, t: Translate): string {
  if (isApiError(error)) {
    if (error.status === 401) return t('signIn.wrongCredentials');
    if (error.status === 429) {
      return error.retryAfterSec != null
        ? t('signIn.tooMany', { seconds: error.retryAfterSec })
        : t('signIn.tooManyNoTime');
    }
    if (error.status === 400 && error.hasFieldErrors) return t('errors.formTitle');
  }
  return errorMessage(error, t);
}
