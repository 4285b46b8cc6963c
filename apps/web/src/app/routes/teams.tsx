import { useNavigate } from 'react-router';
import { Pane } from '../../components/error-boundary';
import { paths } from '../../config/paths';
import { CreateTeamButton } from '../../features/teams/components/create-team-dialog';
import { TeamsList } from '../../features/teams/components/teams-list';
import { useT } from '../../i18n/i18n-provider';
import { pushToast } from '../../lib/toast-store';
import { useDocumentTitle } from '../../lib/use-document-title';

export function TeamsRoute() {
  const t = useT();
  const navigate = useNavigate();
  useDocumentTitle(t('teams.title'));
  return (
    <section className="settings-section" aria-labelledby="teams-heading">
      <div className="section-header">
        <h2 id="teams-heading">{t('teams.title')}</h2>
        <CreateTeamButton
          onCreated={(team) => {
            pushToast('success', t('teams.created', { name: team.name }));
            // A new team is empty: go straight to where members are added.
            void navigate(paths.team(team.id));
          }}
        />
      </div>
      <Pane>
        <TeamsList />
      </Pane>
    </section>
  );
}
