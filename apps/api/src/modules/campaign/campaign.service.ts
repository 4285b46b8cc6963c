import type { Campaign, CreateCampaignRequest, Page, PageQuery, UpdateCampaignRequest } from '@dengar/contracts';
import { CreateCampaignRequestSchema, UpdateCampaignRequestSchema } from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { AppException, ErrorCode, NotFoundException, ValidationException } from '../../common/app.exception.js';
import { DomainEvents } from '../../common/domain-events.js';
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

const toDate = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v);
/** An end given as a day includes that whole day (UTC). */
const toEnd = (v: string) => new Date(v.length === 10 ? `${v}T23:59:59.999Z` : v);
const unknownBrand = () => new ValidationException([{ path: 'brandId', message: 'is not a known brand' }]);
const isForeignKeyViolation = (e: unknown) => (e as { code?: string })?.code === '23503';

const nameTaken = () =>
  new AppException(ErrorCode.Conflict, 'A campaign with this name already exists', {
    fields: [{ path: 'name', message: 'is already taken' }],
  });
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

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
