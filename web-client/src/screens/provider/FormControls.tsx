/** A labelled textarea and select with the same error wiring as the shared `Field` (aria-invalid + aria-describedby). */
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

interface Described {
  label: string;
  name: string;
  error?: string;
  hint?: string;
}

function useDescribedBy(error?: string, hint?: string) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return { id, describedBy, hintId: `${id}-hint`, errorId: `${id}-error` };
}

function Messages({ name, error, hint, hintId, errorId }: { name: string; error?: string; hint?: string; hintId: string; errorId: string }) {
  return (
    <>
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} data-field-error={name}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextAreaField({ label, name, error, hint, ...textarea }: Described & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { id, describedBy, hintId, errorId } = useDescribedBy(error, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...textarea} />
      <Messages name={name} error={error} hint={hint} hintId={hintId} errorId={errorId} />
    </div>
  );
}

export function SelectField({
  label,
  name,
  error,
  hint,
  children,
  ...select
}: Described & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  const { id, describedBy, hintId, errorId } = useDescribedBy(error, hint);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
        {children}
      </select>
      <Messages name={name} error={error} hint={hint} hintId={hintId} errorId={errorId} />
    </div>
  );
}
