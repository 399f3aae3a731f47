"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

import { SelectField } from "./select-field";

const SALTED = "Salted__";

/** Sends an already-encrypted (.enc) file. The browser checks the OpenSSL header first; the server checks again. */
export function FileExchangeSendForm({ partners }: { partners: { id: string; name: string }[] }) {
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
      if (!(file instanceof File) || file.size === 0) return setError({ message: "Choisissez le fichier chiffré à envoyer." });
      const head = new TextDecoder().decode(await file.slice(0, 8).arrayBuffer());
      if (head !== SALTED)
        return setError({ message: "Ce fichier n'est pas chiffré : chiffrez-le d'abord (page Chiffrement), puis envoyez le fichier .enc obtenu." });
      try {
        const res = await fetch("/api/fileexchange", { method: "POST", body });
        const json = (await res.json()) as { fileName?: string; erreur?: string; champs?: Record<string, string[]> };
        if (!res.ok) return setError({ message: json.erreur ?? "L'envoi a échoué.", fields: json.champs });
        setError(null);
        setSent(json.fileName ?? file.name);
        formEl.reset();
        router.refresh();
      } catch {
        setError({ message: "L'envoi a échoué. Vérifiez votre connexion et réessayez." });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Envoyer un fichier" className="max-w-2xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <SelectField
        label="Organisation destinataire"
        name="destinataire"
        options={partners.map((p) => ({ value: p.id, label: p.name }))}
        errors={error?.fields?.toEntityId}
      />
      <div className="mt-4">
        <label htmlFor="fichier-envoi" className="block text-sm font-medium text-slate-800">
          Fichier chiffré (.enc, 20 Mo au maximum)
        </label>
        <input id="fichier-envoi" name="fichier" type="file" required className="mt-1 block text-sm" aria-describedby="fichier-envoi-aide" />
        <p id="fichier-envoi-aide" className="mt-1 text-xs text-slate-600">
          Chiffrez d&apos;abord le document sur la page{" "}
          <a href="/chiffrement" className="text-brand-700 underline">
            Chiffrement
          </a>{" "}
          ; le portail refuse tout fichier non chiffré et ne conserve que le fichier chiffré. Communiquez le mot de passe au destinataire par un autre canal.
        </p>
      </div>
      <Field label="Message (facultatif)" name="message" maxLength={500} errors={error?.fields?.note} />
      <Button type="submit" className="mt-6" isPending={isPending}>
        Envoyer
      </Button>
      {error && <ErrorAlert>{error.message}</ErrorAlert>}
      {sent && (
        <p role="status" data-testid="fichier-envoye" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          Fichier {sent} envoyé.
        </p>
      )}
    </form>
  );
}
