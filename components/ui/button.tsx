"use client";

import { useTranslations } from "next-intl";
import type { ButtonHTMLAttributes } from "react";

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "danger"; isPending?: boolean };

const STYLES = {
  primary: "bg-brand-700 text-white hover:bg-brand-800",
  secondary: "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100",
  danger: "bg-red-700 text-white hover:bg-red-800",
};

export function Button({ variant = "primary", isPending, children, className, disabled, ...rest }: Props) {
  const t = useTranslations("common");
  return (
    <button
      {...rest}
      disabled={disabled || isPending}
      aria-busy={isPending || undefined}
      className={`inline-flex items-center justify-center rounded px-4 py-2 text-sm font-medium disabled:opacity-60 ${STYLES[variant]} ${className ?? ""}`}
    >
      {isPending ? t("pleaseWait") : children}
    </button>
  );
}
