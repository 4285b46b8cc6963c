import type { User } from '@dengar/contracts';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { Table } from '../../../components/table';
import { useT } from '../../../i18n/i18n-provider';
import { useUsers } from '../api/get-users';
import type { UserEditScope } from '../user-changes';
import { EditUserDialog } from './edit-user-dialog';

export function UsersList({
  currentUserId,
  editScope,
  onSaved,
}: {
  currentUserId: string;
  editScope: UserEditScope;
  onSaved?: (user: User) => void;
}) {
  const t = useT();
  const users = useUsers();
  const [editing, setEditing] = useState<User | null>(null);
  const items = users.data.pages.flatMap((page) => page.items);

  if (items.length === 0) return <EmptyState title={t('users.empty')} />;

  return (
    <>
      <Table
        caption={t('users.title')}
        head={
          <>
            <th scope="col">{t('users.col.name')}</th>
            <th scope="col">{t('users.col.email')}</th>
            <th scope="col">{t('users.col.role')}</th>
            <th scope="col">{t('users.col.language')}</th>
            <th scope="col" className="numeric">
              {t('users.col.capacity')}
            </th>
            <th scope="col">{t('users.col.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('users.col.actions')}</span>
            </th>
          </>
        }
      >
        {items.map((user) => (
          <tr key={user.id} className={user.active ? undefined : 'is-inactive'}>
            <th scope="row">
              {user.name}
              {user.id === currentUserId && <span className="muted"> ({t('users.you')})</span>}
            </th>
            <td>{user.email}</td>
            <td>{t(`role.${user.role}`)}</td>
            <td>{t(`language.${user.locale}`)}</td>
            <td className="numeric">{user.capacity}</td>
            <td>
              <span className={`badge ${user.active ? 'badge--ok' : 'badge--muted'}`}>
                {user.active ? t('users.status.active') : t('users.status.inactive')}
              </span>
            </td>
            <td className="actions">
              <button
                type="button"
                className="button button--small"
                aria-label={t('users.editUser', { name: user.name })}
                onClick={() => setEditing(user)}
              >
                {t('common.edit')}
              </button>
            </td>
          </tr>
        ))}
      </Table>
      <LoadMore query={users} />
      <EditUserDialog user={editing} scope={editScope} onClose={() => setEditing(null)} onSaved={onSaved} />
    </>
  );
}
