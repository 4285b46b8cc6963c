import { UserPageSchema, type Page, type User } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { userKeys, type UserListFilters } from './user-keys';

export const USERS_PAGE_SIZE = 50;

export function getUsers(
  filters: UserListFilters & { cursor?: string | null; limit?: number },
  signal?: AbortSignal,
): Promise<Page<User>> {
  return apiRequest('/users', UserPageSchema, {
    query: {
      limit: filters.limit ?? USERS_PAGE_SIZE,
      cursor: filters.cursor,
      q: filters.q,
      role: filters.role,
      active: filters.active,
    },
    signal,
  });
}

export function usersQueryOptions(filters: UserListFilters = {}, limit: number = USERS_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: [...userKeys.list(filters), limit] as const,
    queryFn: ({ pageParam, signal }) => getUsers({ ...filters, cursor: pageParam, limit }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useUsers(filters: UserListFilters = {}, limit?: number) {
  return useSuspenseInfiniteQuery(usersQueryOptions(filters, limit));
}
