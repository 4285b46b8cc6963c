import { TAG_KINDS, type Role, type TicketDetail } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormAlert } from '../../../components/form-fields';
import { Loading } from '../../../components/loading';
import { useT } from '../../../i18n/i18n-provider';
import { errorMessage } from '../../../lib/error-message';
import { pushToast } from '../../../lib/toast-store';
import { useTags } from '../api/get-tags';
import { useSetTicketTags } from '../api/set-ticket-tags';

/** The ticket's tags by kind; marketing may change only topic and campaign tags (SPEC §1). */
export function TagsDialog({
  open,
  onClose,
  detail,
  role,
  notice,
}: {
  open: boolean;
  onClose: () => void;
  detail: TicketDetail;
  role: Role;
  notice: string | null;
}) {
  const t = useT();
  return (
    <Dialog open={open} onClose={onClose} title={t('ticket.tags')}>
      <TagsForm detail={detail} role={role} notice={notice} onDone={onClose} />
    </Dialog>
  );
}

function TagsForm({
  detail,
  role,
  notice,
  onDone,
}: {
  detail: TicketDetail;
  role: Role;
  notice: string | null;
  onDone: () => void;
}) {
  const t = useT();
  const tags = useTags();
  const save = useSetTicketTags(detail.id);
  const [selected, setSelected] = useState(() => new Set(detail.tags.map((tag) => tag.id)));

  if (tags.isPending) return <Loading />;
  if (tags.isError) return <FormAlert>{errorMessage(tags.error, t)}</FormAlert>;

  function toggle(id: string, on: boolean) {
    setSelected((old) => {
      const next = new Set(old);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate([...selected], {
      onSuccess: () => {
        pushToast('success', t('ticket.tags.saved'));
        onDone();
      },
    });
  }

  return (
    <form className="form tags-form" onSubmit={submit}>
      {notice && <FormAlert>{notice}</FormAlert>}
      {tags.data.length === 0 && <p className="muted">{t('ticket.tags.empty')}</p>}
      {TAG_KINDS.map((kind) => {
        const ofKind = tags.data.filter((tag) => tag.kind === kind);
        if (ofKind.length === 0) return null;
        const locked = kind === 'outcome' && role === 'marketing';
        return (
          <fieldset key={kind} className="tags-form__group">
            <legend className="field__label">{t(`ticket.tags.kind.${kind}`)}</legend>
            {ofKind.map((tag) => (
              <label key={tag.id} className="tags-form__option">
                <input
                  type="checkbox"
                  checked={selected.has(tag.id)}
                  disabled={locked}
                  onChange={(event) => toggle(tag.id, event.target.checked)}
                />
                <span className="ticket-tag__swatch" style={{ background: tag.color }} aria-hidden="true" />
                {tag.name}
              </label>
            ))}
          </fieldset>
        );
      })}
      <div className="form__actions">
        <button type="button" className="button" onClick={onDone}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('ticket.tags.saving') : t('ticket.tags.save')}
        </button>
      </div>
    </form>
  );
}
