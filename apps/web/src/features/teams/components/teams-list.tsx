import { Link } from 'react-router';
import { EmptyState } from '../../../components/empty-state';
import { paths } from '../../../config/paths';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/error-message';
import { useTeams } from '../api/get-teams';

export function TeamsList() {
  const t = useT();
  const teams = useTeams();
  const items = teams.data.pages.flatMap((page) => page.items);

  if (items.length === 0) return <EmptyState title={t('teams.empty')} />;

  return (
    <>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('teams.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teams.col.name')}</th>
              <th scope="col">{t('teams.col.mode')}</th>
              <th scope="col" className="numeric">
                {t('teams.col.members')}
              </th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      {teams.isFetchNextPageError && (
        <p className="inline-error" role="alert">
          {errorMessage(teams.error, t)}
        </p>
      )}
      {teams.hasNextPage && (
        <button
          type="button"
          className="button load-more"
          disabled={teams.isFetchingNextPage}
          onClick={() => void teams.fetchNextPage()}
        >
          {teams.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
        </button>
      )}
    </>
  );
}
