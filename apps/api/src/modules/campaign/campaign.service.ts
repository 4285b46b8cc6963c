import type { Campaign, CreateCampaignRequest, Page, PageQuery, UpdateCampaignRequest } from '@dengar/contracts';
import { CreateCampaignRequestSchema, UpdateCampaignRequestSchema } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import {
  AppException,
  ErrorCode,
  isForeignKeyViolation,
  isUniqueViolation,
  NotFoundException,
  ValidationException,
} from '../../common/app.exception.js';
import { DomainEvents } from '../../common/domain-events.js';
import { endOf, isDay, startOf } from '../../common/dates.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import type { CampaignEntity } from './campaign.entity.js';
import { CampaignRepository } from './campaign.repository.js';

export const toCampaign = (c: CampaignEntity): Campaign => ({
  id: c.id,
  name: c.name,
  brandId: c.brandId,
  hashtags: c.hashtags,
  keywords: c.keywords,
  startsAt: c.startsAt.toISOString(),
  endsAt: c.endsAt?.toISOString() ?? null,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

const toDate = startOf;
/** An end given as a day includes that whole day: its last millisecond (campaign windows are inclusive). */
const toEnd = (v: string) => new Date(endOf(v).getTime() - (isDay(v) ? 1 : 0));
const unknownBrand = () => new ValidationException([{ path: 'brandId', message: 'is not a known brand' }]);

const nameTaken = () =>
  new AppException(ErrorCode.Conflict, 'A campaign with this name already exists', {
    fields: [{ path: 'name', message: 'is already taken' }],
  });

@Injectable()
export class CampaignService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly events: DomainEvents,
  ) {}

  async list(q: PageQuery): Promise<Page<Campaign>> {
    const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
    const rows = await this.campaigns.list(q.limit, after);
    return toPage(rows, q.limit, toCampaign, (c) => [c.startsAt.toISOString(), c.id]);
  }

  async get(id: string): Promise<Campaign> {
    const campaign = await this.campaigns.findById(id);
    if (!campaign) throw new NotFoundException('Campaign');
    return toCampaign(campaign);
  }

  async create(input: CreateCampaignRequest): Promise<Campaign> {
    const data = CreateCampaignRequestSchema.parse(input);
    try {
      const saved = await this.campaigns.insert({
        ...data,
        startsAt: toDate(data.startsAt),
        endsAt: data.endsAt ? toEnd(data.endsAt) : null,
      });
      this.events.emit('listening.changed', {});
      return this.get(saved.id);
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      if (isForeignKeyViolation(e)) throw unknownBrand();
      throw e;
    }
  }

  async update(id: string, input: UpdateCampaignRequest): Promise<Campaign> {
    const { startsAt, endsAt, ...data } = UpdateCampaignRequestSchema.parse(input);
    const current = await this.campaigns.findById(id);
    if (!current) throw new NotFoundException('Campaign');
    const start = startsAt ? toDate(startsAt) : current.startsAt;
    const end = endsAt === undefined ? current.endsAt : endsAt ? toEnd(endsAt) : null;
    if (end && end < start) throw new ValidationException([{ path: 'endsAt', message: 'must not be before startsAt' }]);
    try {
      await this.campaigns.update(id, { ...data, startsAt: start, endsAt: end });
    } catch (e) {
      if (isUniqueViolation(e)) throw nameTaken();
      if (isForeignKeyViolation(e)) throw unknownBrand();
      throw e;
    }
    this.events.emit('listening.changed', {});
    return this.get(id);
  }

  /** Mentions keep the id in `campaignIds` for history. */
  async remove(id: string): Promise<void> {
    if (!(await this.campaigns.delete(id))) throw new NotFoundException('Campaign');
    this.events.emit('listening.changed', {});
  }
}
