import { useLocale, useTranslations } from "next-intl";
import type { ReactNode, Ref } from "react";

import type { CryptoMode } from "./mode-switch";
import type { SavedFile } from "./save-output";
import { useFileSize } from "./use-file-size";

/** Shown while working and kept at 100 % afterwards, so the last state stays readable. */
export function CryptoProgress({ mode, percent }: { mode: CryptoMode; percent: number }) {
  const t = useTranslations("encryption.progress");
  const label = mode === "chiffrer" ? t("encrypt") : t("decrypt");
  const shown = t("percent", { percent });
  return (
    <div className="mt-4 flex items-center gap-3 text-sm">
      <label htmlFor="progression-chiffrement" className="text-slate-800">
        {label}
      </label>
      <progress id="progression-chiffrement" max={100} value={percent} aria-valuetext={shown} className="h-3 w-56 accent-brand-700">
        {shown}
      </progress>
      <span data-testid="pourcentage" className="tabular-nums text-slate-700">
        {shown}
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

// Values of the `select`s in encryption.result.saved (machine words, not text).
const KIND = { chiffrer: "encrypt", dechiffrer: "decrypt" } as const;
const WHERE = { blob: "downloads", file: "chosen" } as const;

type ResultProps = { mode: CryptoMode; saved: SavedFile; sourceName: string; kindWarning?: string; ref?: Ref<HTMLDivElement> };

/** Receives the keyboard focus when it appears (tabIndex −1), so the result is read at once. */
export function CryptoSuccess({ mode, saved, sourceName, kindWarning, ref }: ResultProps) {
  const t = useTranslations("encryption.result");
  const formatSize = useFileSize();
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
        {t.rich("saved", {
          kind: KIND[mode],
          name: saved.name,
          size: formatSize(saved.size),
          where: saved.downloadUrl ? WHERE.blob : WHERE.file,
          strong: (chunks) => <strong data-testid="nom-resultat">{chunks}</strong>,
        })}
      </p>
      {saved.downloadUrl && (
        <p className="mt-2">
          {t("notStarted")}{" "}
          <a href={saved.downloadUrl} download={saved.name} className="text-brand-700 underline">
            {t("downloadAgain", { name: saved.name })}
          </a>
        </p>
      )}
      {isEncrypt && <SendingSteps encryptedName={saved.name} plainName={sourceName} />}
    </div>
  );
}

function SendingSteps({ encryptedName, plainName }: { encryptedName: string; plainName: string }) {
  const t = useTranslations("encryption.result");
  const tHelp = useTranslations("encryption.help");
  const isFrench = useLocale().startsWith("fr");
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <div data-testid="consignes-envoi" className="mt-3 border-t border-green-200 pt-3">
      <p className="font-medium">{t("toSend")}</p>
      <ol className="mt-1 list-decimal space-y-1 pl-5">
        <li>
          {t.rich("step1", { name: encryptedName, strong })}
          {/* Issue 13: FOREM is Walloon; its list and instructions stay French, the Dutch page says so. */}
          {!isFrench && <span className="block text-green-900">{tHelp("foremFrenchOnly")}</span>}
        </li>
        <li>{t.rich("step2", { strong })}</li>
        <li>
          {t("step3")}
          <code data-testid="commande-openssl" className="mt-1 block overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
            {opensslDecryptCommand(encryptedName, plainName)}
          </code>
          {t("step3After")}
        </li>
      </ol>
    </div>
  );
}
