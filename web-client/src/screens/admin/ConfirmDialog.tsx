/**
 * A modal confirmation on the native <dialog>: the browser traps focus inside, Escape cancels, and the page
 * behind is inert. Focus starts on the first input, else on "Cancel" (it comes before the confirming button), and
 * returns to what opened it.
 */
import { useId, type FormEvent, type ReactNode } from "react";

import { useModalDialog } from "../../components/useModalDialog";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** The mutation is running: both buttons wait, Escape does nothing. */
  busy?: boolean;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
  children?: ReactNode;
  testId?: string;
}

export function ConfirmDialog({ open, title, confirmLabel, busy = false, danger = false, onConfirm, onCancel, children, testId }: ConfirmDialogProps) {
  const ref = useModalDialog(open);
  const titleId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onConfirm();
  };

  return (
    <dialog
      ref={ref}
      className="admin-dialog"
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault(); // we close it ourselves, through `open`
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <form onSubmit={submit} noValidate>
          <h2 id={titleId}>{title}</h2>
          {children}
          <div className="dialog-actions">
            <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
              Cancel
            </button>
            <button type="submit" className={danger ? "button button-danger" : "button"} disabled={busy} aria-busy={busy || undefined}>
              {busy ? "Working…" : confirmLabel}
            </button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
