"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";

import { recordTransmissionAction } from "@/app/(portal)/forem/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export const FOREM_IMPULSION_ADDRESS = "impulsions@forem.be";

type Props = { period: { from: string; to: string }; sha256: string; encryptedName: string };

/** How to send (seed 000), then the register entry — created only once the agent confirms the sending. */
export function TransmissionConfirm({ period, sha256, encryptedName }: Props) {
  const t = useTranslations("forem.export");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ rowCount: number } | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const r = await recordTransmissionAction({ period, sha256, note: form.get("note") ?? "", isConfirmed: form.get("confirme") === "oui" });
      // A missing confirmation is a field error: show its own words rather than the generic summary.
      if (r.status === "error")
        return setError(
          Object.values(r.fieldErrors ?? {})
            .flat()
            .join(" ") || r.message,
        );
      if (r.status === "success") {
        setError(null);
        setDone({ rowCount: r.data.rowCount });
      }
    });
  }

  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  const mail = (chunks: ReactNode) => (
    <a href={`mailto:${FOREM_IMPULSION_ADDRESS}`} className="text-brand-700 underline">
      {chunks}
    </a>
  );
  return (
    <section aria-labelledby="etape-envoi" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="etape-envoi" className="text-lg font-semibold">
        {t("step3Title")}
      </h2>
      <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm" data-testid="consignes-forem">
        <li>{t.rich("send1", { name: encryptedName, address: FOREM_IMPULSION_ADDRESS, strong, mail })}</li>
        <li>{t.rich("send2", { strong })}</li>
        <li>{t("send3")}</li>
      </ol>
      {done ? (
        <p role="status" data-testid="transmission-enregistree" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          {t("recorded", { count: done.rowCount })}{" "}
          <a href="/forem/registre" className="text-brand-700 underline">
            {t("seeTransmissions")}
          </a>
        </p>
      ) : (
        <form method="post" onSubmit={onSubmit} noValidate aria-label={t("confirmLabel")} className="mt-4">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="confirme" value="oui" className="mt-1" />
            <span>{t("confirmBox")}</span>
          </label>
          <label htmlFor="note-transmission" className="mt-3 block text-sm font-medium text-slate-800">
            {t("note")}
          </label>
          <input
            id="note-transmission"
            name="note"
            maxLength={500}
            autoComplete="off"
            className="mt-1 block w-full rounded border border-slate-400 px-3 py-2 text-sm"
          />
          <Button type="submit" className="mt-4" isPending={isPending}>
            {t("record")}
          </Button>
          {error && <ErrorAlert>{error}</ErrorAlert>}
        </form>
      )}
    </section>
  );
}
