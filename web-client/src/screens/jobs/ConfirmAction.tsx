/**
 * A button for an irreversible step that asks first: the question, any inputs it needs, and an explicit
 * confirm button (focused when the question opens). The API's answer decides: its errors stay on screen.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

import { FormAlert } from "../../components/Field";
import { NO_ERRORS, hasErrors, type SplitErrors } from "../../components/fieldErrors";

interface ConfirmActionProps {
  /** The first button ("Start job"). */
  label: string;
  /** What will happen, asked as a question. */
  question: ReactNode;
  /** The confirming button ("Yes, start the job"). */
  confirmLabel: string;
  danger?: boolean;
  testId?: string;
  /** Runs the mutation; returns its errors (none on success). */
  onConfirm: () => Promise<SplitErrors>;
  /** Extra inputs (a reason…), given the field errors to show next to them. */
  children?: (errors: SplitErrors) => ReactNode;
}

export function ConfirmAction({ label, question, confirmLabel, danger, testId, onConfirm, children }: ConfirmActionProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [running, setRunning] = useState(false);
  const [errors, setErrors] = useState<SplitErrors>(NO_ERRORS);
  const groupRef = useRef<HTMLDivElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Opening moves focus into the question (its first input, else the confirm button); closing returns it.
  useEffect(() => {
    if (open && !wasOpen.current) groupRef.current?.querySelector<HTMLElement>("textarea, input, button")?.focus();
    if (!open && wasOpen.current) openRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  async function confirm() {
    setRunning(true);
    const result = await onConfirm();
    setRunning(false);
    setErrors(result);
    if (!hasErrors(result)) setOpen(false);
  }

  const tone = danger ? "button button-danger" : "button";
  if (!open) {
    return (
      <div className="job-action" data-testid={testId}>
        <button ref={openRef} type="button" className={danger ? "button button-secondary button-danger-outline" : "button"} onClick={() => setOpen(true)}>
          {label}
        </button>
        <FormAlert messages={errors.general} />
      </div>
    );
  }
  return (
    <div ref={groupRef} className="job-action job-confirm card" role="group" aria-labelledby={`${id}-question`} data-testid={testId}>
      <p id={`${id}-question`} className="job-confirm-question">
        {question}
      </p>
      {children ? children(errors) : null}
      <FormAlert messages={errors.general} />
      <div className="job-confirm-buttons">
        <button type="button" className={tone} disabled={running} onClick={() => void confirm()}>
          {running ? "Working…" : confirmLabel}
        </button>
        <button type="button" className="button button-secondary" disabled={running} onClick={() => setOpen(false)}>
          Not now
        </button>
      </div>
    </div>
  );
}
