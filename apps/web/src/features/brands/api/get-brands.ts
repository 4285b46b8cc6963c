import { BrandPageSchema, type Brand, type Page } from '@dengar/contracts';
import { infiniteQueryOptions, useSuspenseInfiniteQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { brandKeys } from './brand-keys';

export const BRANDS_PAGE_SIZE = 50;

export function getBrands(
  { cursor, limit = BRANDS_PAGE_SIZE }: { cursor?: string | null; limit?: number },
  signal?: AbortSignal,
): Promise<Page<Brand>> {
  return apiRequest('/brands', BrandPageSchema, { query: { limit, cursor }, signal });
}

export function brandsQueryOptions(limit: number = BRANDS_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: brandKeys.list(limit),
    queryFn: ({ pageParam, signal }) => getBrands({ cursor: pageParam, limit }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

export function useBrands(limit?: number) {
  return useSuspenseInfiniteQuery(brandsQueryOptions(limit));
}
