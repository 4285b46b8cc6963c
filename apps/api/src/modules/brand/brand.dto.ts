import {
  BrandPageSchema,
  BrandSchema,
  CreateBrandRequestSchema,
  ListBrandsQuerySchema,
  UpdateBrandRequestSchema,
} from '@dengar/contracts';
import { createZodDto } from 'nestjs-zod';

export class BrandDto extends createZodDto(BrandSchema) {}
export class BrandPageDto extends createZodDto(BrandPageSchema) {}
export class CreateBrandDto extends createZodDto(CreateBrandRequestSchema) {}
export class UpdateBrandDto extends createZodDto(UpdateBrandRequestSchema) {}
export class ListBrandsQueryDto extends createZodDto(ListBrandsQuerySchema) {}
