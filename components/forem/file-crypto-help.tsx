import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { opensslDecryptCommand } from "./crypto-result";

// Commands and the file names in them are not translated: they are typed as they are shown.
const EXAMPLE = { plain: "fichier.xlsx", encrypted: "fichier.xlsx.enc" };
const ENCRYPT_COMMAND = `openssl aes-256-cbc -e -salt -pbkdf2 -iter 10000 -in ${EXAMPLE.plain} -out ${EXAMPLE.encrypted}`;
const DECRYPT_COMMAND = opensslDecryptCommand(EXAMPLE.encrypted, EXAMPLE.plain);

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
const code = (chunks: ReactNode) => <code>{chunks}</code>;

/** Static explanations (seed 000): rendered on the server, no script needed to read them. */
export async function FileCryptoIntro() {
  const t = await getTranslations("encryption.intro");
  return (
    <div className="space-y-2 text-sm text-slate-700">
      <p data-testid="local-uniquement">{t.rich("localOnly", { strong })}</p>
      <p>{t("keepOriginal")}</p>
    </div>
  );
}

/** The example names stay those of the openssl commands below (a command is not translated). */
export async function FileCryptoHelp() {
  const [t, locale] = await Promise.all([getTranslations("encryption.help"), getLocale()]);
  return (
    <section aria-labelledby="envoi-titre" className="rounded-lg border border-slate-200 bg-white p-6 text-sm shadow-sm">
      <h2 id="envoi-titre" className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <ol className="mt-3 list-decimal space-y-2 pl-5">
        <li>{t.rich("step1", { ...EXAMPLE, code })}</li>
        <li>
          {t("step2")}
          {/* Issue 13: FOREM is Walloon; its list and instructions stay French, the Dutch page says so. */}
          {!locale.startsWith("fr") && (
            <span data-testid="forem-frans" className="block text-slate-700">
              {t("foremFrenchOnly")}
            </span>
          )}
        </li>
        <li>{t.rich("step3", { strong })}</li>
        <li>
          {t("step4")}
          <code className="mt-1 block overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs">{DECRYPT_COMMAND}</code>
        </li>
      </ol>
      <p className="mt-4">{t("received")}</p>
      <code className="mt-1 block overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs">{ENCRYPT_COMMAND}</code>
      <p className="mt-4 text-slate-700">{t("integrity")}</p>
    </section>
  );
}
