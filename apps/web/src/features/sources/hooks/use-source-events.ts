import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { realtime } from '../../../lib/socket';
import { sourceKeys } from '../api/source-keys';

/** A source's status changed on the server (backoff, error, recovered): refetch the list that shows it. */
export function useSourceEvents() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const off = realtime.on('source.updated', () => {
      void queryClient.invalidateQueries({ queryKey: sourceKeys.lists() });
    });
    return () => {
      off();
    };
  }, [queryClient]);
}
