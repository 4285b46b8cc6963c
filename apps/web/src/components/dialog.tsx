import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../i18n/i18n-provider';

let openModals = 0;

/**
 * The browser makes the page behind a modal inert, but tools that read the DOM's ARIA (and older screen
 * readers) still see it; hiding the app root keeps "the control named X" unique to the dialog.
 */
function hideAppBehindModal(): () => void {
  const root = document.getElementById('root');
  openModals += 1;
  root?.setAttribute('aria-hidden', 'true');
  return () => {
    openModals -= 1;
    if (openModals === 0) root?.removeAttribute('aria-hidden');
  };
}

/**
 * A modal on the native `<dialog>`: the browser traps focus, makes the page behind it inert, closes on Escape
 * and gives focus back. The content mounts only while open, so each opening starts fresh. It is rendered
 * outside the app root so that root can be hidden from assistive technology while the dialog is open.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!open) {
      if (dialog.open) dialog.close();
      return;
    }
    if (!dialog.open) dialog.showModal();
    return hideAppBehindModal();
  }, [open]);

  return createPortal(
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          <div className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
          <div className="dialog__body">{children}</div>
        </>
      )}
    </dialog>,
    document.body,
  );
}

/** A primary button that opens a dialog; `children` renders the dialog's content, given a way to close it. */
export function DialogButton({
  label,
  title,
  children,
}: {
  label: string;
  title: string;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog open={open} onClose={close} title={title}>
        {children(close)}
      </Dialog>
    </>
  );
}
