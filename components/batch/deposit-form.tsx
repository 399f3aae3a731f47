"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState, useSyncExternalStore, useTransition } from "react";

import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

import { fiOrder, signingMessage, signParts } from "./browser-signature";

type Result = { setName: string; directory: string; files: { name: string }[] };
type SignatureMode = "navigateur" | "fichiers";

const noSubscription = () => () => undefined;

/**
 * Deposits one sending (FI parts, FS in production) through POST /api/canaux/depots. In production
 * the FS are either made here, in the browser, from a PKCS#12 file and its password (issue 14: the
 * file and the password stay in the page — their inputs have no `name`, and the request is built
 * by hand from the FI parts and the FS made), or made outside the portal and joined (a key on a
 * card or a token).
 */
export function DepositForm({ channelId, certificateBase64 }: { channelId: string; certificateBase64: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<(Result & { signedBy?: string }) | null>(null);
  const [environment, setEnvironment] = useState<"T" | "R">("T");
  const [mode, setMode] = useState<SignatureMode>("navigateur");
  const [password, setPassword] = useState("");
  const [step, setStep] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  // False in the server HTML, true once React handles the form: the button waits for it.
  const isHydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const formEl = e.currentTarget;
    const field = (name: string) => formEl.elements.namedItem(name) as HTMLInputElement | null;
    const filesOf = (name: string) => [...(field(name)?.files ?? [])].filter((f) => f.size > 0);
    const fi = filesOf("fi").sort(fiOrder);
    const body = new FormData();
    body.set("channelId", channelId);
    body.set("code", field("code")?.value ?? "");
    body.set("environment", environment);
    for (const part of fi) body.append("fi", part);
    startTransition(async () => {
      setDone(null);
      setError(null);
      let signedBy: string | undefined;
      if (environment === "R" && mode === "navigateur") {
        const pkcs12 = filesOf("pkcs12-local")[0];
        if (fi.length === 0) return setError("Joignez au moins un fichier de données (FI).");
        if (!pkcs12) return setError("Choisissez le fichier PKCS#12 (.p12 ou .pfx) du certificat du canal.");
        if (!password) return setError("Saisissez le mot de passe du fichier PKCS#12.");
        try {
          setStep(`Signature de ${fi.length} partie(s) dans le navigateur…`);
          const signed = await signParts({ fi, pkcs12, password, channelCertificateBase64: certificateBase64 });
          signedBy = signed.subject;
          for (const fs of signed.fs) body.append("fs", fs);
        } catch (err) {
          setStep(null);
          return setError(signingMessage(err));
        }
      } else if (environment === "R") {
        for (const fs of filesOf("fs")) body.append("fs", fs);
      }
      try {
        setStep("Envoi vers le serveur SFTP…");
        const res = await fetch("/api/canaux/depots", { method: "POST", body });
        const json = (await res.json()) as Partial<Result> & { erreur?: string; champs?: Record<string, string[]> };
        if (!res.ok) {
          setError([json.erreur ?? "Le dépôt a échoué.", ...Object.values(json.champs ?? {}).flat()].join(" "));
          return;
        }
        setError(null);
        setDone({ ...(json as Result), signedBy });
        setPassword("");
        formEl.reset();
        router.refresh();
      } catch {
        setError("Le dépôt a échoué. Vérifiez votre connexion et réessayez.");
      } finally {
        setStep(null);
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
          <select name="environment" value={environment} onChange={(e) => setEnvironment(e.target.value === "R" ? "R" : "T")} className={field}>
            <option value="T">T : test (INTEST)</option>
            <option value="R">R : production (IN)</option>
          </select>
        </label>
      </div>
      <label className="flex flex-col">
        <span className="font-medium">Fichiers de données FI (une partie par fichier, dans l&apos;ordre de leurs noms)</span>
        <input name="fi" type="file" multiple required className="mt-1" />
      </label>
      {environment === "R" ? (
        <fieldset className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">Signatures FS (une par fichier FI, avec le certificat du canal ; vérifiées avant l&apos;envoi)</legend>
          <div className="flex flex-col gap-1">
            <label className="flex items-center gap-2">
              <input type="radio" name="signature-mode" value="navigateur" checked={mode === "navigateur"} onChange={() => setMode("navigateur")} />
              Signer ici, dans le navigateur, avec le fichier PKCS#12 du certificat
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="signature-mode" value="fichiers" checked={mode === "fichiers"} onChange={() => setMode("fichiers")} />
              Joindre les FS faits hors du portail (clé sur carte ou sur jeton)
            </label>
          </div>
          {mode === "navigateur" ? (
            <div className="mt-3 flex flex-col gap-3">
              <label className="flex flex-col">
                <span className="font-medium">Certificat et clé privée (PKCS#12 : .p12 ou .pfx)</span>
                {/* No `name`: the file is read in the page only, never part of what is sent. */}
                <input id="pkcs12-local" type="file" accept=".p12,.pfx,application/x-pkcs12" className="mt-1" />
              </label>
              <label className="flex flex-col">
                <span className="font-medium">Mot de passe du fichier PKCS#12</span>
                <input
                  type="password"
                  autoComplete="off"
                  spellCheck={false}
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  className={`${field} max-w-sm font-mono`}
                />
              </label>
              <p className="text-slate-700">
                Le fichier et son mot de passe restent dans votre navigateur : seuls les fichiers FI et les signatures FS produites sont envoyés au portail.
              </p>
            </div>
          ) : (
            <label className="mt-3 flex flex-col">
              <span className="font-medium">Signatures FS (une par fichier FI, dans le même ordre)</span>
              <input name="fs" type="file" multiple className="mt-1" />
            </label>
          )}
        </fieldset>
      ) : (
        <p className="text-slate-700">En test (INTEST), aucune signature FS n&apos;est envoyée.</p>
      )}
      <p className="text-slate-700">Le portail date l&apos;envoi du jour et lui donne le numéro de séquence suivant (5 chiffres, jamais réutilisé).</p>
      <div>
        <Button type="submit" isPending={isPending} disabled={!isHydrated}>
          Déposer
        </Button>
      </div>
      {step && (
        <p role="status" className="text-slate-700">
          {step}
        </p>
      )}
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {done && (
        <p role="status" data-testid="depot-confirme" className="rounded border border-green-300 bg-green-50 p-3 text-green-950">
          Envoi {done.setName} déposé dans {done.directory} : {done.files.map((f) => f.name).join(", ")}.
          {done.signedBy ? ` Signé dans le navigateur avec le certificat « ${done.signedBy} ».` : ""}
        </p>
      )}
    </form>
  );
}
