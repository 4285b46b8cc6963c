import type { Team } from '@dengar/contracts';
import { useState } from 'react';
import { Dialog } from '../../../components/dialog';
import { useT } from '../../../i18n/i18n-provider';
import { useDeleteTeam } from '../api/delete-team';

/** The default team takes every unrouted ticket, so it has no delete button at all, only the reason. */
export function DeleteTeamButton({ team, onDeleted }: { team: Team; onDeleted: (team: Team) => void }) {
  const t = useT();
  const deleteTeam = useDeleteTeam();
  const [confirming, setConfirming] = useState(false);

  if (team.isDefault) return <p className="muted">{t('teams.defaultHint')}</p>;

  return (
    <>
      <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
        {t('teams.delete')}
      </button>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('teams.deleteTitle', { name: team.name })}
      >
        <p>{t('teams.deleteBody')}</p>
        <div className="form__actions">
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('common.cancel')}
          </button>
          <button
            type="button"
            className="button button--danger"
            disabled={deleteTeam.isPending}
            onClick={() =>
              deleteTeam.mutate(team.id, {
                onSuccess: () => {
                  setConfirming(false);
                  onDeleted(team);
                },
                onError: () => setConfirming(false),
              })
            }
          >
            {deleteTeam.isPending ? t('common.deleting') : t('common.delete')}
          </button>
        </div>
      </Dialog>
    </>
  );
}
