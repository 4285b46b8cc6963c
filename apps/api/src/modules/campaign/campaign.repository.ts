import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CampaignEntity } from './campaign.entity.js';

@Injectable()
export class CampaignRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private get repo() {
    return this.ds.getRepository(CampaignEntity);
  }

  findById(id: string): Promise<CampaignEntity | null> {
    return this.repo.findOneBy({ id });
  }

  all(): Promise<CampaignEntity[]> {
    return this.repo.find({ order: { startsAt: 'DESC' } });
  }

  /** Newest start first, then by id. */
  list(limit: number, after?: [string, string]): Promise<CampaignEntity[]> {
    const qb = this.repo
      .createQueryBuilder('c')
      .orderBy('c.starts_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit + 1);
    if (after) qb.where('(c.starts_at, c.id) < (:startsAt, :id)', { startsAt: after[0], id: after[1] });
    return qb.getMany();
  }

  async insert(data: Partial<CampaignEntity>): Promise<CampaignEntity> {
    return this.repo.save(this.repo.create(data));
  }

  async update(id: string, data: Partial<CampaignEntity>): Promise<void> {
    await this.repo.update({ id }, data);
  }

  async delete(id: string): Promise<boolean> {
    const res = await this.repo.delete({ id });
    return (res.affected ?? 0) > 0;
  }
}
