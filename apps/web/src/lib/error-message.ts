import type { Translate } from '../i18n/i18n-provider';
import { isApiError } from './api-client';

/** A sentence a person can act on, in their language where we know the case, else the server's own words. */
export function errorMessage(error: unknown, t: Translate): string {
  if (!isApiError(error)) return t('errors.generic');
  if (error.code === 'NETWORK') return t('errors.network');
  if (error.code === 'BAD_RESPONSE') return t('errors.badResponse');
  if (error.status >= 500) return t('errors.server');
  if (error.message !== '') return error.message;
  if (error.status === 403) return t('errors.forbidden');
  if (error.status === 404) return t('errors.notFound');
  return t('errors.generic');
}
