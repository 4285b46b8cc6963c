import type { CannedResponse, TicketDetail, User } from '@dengar/contracts';
import {
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
} from 'react';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { useLocale, useT } from '../../../i18n/i18n-provider';
import { pushToast } from '../../../lib/toast-store';
import { useCannedResponses } from '../api/get-canned-responses';
import type { AssignableMember } from '../api/get-team-members';
import { useCreateNote } from '../api/create-note';
import { useCreateReply } from '../api/create-reply';
import { renderCannedResponse } from '../api/render-canned-response';
import {
  applyTrigger,
  detectTrigger,
  matchesQuery,
  teammateToken,
  type ComposerMode,
  type ComposerTrigger,
} from '../composer-trigger';
import { drafts } from '../draft-store';
import type { Viewer } from '../hooks/use-presence';
import { replyBudget } from '../reply-length';

export interface ComposerHandle {
  /** Puts the caret in the box, in this mode (the `r` and `n` shortcuts). */
  focus: (mode: ComposerMode) => void;
}

const MAX_SUGGESTIONS = 8;

type Suggestion =
  | { kind: 'canned'; id: string; label: string; detail: string; canned: CannedResponse }
  | { kind: 'teammate'; id: string; label: string; detail: string; member: AssignableMember };

/** Reply to the customer or write an internal note, with saved replies (`/`) and teammate mentions (`@`). */
export function Composer({
  ref,
  detail,
  me,
  members,
  others,
  names,
  onKeyTyped,
  onStopTyping,
}: {
  ref?: Ref<ComposerHandle>;
  detail: TicketDetail;
  me: User;
  members: AssignableMember[];
  others: readonly Viewer[];
  names: ReadonlyMap<string, string>;
  onKeyTyped: () => void;
  onStopTyping: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [texts, setTexts] = useState(() => ({
    reply: drafts.get(detail.id, 'reply'),
    note: drafts.get(detail.id, 'note'),
  }));
  const [caret, setCaret] = useState<number | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const [picked, setPicked] = useState<Map<string, string>>(() => new Map());
  const [confirming, setConfirming] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const pendingCaret = useRef<number | null>(null);
  const reply = useCreateReply(detail.id);
  const note = useCreateNote(detail.id);

  useImperativeHandle(ref, () => ({
    focus: (next) => {
      setMode(next);
      setFocusTick((n) => n + 1);
    },
  }));

  useEffect(() => {
    if (focusTick > 0) box.current?.focus();
  }, [focusTick]);

  // After a picker inserted text: the caret goes right after what was inserted.
  useLayoutEffect(() => {
    if (pendingCaret.current === null || !box.current) return;
    box.current.focus();
    box.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    pendingCaret.current = null;
  }, [texts]);

  const text = texts[mode];
  const closed = detail.status === 'closed';
  const rawTrigger = caret === null ? null : detectTrigger(text, caret, mode);
  const trigger = rawTrigger && rawTrigger.start !== dismissedAt ? rawTrigger : null;
  // Fetched the first time `/` is typed; kept in the cache afterwards.
  const canned = useCannedResponses(trigger?.kind === 'canned');

  const suggestions: Suggestion[] = !trigger
    ? []
    : trigger.kind === 'canned'
      ? (canned.data ?? [])
          .filter((c) => matchesQuery(trigger.query, c.shortcut, c.name))
          .sort((a, b) => Number(b.language === locale) - Number(a.language === locale))
          .slice(0, MAX_SUGGESTIONS)
          .map((c) => ({ kind: 'canned', id: c.id, label: `/${c.shortcut}`, detail: c.name, canned: c }))
      : members
          .filter((m) => m.userId !== me.id && matchesQuery(trigger.query, m.name, m.email))
          .slice(0, MAX_SUGGESTIONS)
          .map((m) => ({ kind: 'teammate', id: m.userId, label: m.name, detail: m.email, member: m }));
  const pickerOpen = trigger !== null;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));
  const optionId = (index: number) => `${id}-option-${index}`;

  const budget = replyBudget(
    detail.sourceKind,
    text,
    detail.author.handle,
    mode === 'reply' ? detail.replyLimit : null,
  );
  const empty = text.trim() === '';
  const pending = reply.isPending || note.isPending;
  const blocked = empty || pending || (mode === 'reply' && (budget.over || closed));

  function setText(next: string) {
    setTexts((old) => ({ ...old, [mode]: next }));
    drafts.set(detail.id, mode, next);
  }

  function onChange(event: ChangeEvent<HTMLTextAreaElement>) {
    setText(event.target.value);
    setCaret(event.target.selectionStart);
    setActive(0);
    setWarning(null);
    if (mode === 'reply') {
      if (event.target.value.trim() === '') onStopTyping();
      else onKeyTyped();
    }
  }

  async function choose(suggestion: Suggestion, at: ComposerTrigger) {
    let insert: string;
    if (suggestion.kind === 'teammate') {
      insert = teammateToken(suggestion.member.name);
      setPicked((old) => new Map(old).set(suggestion.member.userId, insert));
    } else {
      try {
        insert = await renderCannedResponse({ id: suggestion.canned.id, ticketId: detail.id });
      } catch {
        return; // The API client has shown why.
      }
    }
    const current = box.current?.value ?? text;
    const applied = applyTrigger(current, at, insert);
    pendingCaret.current = applied.caret;
    setCaret(applied.caret);
    setText(applied.text);
    setActive(0);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (pickerOpen && trigger) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        if (suggestions.length === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((activeIndex + step + suggestions.length) % suggestions.length);
        return;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && suggestions.length > 0) {
        event.preventDefault();
        const chosen = suggestions[activeIndex];
        if (chosen) void choose(chosen, trigger);
        return;
      }
      if (event.key === 'Escape') {
        // Closes the picker only; the pane's Escape (back to the heading) waits for the next press.
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(trigger.start);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      requestSend();
    }
  }

  function requestSend() {
    if (blocked) return;
    if (mode === 'reply' && others.some((viewer) => viewer.typing)) {
      setConfirming(true);
      return;
    }
    send();
  }

  function send() {
    const body = text.trim();
    if (mode === 'reply') {
      onStopTyping();
      reply.mutate(body, {
        onSuccess: (result) => {
          setConfirming(false);
          setTexts((old) => ({ ...old, reply: '' }));
          drafts.clear(detail.id, 'reply');
          pushToast(
            'success',
            result.status === 'manual' ? t('ticket.composer.manualReady') : t('ticket.composer.queued'),
          );
          if (result.warning) {
            const who = result.warning.userIds.map((userId) => names.get(userId) ?? t('ticket.someoneElse'));
            setWarning(t('ticket.composer.concurrent', { names: listOf(who, locale) }));
          }
        },
        onError: () => setConfirming(false),
      });
      return;
    }
    const mentionedUserIds = [...picked].filter(([, token]) => body.includes(token)).map(([userId]) => userId);
    note.mutate(
      { body, mentionedUserIds },
      {
        onSuccess: () => {
          setTexts((old) => ({ ...old, note: '' }));
          drafts.clear(detail.id, 'note');
          setPicked(new Map());
          pushToast('success', t('ticket.composer.noteAdded'));
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    requestSend();
  }

  function switchMode(next: ComposerMode) {
    if (next === mode) return;
    if (mode === 'reply') onStopTyping();
    setMode(next);
    setCaret(null);
    setFocusTick((n) => n + 1);
  }

  const typers = others.filter((viewer) => viewer.typing).map((viewer) => viewer.name);
  const hintId = `${id}-hint`;
  const countId = `${id}-count`;
  const overId = `${id}-over`;
  const listId = `${id}-suggestions`;
  const label = mode === 'reply' ? t('ticket.composer.reply') : t('ticket.composer.note');

  return (
    <section className={`composer composer--${mode}`} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="visually-hidden">
        {t('ticket.composer')}
      </h3>
      <div className="composer__modes" role="group" aria-label={t('ticket.composer.modes')}>
        <button
          type="button"
          className="composer__mode"
          aria-pressed={mode === 'reply'}
          onClick={() => switchMode('reply')}
        >
          {t('ticket.composer.modeReply')}
        </button>
        <button
          type="button"
          className="composer__mode"
          aria-pressed={mode === 'note'}
          onClick={() => switchMode('note')}
        >
          {t('ticket.composer.modeNote')}
        </button>
      </div>
      <form className="composer__form" onSubmit={submit}>
        <div className="composer__box">
          <textarea
            ref={box}
            className="field__input composer__input"
            aria-label={label}
            aria-describedby={[hintId, budget.limit !== null ? countId : '', budget.over ? overId : '']
              .filter(Boolean)
              .join(' ')}
            aria-invalid={budget.over ? true : undefined}
            aria-controls={pickerOpen ? listId : undefined}
            aria-expanded={pickerOpen}
            aria-autocomplete="list"
            aria-activedescendant={pickerOpen && suggestions.length > 0 ? optionId(activeIndex) : undefined}
            rows={4}
            value={text}
            disabled={mode === 'reply' && closed}
            onChange={onChange}
            onKeyDown={onKeyDown}
            onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
            onBlur={() => {
              if (mode === 'reply') onStopTyping();
            }}
          />
          {pickerOpen && (
            <div className="composer__picker">
              <p className="composer__picker-title" id={`${listId}-title`}>
                {trigger.kind === 'canned' ? t('ticket.composer.canned') : t('ticket.composer.teammates')}
              </p>
              {suggestions.length === 0 ? (
                <p className="muted composer__picker-empty">
                  {trigger.kind === 'canned'
                    ? t('ticket.composer.noCanned', { query: trigger.query })
                    : t('ticket.composer.noTeammates', { query: trigger.query })}
                </p>
              ) : null}
              <ul id={listId} role="listbox" aria-labelledby={`${listId}-title`} className="composer__options">
                {suggestions.map((suggestion, index) => (
                  <li
                    key={suggestion.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === activeIndex}
                    className="composer__option"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => void choose(suggestion, trigger)}
                  >
                    <span className="composer__option-label">{suggestion.label}</span>
                    <span className="muted">{suggestion.detail}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
        <div className="composer__footer">
          <p id={hintId} className="field__hint">
            {mode === 'reply'
              ? closed
                ? t('ticket.composer.closed')
                : detail.replyLimit === null
                  ? `${t('ticket.composer.hintReply')} ${t('ticket.composer.manual')}`
                  : t('ticket.composer.hintReply')
              : t('ticket.composer.hintNote')}
          </p>
          {budget.limit !== null && budget.remaining !== null && (
            <p
              id={countId}
              className={`composer__count${budget.over ? ' composer__count--over' : ''}`}
              aria-label={t('ticket.composer.countLabel', { remaining: budget.remaining })}
            >
              {t('ticket.composer.count', { count: budget.length, limit: budget.limit })}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={blocked}>
            {mode === 'reply'
              ? reply.isPending
                ? t('ticket.composer.sending')
                : t('ticket.composer.send')
              : note.isPending
                ? t('ticket.composer.adding')
                : t('ticket.composer.addNote')}
          </button>
        </div>
        {budget.over && budget.limit !== null && (
          <p id={overId} className="field__error" role="alert">
            {t('ticket.composer.over', { over: budget.length - budget.limit, limit: budget.limit })}
          </p>
        )}
        {warning && (
          <p className="composer__warning" role="status">
            {warning}
          </p>
        )}
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('ticket.composer.othersTypingTitle')}
        confirmLabel={t('ticket.composer.sendAnyway')}
        pendingLabel={t('ticket.composer.sending')}
        pending={reply.isPending}
        danger={false}
        onConfirm={send}
        onClose={() => setConfirming(false)}
      >
        <p>{t('ticket.composer.othersTyping', { names: listOf(typers, locale) })}</p>
      </ConfirmDialog>
    </section>
  );
}

function listOf(items: string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}
