import { BrandPageSchema, type Brand, type Page } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { inboxKeys } from './inbox-keys';

/** Brands (first 100), for the brand filter. */
export function getBrands(signal?: AbortSignal): Promise<Page<Brand>> {
  return apiRequest('/brands', BrandPageSchema, { query: { limit: 100 }, signal });
}

export function brandsQueryOptions() {
  return queryOptions({ queryKey: inboxKeys.brands(), queryFn: ({ signal }) => getBrands(signal), staleTime: 60_000 });
}

export function useBrands() {
  return useQuery(brandsQueryOptions());
}
