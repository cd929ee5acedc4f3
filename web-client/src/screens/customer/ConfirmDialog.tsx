/**
 * A modal confirmation on the native <dialog>: the browser traps focus, Escape cancels, and focus returns to
 * the button that opened it when it closes.
 */
import { useId, type ReactNode } from "react";

import { FormAlert } from "../../components/Field";
import { useModalDialog } from "../../components/useModalDialog";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busyLabel: string;
  cancelLabel?: string;
  busy: boolean;
  errors?: readonly string[];
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, busyLabel, cancelLabel = "Go back", busy, errors = [], danger, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useModalDialog(open);
  const titleId = useId();

  return (
    <dialog
      ref={ref}
      className="confirm-dialog card"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault(); // Escape: let React's state close it, so state and dialog agree
        if (!busy) onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <FormAlert messages={errors} />
      {children}
      <div className="form-actions">
        <button type="button" className={`button${danger ? " button-danger" : ""}`} onClick={onConfirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
