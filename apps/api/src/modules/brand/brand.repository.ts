import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BrandEntity } from './brand.entity.js';

const KIND_RANK = "(CASE WHEN b.kind = 'own' THEN 0 ELSE 1 END)";

@Injectable()
export class BrandRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(BrandEntity);
  }

  findById(id: string): Promise<BrandEntity | null> {
    return this.repo.findOneBy({ id });
  }

  all(): Promise<BrandEntity[]> {
    return this.repo.find({ order: { name: 'ASC' } });
  }

  /** Own brands first, then competitors; by name and id. */
  list(limit: number, after?: [number, string, string]): Promise<BrandEntity[]> {
    const qb = this.repo
      .createQueryBuilder('b')
      .orderBy(KIND_RANK, 'ASC')
      .addOrderBy('b.name', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .limit(limit + 1);
    if (after) {
      qb.where(`(${KIND_RANK}, b.name, b.id) > (:rank, :name, :id)`, { rank: after[0], name: after[1], id: after[2] });
    }
    return qb.getMany();
  }

  async insert(data: Partial<BrandEntity>): Promise<BrandEntity> {
    return this.repo.save(this.repo.create(data));
  }

  async update(id: string, data: Partial<BrandEntity>): Promise<void> {
    await this.repo.update({ id }, data);
  }

  async delete(id: string): Promise<boolean> {
    const res = await this.repo.delete({ id });
    return (res.affected ?? 0) > 0;
  }
}
