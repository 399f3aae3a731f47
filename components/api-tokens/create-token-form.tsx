"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";

import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type State =
  | { status: "idle" }
  | { status: "error"; message: string; fieldErrors?: Record<string, string[]> }
  | { status: "success"; message?: string; data: { name: string; token: string } };

/**
 * Creates a token and shows it once: it lives only in this component's state, so leaving or
 * reloading the page loses it for good (the server keeps only its hash).
 */
export function CreateTokenForm({ action }: { action: (state: State, form: FormData) => Promise<State> }) {
  const [state, formAction, isPending] = useActionState(action, { status: "idle" } as State);
  const [copied, setCopied] = useState<string | null>(null);
  const t = useTranslations("apiTokens.create");
  const created = state.status === "success" ? state.data : null;

  const copy = async (token: string) => {
    try {
      await navigator.clipboard.writeText(token);
      setCopied(token);
    } catch {
      setCopied(null);
    }
  };

  return (
    <div className="space-y-4">
      <form action={formAction} aria-label={t("formLabel")} className="max-w-md">
        <Field
          label={t("name")}
          name="name"
          required
          maxLength={80}
          hint={t("nameHint")}
          errors={state.status === "error" ? state.fieldErrors?.name : undefined}
        />
        <Button type="submit" isPending={isPending} className="mt-4">
          {t("submit")}
        </Button>
        {state.status === "error" && (
          <p role="alert" data-testid="alerte" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
            {state.message}
          </p>
        )}
      </form>
      {created && (
        <div role="status" data-testid="jeton-cree" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">{t("created", { name: created.name })}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code data-testid="nouveau-jeton" className="rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs break-all select-all">
              {created.token}
            </code>
            <Button type="button" variant="secondary" onClick={() => void copy(created.token)}>
              {t("copy")}
            </Button>
            {copied === created.token && <span className="text-emerald-800">{t("copied")}</span>}
          </div>
          <p>{t("keep")}</p>
        </div>
      )}
    </div>
  );
}
