"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";

import { confirmTotpReenrolmentAction, regenerateRecoveryCodesAction, startTotpReenrolmentAction } from "@/app/(portal)/compte/actions";
import { ActionForm, ActionResult, TextField } from "@/components/ui/action-form";

const CODE_FIELD = { type: "text", required: true } as const;

/**
 * A new phone: a new secret is shown (QR code drawn on our server, and as text); the person then
 * types a code of the app in use now (fresh second factor) and the first code of the new one.
 */
export function TotpReenrolment() {
  const t = useTranslations("account");
  const [started, start, isStarting] = useActionState(startTotpReenrolmentAction, { status: "idle" });
  const pending = started.status === "success" ? started.data : null;
  if (!pending) {
    return (
      <form
        action={start}
        onSubmit={(e) => {
          e.preventDefault();
          startTransition(() => start(new FormData()));
        }}
        aria-label={t("secondFactor.startLabel")}
        className="mt-3"
      >
        <button type="submit" disabled={isStarting} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          {isStarting ? t("secondFactor.preparing") : t("secondFactor.start")}
        </button>
        <ActionResult state={started} />
      </form>
    );
  }
  return (
    <div className="mt-3 space-y-3">
      <p className="text-sm">{t("secondFactor.scan")}</p>
      {/* Drawn on our server from the secret: no third-party QR service sees it. */}
      <div className="w-48" role="img" aria-label={t("secondFactor.qrLabel")} dangerouslySetInnerHTML={{ __html: pending.qrSvg }} />
      <p className="break-all rounded bg-slate-100 p-2 font-mono text-sm" data-testid="nouvelle-cle-totp">
        {pending.secret}
      </p>
      <ActionForm action={confirmTotpReenrolmentAction} submitLabel={t("secondFactor.confirm")} label={t("secondFactor.confirm")}>
        <input type="hidden" name="pending" value={pending.pending} />
        <TextField label={t("secondFactor.currentCode")} name="currentCode" {...CODE_FIELD} />
        <TextField label={t("secondFactor.newCode")} name="newCode" {...CODE_FIELD} />
      </ActionForm>
    </div>
  );
}

/** New recovery codes, shown once; the old ones stop working. */
export function RecoveryCodesRegeneration() {
  const t = useTranslations("account");
  const [state, regenerate, isPending] = useActionState(regenerateRecoveryCodesAction, { status: "idle" });
  const codes = state.status === "success" ? state.data.codes : null;
  return (
    <div className="mt-3">
      <form
        action={regenerate}
        onSubmit={(e) => {
          e.preventDefault();
          if (!window.confirm(t("recovery.confirm"))) return;
          const data = new FormData(e.currentTarget);
          startTransition(() => regenerate(data));
        }}
        aria-label={t("recovery.formLabel")}
        className="flex flex-wrap items-end gap-2"
      >
        <TextField label={t("codeOfApp")} name="code" {...CODE_FIELD} />
        <button type="submit" disabled={isPending} className="rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800">
          {isPending ? t("recovery.creating") : t("recovery.create")}
        </button>
        <ActionResult state={state} />
      </form>
      {codes && (
        <ul className="mt-3 grid max-w-md grid-cols-2 gap-2 font-mono text-sm" data-testid="codes-recuperation">
          {codes.map((c) => (
            <li key={c} className="rounded bg-slate-100 px-2 py-1 text-center">
              {c}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
