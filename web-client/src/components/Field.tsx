/**
 * The labelled form controls every area uses: input, select and textarea share one frame that ties the label,
 * hint, "filled in from your photo" marker and error to the control (aria-invalid + aria-describedby), and marks
 * the error with `data-field-error=<name>`.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

interface FrameProps {
  label: string;
  name: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  /** The request form filled this in from the customer's photo: ask them to check it. */
  aiFilled?: boolean;
}

interface ControlFrameProps extends FrameProps {
  children: (ids: { id: string; describedBy?: string; invalid?: true }) => ReactNode;
}

/** Label, control, hint, AI marker and error, tied together for assistive technology. */
export function ControlFrame({ label, name, required, error, hint, aiFilled, children }: ControlFrameProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const aiId = `${id}-ai`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, aiFilled ? aiId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${aiFilled ? " field-ai" : ""}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {children({ id, describedBy, invalid: error ? true : undefined })}
      {hint ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {aiFilled ? (
        <p className="ai-marker" id={aiId} data-ai-filled={name}>
          Filled in from your photo: check it.
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId} data-field-error={name}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input whose error is announced and tied to it. */
export function Field({ label, name, error, hint, aiFilled, required, ...input }: FrameProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <ControlFrame label={label} name={name} required={required} error={error} hint={hint} aiFilled={aiFilled}>
      {({ id, describedBy, invalid }) => (
        <input id={id} name={name} required={required} aria-invalid={invalid} aria-describedby={describedBy} {...input} />
      )}
    </ControlFrame>
  );
}

export function SelectField({ label, name, error, hint, aiFilled, required, children, ...select }: FrameProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <ControlFrame label={label} name={name} required={required} error={error} hint={hint} aiFilled={aiFilled}>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={name} required={required} aria-invalid={invalid} aria-describedby={describedBy} {...select}>
          {children}
        </select>
      )}
    </ControlFrame>
  );
}

export function TextAreaField({ label, name, error, hint, aiFilled, required, ...textarea }: FrameProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <ControlFrame label={label} name={name} required={required} error={error} hint={hint} aiFilled={aiFilled}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} name={name} required={required} aria-invalid={invalid} aria-describedby={describedBy} {...textarea} />
      )}
    </ControlFrame>
  );
}

export function FormAlert({ messages }: { messages: readonly string[] }) {
  if (!messages.length) return null;
  return (
    <div className="alert alert-error" role="alert">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
