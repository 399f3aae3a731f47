"use client";

import { useState, useTransition, type FormEvent } from "react";

import { recordTransmissionAction } from "@/app/(portal)/forem/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export const FOREM_IMPULSION_ADDRESS = "impulsions@forem.be";

type Props = { period: { from: string; to: string }; sha256: string; encryptedName: string };

/** How to send (seed 000), then the register entry — created only once the agent confirms the sending. */
export function TransmissionConfirm({ period, sha256, encryptedName }: Props) {
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

  return (
    <section aria-labelledby="etape-envoi" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <h2 id="etape-envoi" className="text-lg font-semibold">
        3. Envoyer au FOREM et l&apos;inscrire au registre
      </h2>
      <ol className="mt-3 list-decimal space-y-1 pl-5 text-sm" data-testid="consignes-forem">
        <li>
          Envoyez le fichier chiffré <strong>{encryptedName}</strong> par e-mail à l&apos;adresse Impulsion du FOREM :{" "}
          <a href={`mailto:${FOREM_IMPULSION_ADDRESS}`} className="text-brand-700 underline">
            {FOREM_IMPULSION_ADDRESS}
          </a>
          .
        </li>
        <li>
          Communiquez le mot de passe par un <strong>autre canal</strong> (un autre e-mail à la gestionnaire de service du FOREM, téléphone…), jamais dans
          l&apos;e-mail qui contient le fichier.
        </li>
        <li>Confirmez ci-dessous : la transmission est inscrite au registre (qui, quand, période, nombre de lignes — jamais le mot de passe).</li>
      </ol>
      {done ? (
        <p role="status" data-testid="transmission-enregistree" className="mt-4 rounded border border-green-300 bg-green-50 p-3 text-sm text-green-950">
          Transmission inscrite au registre ({done.rowCount} ligne{done.rowCount > 1 ? "s" : ""}).{" "}
          <a href="/forem/registre" className="text-brand-700 underline">
            Voir le registre des transmissions
          </a>
        </p>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Confirmer l'envoi" className="mt-4">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="confirme" value="oui" className="mt-1" />
            <span>J&apos;ai envoyé le fichier chiffré au FOREM et le mot de passe par un autre canal.</span>
          </label>
          <label htmlFor="note-transmission" className="mt-3 block text-sm font-medium text-slate-800">
            Remarque (facultatif, n&apos;y mettez pas le mot de passe)
          </label>
          <input
            id="note-transmission"
            name="note"
            maxLength={500}
            autoComplete="off"
            className="mt-1 block w-full rounded border border-slate-400 px-3 py-2 text-sm"
          />
          <Button type="submit" className="mt-4" isPending={isPending}>
            Inscrire la transmission au registre
          </Button>
          {error && <ErrorAlert>{error}</ErrorAlert>}
        </form>
      )}
    </section>
  );
}
