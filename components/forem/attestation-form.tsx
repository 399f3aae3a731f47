"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";

import { createAttestationAction } from "@/app/(portal)/forem/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { DownloadButton } from "@/components/ui/download-button";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import { SelectField } from "./select-field";

type Props = { workers: { id: string; name: string; contractCount: number }[] };

export function AttestationForm({ workers }: Props) {
  const t = useTranslations("forem.attestations");
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [made, setMade] = useState<{ id: string; number: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const router = useRouter();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = Object.fromEntries(new FormData(e.currentTarget));
    startTransition(async () => {
      const r = await createAttestationAction(input);
      if (r.status === "error") return setError({ message: r.message, fields: r.fieldErrors });
      if (r.status === "success") {
        setError(null);
        setMade(r.data);
        // The register below is a server component: show the new attestation in it at once.
        router.refresh();
      }
    });
  }

  if (workers.length === 0) return <p className="text-sm text-slate-700">{t("noWorkers")}</p>;
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <>
      <form
        method="post"
        onSubmit={onSubmit}
        noValidate
        aria-label={t("formLabel")}
        className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
      >
        <SelectField
          label={t("worker")}
          name="workerId"
          options={workers.map((w) => ({ value: w.id, label: t("workerOption", { name: w.name, count: w.contractCount }) }))}
          errors={error?.fields?.workerId}
        />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <Field label={t("place")} name="place" required maxLength={100} errors={error?.fields?.place} />
          <Field label={t("signatory")} name="signatory" required maxLength={200} errors={error?.fields?.signatory} />
        </div>
        <Field label={t("reason")} name="reason" maxLength={500} hint={t("reasonHint")} errors={error?.fields?.reason} />
        <Button type="submit" className="mt-6" isPending={isPending}>
          {t("submit")}
        </Button>
        {error && <ErrorAlert>{error.message}</ErrorAlert>}
      </form>
      {made && (
        <div role="status" data-testid="attestation-creee" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          {t.rich("made", { number: made.number, strong })} <DownloadButton action={`/api/forem/attestations/${made.id}`}>{t("downloadPdf")}</DownloadButton>
        </div>
      )}
    </>
  );
}
