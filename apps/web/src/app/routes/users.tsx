import type { MeResponse, User } from '@dengar/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Pane } from '../../components/error-boundary';
import { authKeys } from '../../features/auth/api/auth-keys';
import { CreateUserButton } from '../../features/users/components/create-user-dialog';
import { UsersList } from '../../features/users/components/users-list';
import { useT } from '../../i18n/i18n-provider';
import { can } from '../../lib/permissions';
import { pushToast } from '../../lib/toast-store';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useCurrentUser } from '../current-user';

export function UsersRoute() {
  const t = useT();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const fullEdit = can.editUsers(me.role);
  useDocumentTitle(t('users.title'));

  function saved(user: User) {
    pushToast('success', t('users.saved', { name: user.name }));
    // Editing yourself changes the frame (name, language).
    if (user.id === me.id) {
      queryClient.setQueryData<MeResponse | null>(authKeys.me(), (old) => (old ? { ...old, user } : old));
    }
  }

  return (
    <section className="settings-section" aria-labelledby="users-heading">
      <div className="section-header">
        <h2 id="users-heading">{t('users.title')}</h2>
        {fullEdit && (
          <CreateUserButton onCreated={(user) => pushToast('success', t('users.created', { name: user.name }))} />
        )}
      </div>
      {!fullEdit && <p className="muted">{t('users.managerNote')}</p>}
      <Pane>
        <UsersList currentUserId={me.id} editScope={fullEdit ? 'all' : 'capacity'} onSaved={saved} />
      </Pane>
    </section>
  );
}
