import {
  CreateCannedResponseRequestSchema,
  renderCanned,
  UpdateCannedResponseRequestSchema,
  type CannedResponse,
  type CreateCannedResponseRequest,
  type Locale,
  type Page,
  type UpdateCannedResponseRequest,
} from '@dengar/contracts';
import { Injectable } from '@nestjs/common';
import { isUniqueViolation, NotFoundException } from '../../common/app.exception.js';
import { decodeCursor, toPage } from '../../common/pagination.js';
import type { Principal } from '../../common/principal.js';
import { TicketNotFoundException } from '../ticket/ticket.exception.js';
import { TicketRepository } from '../ticket/ticket.repository.js';
import { ShortcutTakenException } from './canned-response.exception.js';
import { CannedResponseRepository, type CannedResponseRow } from './canned-response.repository.js';

export const toCannedResponse = (r: CannedResponseRow): CannedResponse => ({
  id: r.id,
  name: r.name,
  shortcut: r.shortcut,
  language: r.language,
  body: r.body,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

@Injectable()
export class CannedResponseService {
  constructor(
    private readonly canned: CannedResponseRepository,
    private readonly tickets: TicketRepository,
  ) {}

  async list(q: { language?: Locale; q?: string; limit: number; cursor?: string }): Promise<Page<CannedResponse>> {
    const after = decodeCursor(q.cursor, 2) as [string, string] | undefined;
    const rows = await this.canned.list({ language: q.language, q: q.q }, q.limit, after);
    return toPage(rows, q.limit, toCannedResponse, (r) => [r.shortcut, r.id]);
  }

  async get(id: string): Promise<CannedResponse> {
    const row = await this.canned.findById(id);
    if (!row) throw new NotFoundException('Canned response');
    return toCannedResponse(row);
  }

  async create(input: CreateCannedResponseRequest): Promise<CannedResponse> {
    const data = CreateCannedResponseRequestSchema.parse(input);
    try {
      return toCannedResponse(await this.canned.insert(data));
    } catch (e) {
      if (isUniqueViolation(e)) throw new ShortcutTakenException(data.shortcut, data.language);
      throw e;
    }
  }

  async update(id: string, input: UpdateCannedResponseRequest): Promise<CannedResponse> {
    const data = UpdateCannedResponseRequestSchema.parse(input);
    const existing = await this.canned.findById(id);
    if (!existing) throw new NotFoundException('Canned response');
    let row: CannedResponseRow | null;
    try {
      row = await this.canned.update(id, data);
    } catch (e) {
      if (isUniqueViolation(e)) {
        throw new ShortcutTakenException(data.shortcut ?? existing.shortcut, data.language ?? existing.language);
      }
      throw e;
    }
    if (!row) throw new NotFoundException('Canned response');
    return toCannedResponse(row);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.canned.delete(id))) throw new NotFoundException('Canned response');
  }

  /**
   * The body with its variables filled for a ticket the caller may see (404 otherwise, SPEC §1):
   * `author.name` is the display name, or the handle when there is none; `agent.name` is the caller.
   */
  async render(actor: Principal, id: string, ticketId: string): Promise<{ body: string }> {
    const canned = await this.canned.findById(id);
    if (!canned) throw new NotFoundException('Canned response');
    if (!(await this.tickets.findVisible(null, actor, ticketId))) throw new TicketNotFoundException();
    const ctx = await this.canned.renderContext(ticketId, actor.userId);
    if (!ctx) throw new TicketNotFoundException();
    return {
      body: renderCanned(canned.body, {
        'author.handle': ctx.authorHandle,
        'author.name': ctx.authorDisplayName?.trim() || ctx.authorHandle,
        'agent.name': ctx.agentName,
        'ticket.number': ctx.number,
        'brand.name': ctx.brandName,
      }),
    };
  }
}
