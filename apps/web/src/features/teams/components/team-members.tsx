import type { Team } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { SelectField } from '../../../components/form-fields';
import { LoadMore } from '../../../components/load-more';
import { Table } from '../../../components/table';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useAddTeamMember } from '../api/add-team-member';
import { useTeamMembers } from '../api/get-team-members';
import { useRemoveTeamMember } from '../api/remove-team-member';
import '../teams.css';
import { MemberCapacityForm } from './member-capacity-form';

/** Someone who could join the team; the caller supplies them (users belong to another feature). */
export interface MemberCandidate {
  id: string;
  name: string;
  email: string;
}

/** `canEditCapacity`: managers and admins set each member's capacity in the list. */
export function TeamMembers({
  team,
  candidates,
  canEditCapacity,
}: {
  team: Team;
  candidates: MemberCandidate[];
  canEditCapacity: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const number = new Intl.NumberFormat(locale);
  const members = useTeamMembers(team.id);
  const items = members.data.pages.flatMap((page) => page.items);
  const removeMember = useRemoveTeamMember();
  const memberIds = new Set(items.map((member) => member.userId));
  const available = candidates.filter((candidate) => !memberIds.has(candidate.id));

  return (
    <div className="team-members">
      <AddMemberForm team={team} candidates={available} />
      {items.length === 0 ? (
        <EmptyState title={t('teams.membersEmpty')} />
      ) : (
        <Table
          caption={t('teams.members')}
          head={
            <>
              <th scope="col">{t('teams.col.member')}</th>
              <th scope="col">{t('users.col.email')}</th>
              <th scope="col">{t('users.col.role')}</th>
              <th scope="col">{t('teams.col.availability')}</th>
              <th scope="col" className="numeric">
                {t('care.team.col.openTickets')}
              </th>
              <th scope="col">{t('users.col.capacity')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.col.actions')}</span>
              </th>
            </>
          }
        >
          {items.map((member) => (
            <tr key={member.userId}>
              <th scope="row">{member.name}</th>
              <td>{member.email}</td>
              <td>{t(`role.${member.role}`)}</td>
              <td>
                <span className={`presence presence--${member.availability}`}>
                  {t(`availability.${member.availability}`)}
                </span>
              </td>
              <td className="numeric">{number.format(member.openTickets)}</td>
              <td>{canEditCapacity ? <MemberCapacityForm member={member} /> : number.format(member.capacity)}</td>
              <td className="actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('teams.removeMember', { name: member.name })}
                  disabled={removeMember.isPending && removeMember.variables.userId === member.userId}
                  onClick={() =>
                    removeMember.mutate(
                      { teamId: team.id, userId: member.userId },
                      {
                        onSuccess: () =>
                          pushToast('success', t('teams.memberRemoved', { name: member.name, team: team.name })),
                      },
                    )
                  }
                >
                  {t('teams.remove')}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <LoadMore query={members} />
    </div>
  );
}

function AddMemberForm({ team, candidates }: { team: Team; candidates: MemberCandidate[] }) {
  const t = useT();
  const [userId, setUserId] = useState('');
  const addMember = useAddTeamMember();
  const chosen = candidates.find((candidate) => candidate.id === userId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosen) return;
    addMember.mutate(
      { teamId: team.id, userId: chosen.id },
      {
        onSuccess: () => {
          setUserId('');
          pushToast('success', t('teams.memberAdded', { name: chosen.name, team: team.name }));
        },
      },
    );
  }

  if (candidates.length === 0) return <p className="muted">{t('teams.noCandidates')}</p>;

  return (
    <form className="form form--row" onSubmit={submit}>
      <SelectField label={t('teams.memberUser')} value={userId} onChange={(event) => setUserId(event.target.value)}>
        <option value="">{t('teams.chooseUser')}</option>
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {candidate.name} ({candidate.email})
          </option>
        ))}
      </SelectField>
      <button type="submit" className="button button--primary" disabled={!chosen || addMember.isPending}>
        {addMember.isPending ? t('teams.adding') : t('teams.addMember')}
      </button>
    </form>
  );
}
