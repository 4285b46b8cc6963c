import { UpdateUserRequestSchema, type TeamMember } from '@dengar/contracts';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useFormErrors } from '../../../lib/use-form-errors';
import { useSetMemberCapacity } from '../api/set-member-capacity';

/** The most open tickets balanced assignment gives this person; saved on its own, per row. */
export function MemberCapacityForm({ member }: { member: TeamMember }) {
  const t = useT();
  const setCapacity = useSetMemberCapacity();
  const [value, setValue] = useState(String(member.capacity));
  const { fieldErrors, validate } = useFormErrors(setCapacity);
  const trimmed = value.trim();
  const dirty = trimmed !== String(member.capacity);
  const inputId = `capacity-${member.userId}`;
  const error = fieldErrors.capacity;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!dirty) return;
    const body = validate(UpdateUserRequestSchema, { capacity: /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed });
    if (body?.capacity === undefined) return;
    setCapacity.mutate(
      { userId: member.userId, capacity: body.capacity },
      {
        onSuccess: (user) => {
          setValue(String(user.capacity));
          pushToast('success', t('care.team.capacitySaved', { name: user.name, capacity: user.capacity }));
        },
      },
    );
  }

  return (
    <form className="capacity-form" onSubmit={submit} noValidate>
      <label htmlFor={inputId} className="visually-hidden">
        {t('care.team.capacityOf', { name: member.name })}
      </label>
      <input
        id={inputId}
        className="field__input capacity-form__input"
        type="number"
        min={0}
        max={1000}
        step={1}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${inputId}-error` : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <button
        type="submit"
        className="button button--small"
        aria-label={t('care.team.saveCapacityOf', { name: member.name })}
        disabled={!dirty || setCapacity.isPending}
      >
        {setCapacity.isPending ? t('common.saving') : t('common.save')}
      </button>
      {error && (
        <p id={`${inputId}-error`} className="field__error">
          {error}
        </p>
      )}
    </form>
  );
}
