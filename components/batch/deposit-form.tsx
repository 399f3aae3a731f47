"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useTransition } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type Result = { setName: string; directory: string; files: { name: string }[] };

/** Deposits one sending (FI parts, FS in production) through POST /api/canaux/depots. */
export function DepositForm({ channelId }: { channelId: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Result | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const body = new FormData(formEl);
    body.set("channelId", channelId);
    startTransition(async () => {
      setDone(null);
      try {
        const res = await fetch("/api/canaux/depots", { method: "POST", body });
        const json = (await res.json()) as Partial<Result> & { erreur?: string; champs?: Record<string, string[]> };
        if (!res.ok) {
          setError([json.erreur ?? "Le dépôt a échoué.", ...Object.values(json.champs ?? {}).flat()].join(" "));
          return;
        }
        setError(null);
        setDone(json as Result);
        formEl.reset();
        router.refresh();
      } catch {
        setError("Le dépôt a échoué. Vérifiez votre connexion et réessayez.");
      }
    });
  }

  const field = "mt-1 rounded border border-slate-400 bg-white px-2 py-1.5";
  return (
    <form onSubmit={onSubmit} aria-label="Déposer un envoi" className="mt-3 flex flex-col gap-3 text-sm" noValidate>
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col">
          <span className="font-medium">Code du service</span>
          <input name="code" required className={field} />
        </label>
        <label className="flex flex-col">
          <span className="font-medium">Environnement</span>
          <select name="environment" defaultValue="T" className={field}>
            <option value="T">T : test (INTEST)</option>
            <option value="R">R : production (IN)</option>
          </select>
        </label>
      </div>
      <label className="flex flex-col">
        <span className="font-medium">Fichiers de données FI (une partie par fichier, dans l&apos;ordre de leurs noms)</span>
        <input name="fi" type="file" multiple required className="mt-1" />
      </label>
      <label className="flex flex-col">
        <span className="font-medium">Signatures FS (production : une par fichier FI, faites avec le certificat du canal ; vérifiées avant l&apos;envoi)</span>
        <input name="fs" type="file" multiple className="mt-1" />
      </label>
      <p className="text-slate-700">Le portail date l&apos;envoi du jour et lui donne le numéro de séquence suivant (5 chiffres, jamais réutilisé).</p>
      <div>
        <Button type="submit" isPending={isPending}>
          Déposer
        </Button>
      </div>
      {isPending && (
        <p role="status" className="text-slate-700">
          Envoi vers le serveur SFTP…
        </p>
      )}
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {done && (
        <p role="status" data-testid="depot-confirme" className="rounded border border-green-300 bg-green-50 p-3 text-green-950">
          Envoi {done.setName} déposé dans {done.directory} : {done.files.map((f) => f.name).join(", ")}.
        </p>
      )}
    </form>
  );
}
