"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, type ReactNode } from "react";

export type State =
  { status: "idle" } | { status: "error"; message: string; fieldErrors?: Record<string, string[]> } | { status: "success"; message?: string; data: unknown };

/**
 * A form bound to a server action with its result announced next to it: the error (and
 * each field's errors) or the success message. On an error the typed values stay in place (React
 * would reset the form after a form action): the form is submitted through a transition instead,
 * and cleared only after a success. Without JavaScript the plain form action still works.
 */
export function ActionForm({
  action,
  children,
  className,
  submitLabel,
  variant = "primary",
  label,
  buttons,
  confirmMessage,
}: {
  action: (state: State, form: FormData) => Promise<State>;
  children?: ReactNode;
  className?: string;
  submitLabel: string;
  variant?: "primary" | "secondary" | "danger";
  label?: string;
  /** Replaces the default submit button (several buttons with name="intent"). */
  buttons?: ReactNode;
  /** Asked before a destructive action (deleting, closing); nothing is sent if declined. */
  confirmMessage?: string;
}) {
  const [state, formAction, isPending] = useActionState(action, { status: "idle" } as State);
  const formRef = useRef<HTMLFormElement>(null);
  const t = useTranslations("common");
  useEffect(() => {
    if (state.status === "success") formRef.current?.reset();
  }, [state]);
  const styles = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    secondary: "border border-slate-400 bg-white hover:bg-slate-100",
    danger: "bg-red-700 text-white hover:bg-red-800",
  };
  return (
    <form
      ref={formRef}
      action={formAction}
      onSubmit={(e) => {
        e.preventDefault();
        if (confirmMessage && !window.confirm(confirmMessage)) return;
        // Keep the clicked button's name/value (forms with several intents, e.g. preview / save).
        const data = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
        startTransition(() => formAction(data));
      }}
      className={className ?? "flex flex-wrap items-end gap-2"}
      aria-label={label}
    >
      {children}
      {buttons ?? (
        <button
          type="submit"
          disabled={isPending}
          aria-busy={isPending || undefined}
          className={`rounded px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${styles[variant]}`}
        >
          {isPending ? t("saving") : submitLabel}
        </button>
      )}
      <ActionResult state={state} />
    </form>
  );
}

/** A form's answer: the error with each field's errors, or the success message (in the reader's language: lib/http/define-action.ts). */
export function ActionResult({ state, isStale = false }: { state: State; isStale?: boolean }) {
  if (state.status === "error" && !isStale) {
    return (
      <div role="alert" data-testid="alerte" className="basis-full rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
        {state.message}
        {state.fieldErrors && (
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(state.fieldErrors).map(([field, errors]) => (
              <li key={field}>{errors.join(" ")}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (state.status === "success" && state.message) {
    return (
      <p
        role="status"
        data-testid="confirmation"
        className="basis-full rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900 wrap-anywhere"
      >
        {state.message}
      </p>
    );
  }
  return null;
}

/** A labelled select; `name` is the form field. */
export function SelectField({
  label,
  name,
  options,
  defaultValue,
}: {
  label: string;
  name: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  return (
    <label className="flex flex-col text-sm">
      <span className="font-medium">{label}</span>
      <select name={name} defaultValue={defaultValue} className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function TextField({
  label,
  name,
  type = "text",
  required,
  defaultValue,
  placeholder,
}: {
  label: string;
  name: string;
  type?: string;
  required?: boolean;
  defaultValue?: string;
  placeholder?: string;
}) {
  return (
    <label className="flex flex-col text-sm">
      <span className="font-medium">{label}</span>
      <input
        name={name}
        type={type}
        required={required}
        defaultValue={defaultValue}
        placeholder={placeholder}
        className="mt-1 rounded border border-slate-400 bg-white px-2 py-1.5"
      />
    </label>
  );
}
