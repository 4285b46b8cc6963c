import type { MeResponse } from '@dengar/contracts';
import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Toaster } from '../components/toaster';
import { authKeys } from '../features/auth/api/auth-keys';
import { forgetSession } from '../features/auth/api/forget-session';
import { I18nProvider, useT } from '../i18n/i18n-provider';
import { setApiClientHandlers } from '../lib/api-client';
import { errorMessage } from '../lib/error-message';
import { pushToast } from '../lib/toast-store';

export function AppProvider({ queryClient, children }: { queryClient: QueryClient; children: ReactNode }) {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <ApiClientBridge />
        {children}
        <Toaster />
      </QueryClientProvider>
    </I18nProvider>
  );
}

/**
 * Connects the API client's edges to the app: an expired session forgets the user (the frame then sends them
 * to sign in) and an error nobody shows inline becomes a toast in the person's language.
 */
function ApiClientBridge() {
  const t = useT();
  const queryClient = useQueryClient();
  useEffect(() => {
    setApiClientHandlers({
      onUnauthorized: () => {
        const wasSignedIn = queryClient.getQueryData<MeResponse | null>(authKeys.me()) != null;
        forgetSession(queryClient);
        if (wasSignedIn) pushToast('info', t('signIn.ended.expired'));
      },
      onError: (error) => {
        pushToast('error', errorMessage(error, t));
      },
    });
  }, [queryClient, t]);
  return null;
}
