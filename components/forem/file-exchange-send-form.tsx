"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent, type ReactNode } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import { SelectField } from "./select-field";

const SALTED = "Salted__";

/** Sends an already-encrypted (.enc) file. The browser checks the OpenSSL header first; the server checks again. */
export function FileExchangeSendForm({ partners }: { partners: { id: string; name: string }[] }) {
  const t = useTranslations("forem");
  const router = useRouter();
  const [error, setError] = useState<{ message: string; fields?: Record<string, string[]> } | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const body = new FormData(formEl);
    const file = body.get("fichier");
    startTransition(async () => {
      setSent(null);
      if (!(file instanceof File) || file.size === 0) return setError({ message: t("errors.chooseEncryptedFile") });
      const head = new TextDecoder().decode(await file.slice(0, 8).arrayBuffer());
      if (head !== SALTED) return setError({ message: t("errors.notEncrypted") });
      try {
        const res = await fetch("/api/fileexchange", { method: "POST", body });
        const json = (await res.json()) as { fileName?: string; erreur?: string; champs?: Record<string, string[]> };
        if (!res.ok) return setError({ message: json.erreur ?? t("fileExchange.sendFailed"), fields: json.champs });
        setError(null);
        setSent(json.fileName ?? file.name);
        formEl.reset();
        router.refresh();
      } catch {
        setError({ message: t("fileExchange.networkFailed") });
      }
    });
  }

  const link = (chunks: ReactNode) => (
    <a href="/chiffrement" className="text-brand-700 underline">
      {chunks}
    </a>
  );
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      noValidate
      aria-label={t("fileExchange.formLabel")}
      className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
    >
      <SelectField
        label={t("fileExchange.recipient")}
        name="destinataire"
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
        errors={error?.fields?.toEntityId}
      />
      <div className="mt-4">
        <label htmlFor="fichier-envoi" className="block text-sm font-medium text-slate-800">
          {t("fileExchange.fileLabel")}
        </label>
        <input id="fichier-envoi" name="fichier" type="file" required className="mt-1 block text-sm" aria-describedby="fichier-envoi-aide" />
        <p id="fichier-envoi-aide" className="mt-1 text-xs text-slate-600">
          {t.rich("fileExchange.fileHelp", { link })}
        </p>
      </div>
      <Field label={t("fileExchange.message")} name="message" maxLength={500} errors={error?.fields?.note} />
      <Button type="submit" className="mt-6" isPending={isPending}>
        {t("fileExchange.send")}
      </Button>
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
      {sent && (
        <p role="status" data-testid="fichier-envoye" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          {t("fileExchange.sent", { name: sent })}
        </p>
      )}
    </form>
  );
}
