import type { InputHTMLAttributes, ReactNode } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: ReactNode; error?: string | null };

/** A labelled input with its hint and, when it is wrong, its message right below it. */
export function TextField({ name, label, hint, error, ...input }: Props) {
  const describedBy = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      <input id={name} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && (
        <span className="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${name}-error`} role="alert" data-testid={`${name}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}
