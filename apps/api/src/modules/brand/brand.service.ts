import type { Brand, CreateBrandRequest, Page, PageQuery, UpdateBrandRequest } from '@dengar/contracts';
import { CreateBrandRequestSchema, UpdateBrandRequestSchema } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { AppException, ErrorCode, isUniqueViolation, NotFoundException } from '../../common/app.exception.js';
import { DomainEvents } from '../../common/domain-events.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import type { BrandEntity } from './brand.entity.js';
import { BrandRepository } from './brand.repository.js';

export const toBrand = (b: BrandEntity): Brand => ({
  id: b.id,
  name: b.name,
  kind: b.kind,
  keywords: b.keywords,
  handles: b.handles,
  hashtags: b.hashtags,
  excludedKeywords: b.excludedKeywords,
  createdAt: b.createdAt.toISOString(),
  updatedAt: b.updatedAt.toISOString(),
});

const nameTaken = () =>
  new AppException(ErrorCode.Conflict, 'A brand with this name already exists', {
    fields: [{ path: 'name', message: 'is already taken' }],
  });

@Injectable()
export class BrandService {
  constructor(
    private readonly brands: BrandRepository,
    private readonly events: DomainEvents,
  ) {}

  async list(q: PageQuery): Promise<Page<Brand>> {
    const after = decodeCursor(q.cursor, 3) as [number, string, string] | undefined;
    const rows = await this.brands.list(q.limit, after);
    return toPage(rows, q.limit, toBrand, (b) => [b.kind === 'own' ? 0 : 1, b.name, b.id]);
  }

  async get(id: string): Promise<Brand> {
    const brand = await this.brands.findById(id);
    if (!brand) throw new NotFoundException('Brand');
    return toBrand(brand);
  }

  async create(input: CreateBrandRequest): Promise<Brand> {
    const data = CreateBrandRequestSchema.parse(input);
    try {
      const saved = await this.brands.insert(data);
      this.events.emit('listening.changed', {});
      return this.get(saved.id);
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
  }

  async update(id: string, input: UpdateBrandRequest): Promise<Brand> {
    const data = UpdateBrandRequestSchema.parse(input);
    if (!(await this.brands.findById(id))) throw new NotFoundException('Brand');
    try {
      await this.brands.update(id, data);
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      throw e;
    }
    this.events.emit('listening.changed', {});
    return this.get(id);
  }

  /** Mentions keep the id in `brandIds` for history; tickets drop the reference (ON DELETE SET NULL). */
  async remove(id: string): Promise<void> {
    if (!(await this.brands.delete(id))) throw new NotFoundException('Brand');
    this.events.emit('listening.changed', {});
  }
}
