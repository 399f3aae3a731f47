import type { Ref } from "react";

import { formatSize } from "@/lib/forem/format-size";

import type { CryptoMode } from "./mode-switch";
import type { SavedFile } from "./save-output";

/** Shown while working and kept at 100 % afterwards, so the last state stays readable. */
export function CryptoProgress({ mode, percent }: { mode: CryptoMode; percent: number }) {
  const label = mode === "chiffrer" ? "Progression du chiffrement" : "Progression du déchiffrement";
  return (
    <div className="mt-4 flex items-center gap-3 text-sm">
      <label htmlFor="progression-chiffrement" className="text-slate-800">
        {label}
      </label>
      <progress id="progression-chiffrement" max={100} value={percent} aria-valuetext={`${percent} %`} className="h-3 w-56 accent-brand-700">
        {percent} %
      </progress>
      <span data-testid="pourcentage" className="tabular-nums text-slate-700">
        {percent} %
      </span>
    </div>
  );
}

/** Names may contain spaces or accents: quote them so the command can be pasted as is. */
function shellArg(name: string): string {
  return /^[\w.+@=-]+$/.test(name) ? name : `"${name.replace(/(["\\$`])/g, "\\$1")}"`;
}

export function opensslDecryptCommand(encryptedName: string, plainName: string): string {
  return `openssl aes-256-cbc -d -salt -pbkdf2 -iter 10000 -in ${shellArg(encryptedName)} -out ${shellArg(plainName)}`;
}

type ResultProps = { mode: CryptoMode; saved: SavedFile; sourceName: string; kindWarning?: string; ref?: Ref<HTMLDivElement> };

/** Receives the keyboard focus when it appears (tabIndex −1), so the result is read at once. */
export function CryptoSuccess({ mode, saved, sourceName, kindWarning, ref }: ResultProps) {
  const isEncrypt = mode === "chiffrer";
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="status"
      data-testid="resultat"
      className="mt-4 rounded border border-green-300 bg-green-50 p-4 text-sm text-green-950 focus:outline-2 focus:outline-brand-700"
    >
      {kindWarning && (
        <p data-testid="avertissement-type" className="mb-3 rounded border border-amber-300 bg-amber-50 p-3 font-medium text-amber-950">
          {kindWarning}
        </p>
      )}
      <p>
        {isEncrypt ? "Fichier chiffré" : "Fichier déchiffré"} enregistré : <strong data-testid="nom-resultat">{saved.name}</strong> ({formatSize(saved.size)})
        {saved.downloadUrl ? ", dans le dossier de téléchargements de votre navigateur." : "."}
      </p>
      {saved.downloadUrl && (
        <p className="mt-2">
          Le téléchargement n&apos;a pas démarré ?{" "}
          <a href={saved.downloadUrl} download={saved.name} className="text-brand-700 underline">
            Télécharger à nouveau {saved.name}
          </a>
        </p>
      )}
      {isEncrypt && <SendingSteps encryptedName={saved.name} plainName={sourceName} />}
    </div>
  );
}

function SendingSteps({ encryptedName, plainName }: { encryptedName: string; plainName: string }) {
  return (
    <div data-testid="consignes-envoi" className="mt-3 border-t border-green-200 pt-3">
      <p className="font-medium">Pour l&apos;envoyer :</p>
      <ol className="mt-1 list-decimal space-y-1 pl-5">
        <li>
          Envoyez le fichier <strong>{encryptedName}</strong> par e-mail au partenaire (par exemple FOREM Impulsion : impulsions@forem.be).
        </li>
        <li>
          Communiquez le mot de passe par un <strong>autre canal</strong> (téléphone, SMS…), jamais dans le même e-mail que le fichier.
        </li>
        <li>
          Le partenaire déchiffre le fichier avec la commande :
          <code data-testid="commande-openssl" className="mt-1 block overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
            {opensslDecryptCommand(encryptedName, plainName)}
          </code>
          OpenSSL demande alors le mot de passe.
        </li>
      </ol>
    </div>
  );
}
