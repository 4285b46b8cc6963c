import type { Source } from '@dengar/contracts';
import { useState } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useSources } from '../api/get-sources';
import { usePollSource } from '../api/poll-source';
import { useUpdateSource } from '../api/update-source';
import { useSourceEvents } from '../hooks/use-source-events';
import { DeleteSourceDialog } from './delete-source-dialog';
import { EditSourceDialog } from './edit-source-dialog';
import { RotateSecretDialog } from './rotate-secret-dialog';
import { SourceCard, type SourceActions } from './source-card';
import './sources.css';

/** Every source with its health; `canManage` (admins) adds poll, enable, edit, rotate and delete. */
export function SourcesList({ canManage }: { canManage: boolean }) {
  const t = useT();
  const sources = useSources({ live: true });
  useSourceEvents();
  const items = sources.data.pages.flatMap((page) => page.items);
  const poll = usePollSource();
  const toggle = useUpdateSource();
  const [editing, setEditing] = useState<Source | null>(null);
  const [rotating, setRotating] = useState<Source | null>(null);
  const [deleting, setDeleting] = useState<Source | null>(null);

  const busy = new Set<string>();
  if (poll.isPending && poll.variables) busy.add(poll.variables);
  if (toggle.isPending && toggle.variables) busy.add(toggle.variables.id);

  const actions: SourceActions = {
    busy,
    onPoll: (source) =>
      poll.mutate(source.id, { onSuccess: () => pushToast('success', t('sources.pollQueued', { name: source.name })) }),
    onToggle: (source) =>
      toggle.mutate(
        { id: source.id, changes: { enabled: !source.enabled } },
        {
          onSuccess: (saved) =>
            pushToast(
              'success',
              t(saved.enabled ? 'sources.enabledToast' : 'sources.disabledToast', { name: saved.name }),
            ),
        },
      ),
    onEdit: setEditing,
    onRotate: setRotating,
    onDelete: setDeleting,
  };

  if (items.length === 0) {
    return (
      <EmptyState title={t('sources.empty')}>
        <p>{t('sources.emptyHint')}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <div className="source-cards">
        {items.map((source) => (
          <SourceCard key={source.id} source={source} actions={canManage ? actions : undefined} />
        ))}
      </div>
      <LoadMore query={sources} />
      {canManage && (
        <>
          <EditSourceDialog
            source={editing}
            onClose={() => setEditing(null)}
            onSaved={(saved) => pushToast('success', t('sources.saved', { name: saved.name }))}
          />
          <RotateSecretDialog source={rotating} onClose={() => setRotating(null)} />
          <DeleteSourceDialog
            source={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(deleted) => pushToast('success', t('sources.deleted', { name: deleted.name }))}
          />
        </>
      )}
    </>
  );
}
