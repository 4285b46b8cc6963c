import { Link, useNavigate, useParams } from 'react-router';
import { Pane } from '../../components/error-boundary';
import { paths } from '../../config/paths';
import { useTeam } from '../../features/teams/api/get-team';
import { DeleteTeamButton } from '../../features/teams/components/delete-team-button';
import { TeamMembers, type MemberCandidate } from '../../features/teams/components/team-members';
import { TeamSettingsForm } from '../../features/teams/components/team-settings-form';
import { useUsers } from '../../features/users/api/get-users';
import { useT } from '../../i18n/i18n-provider';
import { can } from '../../lib/permissions';
import { pushToast } from '../../lib/toast-store';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';

export function TeamRoute() {
  const { teamId = '' } = useParams();
  return (
    <Pane resetKey={teamId}>
      <TeamDetail teamId={teamId} />
    </Pane>
  );
}

/** Active users, offered when adding a member (the picker lists the first 100). */
function useMemberCandidates(): MemberCandidate[] {
  const users = useUsers({ active: true }, 100);
  return users.data.pages.flatMap((page) => page.items).map(({ id, name, email }) => ({ id, name, email }));
}

function TeamDetail({ teamId }: { teamId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const { data: team } = useTeam(teamId);
  useDocumentTitle(team.name);

  return (
    <section className="settings-section" aria-labelledby="team-heading">
      <p>
        <Link to={paths.teams} className="back-link">
          <span aria-hidden="true">← </span>
          {t('teams.back')}
        </Link>
      </p>
      <div className="section-header">
        <h2 id="team-heading">
          {team.name}
          {team.isDefault && <span className="badge badge--info">{t('teams.default')}</span>}
        </h2>
      </div>
      <section className="card" aria-labelledby="team-details-heading">
        <h3 id="team-details-heading">{t('teams.details')}</h3>
        <TeamSettingsForm key={team.id} team={team} />
        <DeleteTeamButton
          team={team}
          onDeleted={(deleted) => {
            pushToast('success', t('teams.deleted', { name: deleted.name }));
            void navigate(paths.teams, { replace: true });
          }}
        />
      </section>
      <section className="card" aria-labelledby="team-members-heading">
        <h3 id="team-members-heading">{t('teams.members')}</h3>
        <p className="muted">{t('care.team.capacityHint')}</p>
        <Pane>
          <TeamMembersWithCandidates teamId={team.id} />
        </Pane>
      </section>
    </section>
  );
}

function TeamMembersWithCandidates({ teamId }: { teamId: string }) {
  const { data: team } = useTeam(teamId);
  const candidates = useMemberCandidates();
  const user = useCurrentUser();
  return <TeamMembers team={team} candidates={candidates} canEditCapacity={can.editCapacity(user.role)} />;
}
