import type { Workload, WorkloadAgent } from '@dengar/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { formatDateTime } from '../../../components/date-time';
import { Table } from '../../../components/table';
import { paths } from '../../../config/paths';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { useWorkload } from '../api/get-workload';
import { useWorkloadLive } from '../api/use-workload-live';
import { agoParts, loadOf } from '../workload-format';
import '../workload.css';

/** The current time, moving on every `ms` so "5 minutes ago" stays true on a screen left open. */
function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

function Ago({ iso, now }: { iso: string; now: number }) {
  const { locale } = useLocale();
  const { value, unit } = agoParts(iso, now);
  const text = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {text}
    </time>
  );
}

function LoadBar({ agent }: { agent: WorkloadAgent }) {
  const t = useT();
  const { locale } = useLocale();
  const { percent, over } = loadOf(agent.openTickets, agent.capacity);
  const number = new Intl.NumberFormat(locale);
  const label = t('care.workload.load', {
    open: number.format(agent.openTickets),
    capacity: number.format(agent.capacity),
  });
  return (
    <div className="load">
      <span className="load__text">{label}</span>
      <span className="load__track" aria-hidden="true">
        <span className={`load__fill${over ? ' load__fill--over' : ''}`} style={{ width: `${percent}%` }} />
      </span>
      {over && <span className="badge badge--muted">{t('care.workload.over')}</span>}
    </div>
  );
}

/** Who carries what right now, and what waits for nobody; live while on screen. */
export function WorkloadView() {
  useWorkloadLive();
  const { data } = useWorkload();
  return <WorkloadTables workload={data} />;
}

export function WorkloadTables({ workload }: { workload: Workload }) {
  const t = useT();
  const { locale } = useLocale();
  const now = useNow();
  const number = new Intl.NumberFormat(locale);
  const teamNames = new Map(workload.teams.map((team) => [team.teamId, team.name]));

  return (
    <>
      <section className="card" aria-labelledby="workload-agents-heading">
        <h3 id="workload-agents-heading">{t('care.workload.agents')}</h3>
        {workload.agents.length === 0 ? (
          <EmptyState title={t('care.workload.noAgents')} />
        ) : (
          <Table
            caption={t('care.workload.agents')}
            head={
              <>
                <th scope="col">{t('care.workload.col.agent')}</th>
                <th scope="col">{t('teams.col.availability')}</th>
                <th scope="col">{t('care.workload.col.load')}</th>
                <th scope="col">{t('care.workload.col.oldest')}</th>
                <th scope="col">{t('care.workload.col.teams')}</th>
              </>
            }
          >
            {workload.agents.map((agent) => (
              <tr key={agent.userId}>
                <th scope="row">
                  {agent.name}
                  <span className="muted workload__role"> · {t(`role.${agent.role}`)}</span>
                </th>
                <td>
                  <span className={`presence presence--${agent.availability}`}>
                    {t(`availability.${agent.availability}`)}
                  </span>
                </td>
                <td>
                  <LoadBar agent={agent} />
                </td>
                <td>
                  {agent.oldestWaitingSince && agent.oldestWaitingTicketId ? (
                    <Link
                      to={paths.inboxTicket('all', agent.oldestWaitingTicketId)}
                      aria-label={t('care.workload.oldestLink', {
                        number: agent.oldestWaitingTicketNumber ?? '',
                        name: agent.name,
                      })}
                    >
                      <Ago iso={agent.oldestWaitingSince} now={now} />
                      {agent.oldestWaitingTicketNumber !== null && (
                        <span className="muted"> · #{agent.oldestWaitingTicketNumber}</span>
                      )}
                    </Link>
                  ) : (
                    <span className="muted">{t('care.workload.nobodyWaiting')}</span>
                  )}
                </td>
                <td>
                  {agent.teamIds.length === 0 ? (
                    <span className="muted">{t('care.workload.noTeams')}</span>
                  ) : (
                    agent.teamIds.map((id) => teamNames.get(id) ?? t('care.rules.deleted')).join(', ')
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
      <section className="card" aria-labelledby="workload-teams-heading">
        <h3 id="workload-teams-heading">{t('care.workload.unassigned')}</h3>
        {workload.teams.length === 0 ? (
          <EmptyState title={t('teams.empty')} />
        ) : (
          <Table
            caption={t('care.workload.unassigned')}
            head={
              <>
                <th scope="col">{t('teams.col.name')}</th>
                <th scope="col">{t('teams.col.mode')}</th>
                <th scope="col" className="numeric">
                  {t('care.workload.col.unassigned')}
                </th>
                <th scope="col">{t('care.workload.col.oldestUnassigned')}</th>
              </>
            }
          >
            {workload.teams.map((team) => (
              <tr key={team.teamId}>
                <th scope="row">{team.name}</th>
                <td>{t(`teams.mode.${team.assignmentMode}`)}</td>
                <td className="numeric">{number.format(team.unassigned)}</td>
                <td>
                  {team.oldestUnassignedSince ? (
                    <Ago iso={team.oldestUnassignedSince} now={now} />
                  ) : (
                    <span className="muted">{t('care.workload.nothingWaiting')}</span>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </section>
    </>
  );
}
