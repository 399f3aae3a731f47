"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

// Small labelled controls for the C60.7 forms: each error is tied to its control (aria-describedby)
// and announced; ids derive from the zod path ("employmentPeriods.0.from") so errors land on them.

export const fieldId = (path: string) => `c607-${path.replace(/\./g, "-")}`;

type Base = {
  path: string;
  label: string;
  errors?: Record<string, string[]>;
  hint?: string;
  className?: string;
};

function Wrapper({
  path,
  label,
  errors,
  hint,
  className,
  children,
}: Base & {
  children: (props: { id: string; describedBy?: string; isInvalid: boolean }) => ReactNode;
}) {
  const id = fieldId(path);
  const messages = errors?.[path];
  const describedBy = [hint ? `${id}-aide` : null, messages?.length ? `${id}-erreur` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ?? ""}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, describedBy, isInvalid: Boolean(messages?.length) })}
      {hint && (
        <p id={`${id}-aide`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {messages?.length ? (
        <p id={`${id}-erreur`} className="mt-1 text-sm text-red-800">
          {messages.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const INPUT = "mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600";

export function TextControl(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    type?: "text" | "date" | "number";
    step?: string;
    required?: boolean;
    autoFocus?: boolean;
  },
) {
  return (
    <Wrapper {...props}>
      {({ id, describedBy, isInvalid }) => (
        <input
          id={id}
          type={props.type ?? "text"}
          step={props.step}
          value={props.value}
          required={props.required}
          autoFocus={props.autoFocus}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy}
          className={INPUT}
        />
      )}
    </Wrapper>
  );
}

export function SelectControl(
  props: Base & {
    value: string;
    onChange: (v: string) => void;
    options: readonly { value: string; label: string }[];
  },
) {
  return (
    <Wrapper {...props}>
      {({ id, describedBy, isInvalid }) => (
        <select
          id={id}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy}
          className={INPUT}
        >
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Wrapper>
  );
}

/** The two work regimes, in the reader's language. */
export function useRegimeOptions() {
  const t = useTranslations("c607.form");
  return [
    { value: "FULL_TIME", label: t("fullTime") },
    { value: "PART_TIME", label: t("partTime") },
  ] as const;
}
