import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { Table } from '../../../components/table';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { useTeams } from '../api/get-teams';

export function TeamsList() {
  const t = useT();
  const teams = useTeams();
  const items = teams.data.pages.flatMap((page) => page.items);

  if (items.length === 0) return <EmptyState title={t('teams.empty')} />;

  return (
    <>
      <Table
        caption={t('teams.title')}
        head={
          <>
            <th scope="col">{t('teams.col.name')}</th>
            <th scope="col">{t('teams.col.mode')}</th>
            <th scope="col" className="numeric">
              {t('teams.col.members')}
            </th>
          </>
        }
      >
        {items.map((team) => (
          <tr key={team.id}>
            <th scope="row">
              <Link to={paths.team(team.id)}>{team.name}</Link>
              {team.isDefault && <span className="badge badge--info">{t('teams.default')}</span>}
            </th>
            <td>{t(`teams.mode.${team.assignmentMode}`)}</td>
            <td className="numeric">{team.memberCount}</td>
          </tr>
        ))}
      </Table>
      <LoadMore query={teams} />
    </>
  );
}
