import { CreateTagRequestSchema, UpdateTagRequestSchema, type Tag, type TagKind } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../../components/dialog';
import { FormActions, SaveErrorAlert } from '../../../components/form-fields';
import { useT } from '../../../i18n/i18n-provider';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useCreateTag } from '../api/create-tag';
import { useUpdateTag } from '../api/update-tag';
import { TagFields, type TagDraft } from './tag-fields';

/** `editing`: null while closed, a kind for a new tag of that kind, else the tag being changed. */
export type TagEditing = Tag | { kind: TagKind } | null;

const isTag = (editing: TagEditing): editing is Tag => editing !== null && 'id' in editing;

/** The colour a new tag starts with, per kind. */
const DEFAULT_COLORS: Record<TagKind, string> = { outcome: '#1b7f4b', topic: '#0f5e9c', campaign: '#9a6700' };

export function TagDialog({
  editing,
  onClose,
  onSaved,
}: {
  editing: TagEditing;
  onClose: () => void;
  onSaved: (tag: Tag, created: boolean) => void;
}) {
  const t = useT();
  const title =
    editing === null
      ? ''
      : isTag(editing)
        ? t('care.tags.editTitle', { name: editing.name })
        : t('care.tags.createTitle');
  return (
    <Dialog open={editing !== null} onClose={onClose} title={title}>
      {editing !== null && (
        <TagForm
          tag={isTag(editing) ? editing : null}
          kind={editing.kind}
          onCancel={onClose}
          onSaved={(tag) => {
            onClose();
            onSaved(tag, !isTag(editing));
          }}
        />
      )}
    </Dialog>
  );
}

function TagForm({
  tag,
  kind,
  onSaved,
  onCancel,
}: {
  tag: Tag | null;
  kind: TagKind;
  onSaved: (tag: Tag) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const createTag = useCreateTag();
  const updateTag = useUpdateTag();
  const mutation = tag ? updateTag : createTag;
  const [draft, setDraft] = useState<TagDraft>(() =>
    tag ? { name: tag.name, kind: tag.kind, color: tag.color } : { name: '', kind, color: DEFAULT_COLORS[kind] },
  );
  const { serverError, fieldErrors, validate } = useFormErrors(mutation);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!tag) {
      const body = validate(CreateTagRequestSchema, draft);
      if (body) createTag.mutate(body, { onSuccess: onSaved });
      return;
    }
    const changes = {
      ...(draft.name.trim() !== tag.name ? { name: draft.name } : {}),
      ...(draft.kind !== tag.kind ? { kind: draft.kind } : {}),
      ...(draft.color.toLowerCase() !== tag.color ? { color: draft.color } : {}),
    };
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    const body = validate(UpdateTagRequestSchema, changes);
    if (body) updateTag.mutate({ id: tag.id, changes: body }, { onSuccess: onSaved });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <SaveErrorAlert error={serverError} />
      <TagFields
        value={draft}
        onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
        errors={fieldErrors}
      />
      <FormActions
        submitLabel={tag ? t('common.save') : t('care.tags.create')}
        pendingLabel={tag ? t('common.saving') : t('care.creating')}
        pending={mutation.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
