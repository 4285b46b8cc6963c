import type { CannedResponse, Locale } from '@dengar/contracts';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { Table } from '../../../components/table';
import { useT } from '../../../i18n/i18n-provider';
import { useCannedResponses } from '../api/get-canned-responses';
import { CannedDialog, type CannedEditing } from './canned-dialog';
import { DeleteCannedDialog } from './delete-canned-dialog';
import '../canned-responses.css';

export function CannedResponsesList({
  editing,
  onEdit,
  agentName,
  defaultLanguage,
  onSaved,
  onDeleted,
}: {
  editing: CannedEditing;
  onEdit: (editing: CannedEditing) => void;
  agentName: string;
  defaultLanguage: Locale;
  onSaved: (response: CannedResponse, created: boolean) => void;
  onDeleted: (response: CannedResponse) => void;
}) {
  const t = useT();
  const responses = useCannedResponses();
  const [deleting, setDeleting] = useState<CannedResponse | null>(null);
  const items = responses.data.pages.flatMap((page) => page.items);

  return (
    <>
      {items.length === 0 ? (
        <EmptyState title={t('care.canned.empty')}>
          <p>{t('care.canned.emptyHint')}</p>
        </EmptyState>
      ) : (
        <Table
          caption={t('care.canned.title')}
          head={
            <>
              <th scope="col">{t('care.canned.col.name')}</th>
              <th scope="col">{t('care.canned.col.shortcut')}</th>
              <th scope="col">{t('care.canned.col.language')}</th>
              <th scope="col">{t('care.canned.col.body')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('users.col.actions')}</span>
              </th>
            </>
          }
        >
          {items.map((response) => (
            <tr key={response.id}>
              <th scope="row">{response.name}</th>
              <td>
                <code>/{response.shortcut}</code>
              </td>
              <td>{t(`language.${response.language}`)}</td>
              <td>
                <span className="canned-excerpt" lang={response.language}>
                  {response.body}
                </span>
              </td>
              <td className="actions">
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('care.canned.editNamed', { name: response.name })}
                  onClick={() => onEdit(response)}
                >
                  {t('common.edit')}
                </button>{' '}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('care.canned.deleteNamed', { name: response.name })}
                  onClick={() => setDeleting(response)}
                >
                  {t('common.delete')}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <LoadMore query={responses} />
      <CannedDialog
        editing={editing}
        agentName={agentName}
        defaultLanguage={defaultLanguage}
        onClose={() => onEdit(null)}
        onSaved={onSaved}
      />
      <DeleteCannedDialog response={deleting} onClose={() => setDeleting(null)} onDeleted={onDeleted} />
    </>
  );
}
