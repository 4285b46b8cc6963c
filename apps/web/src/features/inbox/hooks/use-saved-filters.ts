import { useCallback, useState } from 'react';
import { DEFAULT_FILTERS, filtersStorageKey, parseFilters, withoutEmpty, type QueueFilters } from '../queue-filters';

function read(userId: string): QueueFilters {
  try {
    const raw = window.localStorage.getItem(filtersStorageKey(userId));
    return raw === null ? DEFAULT_FILTERS : parseFilters(JSON.parse(raw));
  } catch {
    return DEFAULT_FILTERS;
  }
}

/** The person's chosen filters, kept in this browser's localStorage under their user id (not on the server). */
export function useSavedFilters(userId: string): [QueueFilters, (next: QueueFilters) => void] {
  const [filters, setFilters] = useState<QueueFilters>(() => read(userId));
  const save = useCallback(
    (next: QueueFilters) => {
      const clean = withoutEmpty(next);
      setFilters(clean);
      try {
        window.localStorage.setItem(filtersStorageKey(userId), JSON.stringify(clean));
      } catch {
        // Storage full or disabled: the filters last for this page only.
      }
    },
    [userId],
  );
  return [filters, save];
}
