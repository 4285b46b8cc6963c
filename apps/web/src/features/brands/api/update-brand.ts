import { BrandSchema, type Brand, type UpdateBrandRequest } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';
import { shownByForm } from '../../../lib/form-errors';
import { useSaveMutation } from '../../../lib/use-save-mutation';
import { brandKeys } from './brand-keys';

export function updateBrand({ id, changes }: { id: string; changes: UpdateBrandRequest }): Promise<Brand> {
  return apiRequest(`/brands/${encodeURIComponent(id)}`, BrandSchema, {
    method: 'PATCH',
    body: changes,
    silent: shownByForm,
  });
}

export function useUpdateBrand() {
  return useSaveMutation(updateBrand, brandKeys);
}
