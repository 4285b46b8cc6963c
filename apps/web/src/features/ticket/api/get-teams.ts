import { TeamPageSchema, type Page, type Team } from '@dengar/contracts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { ticketKeys } from './ticket-keys';

async function getTeams(signal?: AbortSignal): Promise<Team[]> {
  const teams: Team[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<Team> = await apiRequest('/teams', TeamPageSchema, { query: { limit: 100, cursor }, signal });
    teams.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && teams.length < 1000);
  return teams;
}

/** Team names for the timeline ("Routed to Billing"). */
export function useTeams() {
  return useQuery(
    queryOptions({ queryKey: ticketKeys.teams(), queryFn: ({ signal }) => getTeams(signal), staleTime: 5 * 60_000 }),
  );
}
