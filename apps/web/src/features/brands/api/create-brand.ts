import { BrandSchema, type Brand, type CreateBrandRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { brandKeys } from './brand-keys';

export function createBrand(body: CreateBrandRequest): Promise<Brand> {
  return apiRequest('/brands', BrandSchema, { method: 'POST', body, silent: shownByForm });
}

export function useCreateBrand() {
  return useSaveMutation(createBrand, brandKeys);
}
