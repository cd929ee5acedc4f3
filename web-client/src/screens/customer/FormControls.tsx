/**
 * Labelled select and textarea controls with the same error wiring as the kit's `Field` (aria-invalid,
 * aria-describedby), plus the "filled in from your photo" marker the request form puts under AI-filled inputs.
 */
import { useId, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

interface ControlFrameProps {
  label: string;
  name: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  aiFilled?: boolean;
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

type Common = { label: string; name: string; error?: string; hint?: ReactNode; aiFilled?: boolean };

export function TextInput({ label, name, error, hint, aiFilled, required, ...input }: Common & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <ControlFrame label={label} name={name} required={required} error={error} hint={hint} aiFilled={aiFilled}>
      {({ id, describedBy, invalid }) => (
        <input id={id} name={name} required={required} aria-invalid={invalid} aria-describedby={describedBy} {...input} />
      )}
    </ControlFrame>
  );
}

export function SelectInput({ label, name, error, hint, aiFilled, required, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
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

export function TextArea({ label, name, error, hint, aiFilled, required, ...textarea }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <ControlFrame label={label} name={name} required={required} error={error} hint={hint} aiFilled={aiFilled}>
      {({ id, describedBy, invalid }) => (
        <textarea id={id} name={name} required={required} aria-invalid={invalid} aria-describedby={describedBy} rows={5} {...textarea} />
      )}
    </ControlFrame>
  );
}
