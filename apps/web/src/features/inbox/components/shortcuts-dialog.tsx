import { Dialog } from '../../../components/dialog';
import { useT } from '../../../i18n/i18n-provider';
import { ALL_SHORTCUTS } from '../shortcuts';

/** Every inbox shortcut (`?`): the list's own and those of the open ticket. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog open={open} onClose={onClose} title={t('queue.shortcuts.title')}>
      <p className="field__hint">{t('queue.shortcuts.hint')}</p>
      <table className="table shortcuts-table">
        <thead>
          <tr>
            <th scope="col">{t('queue.shortcuts.key')}</th>
            <th scope="col">{t('queue.shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {ALL_SHORTCUTS.map(({ keys, action }) => (
            <tr key={action}>
              <td>
                {keys.map((key) => (
                  <kbd key={key}>{key}</kbd>
                ))}
              </td>
              <td>{t(`queue.shortcut.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
