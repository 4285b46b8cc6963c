import { RenderedCannedResponseSchema } from '@dengar/contracts';
import { apiRequest } from '../../../lib/api-client';

/** A canned response's body with its `{{variables}}` filled for this ticket. */
export async function renderCannedResponse({ id, ticketId }: { id: string; ticketId: string }): Promise<string> {
  const rendered = await apiRequest(
    `/canned-responses/${encodeURIComponent(id)}/render`,
    RenderedCannedResponseSchema,
    { method: 'POST', body: { ticketId } },
  );
  return rendered.body;
}
