import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { registerRestClientAction, obtainRestTokenAction, restClientIdAction } from "@/app/(portal)/canaux/_rest/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { TableHead } from "@/components/ui/table-head";
import type { Actor } from "@/lib/access/actor";
import { listRestClients } from "@/lib/batch/rest/clients";
import { env } from "@/lib/env";

const mono = (chunks: ReactNode) => <span className="break-all font-mono text-xs">{chunks}</span>;

/**
 * Chaman « Canaux Webservices » for one « Employeur ONSS » quality (issue 14): the REST clients,
 * each with its certificate to register in Chaman, its Client ID and its access token (in memory).
 */
export async function RestClients({ actor, qualityId }: { actor: Actor; qualityId: string }) {
  const [t, format, all] = await Promise.all([getTranslations("batch.rest"), getFormatter(), listRestClients(actor)]);
  const clients = all.filter((c) => c.qualityId === qualityId);
  return (
    <section aria-labelledby={`rest-${qualityId}`} className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id={`rest-${qualityId}`} className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      {clients.length === 0 ? (
        <p className="mt-2 text-sm">{t("none")}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="clients-rest">
            <caption className="sr-only">{t("caption")}</caption>
            <TableHead columns={[t("colName"), t("colType"), t("colClientId"), t("colCertificate"), t("colToken")]} />
            <tbody>
              {clients.map((c) => (
                <tr key={c.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3">{c.name}</td>
                  <td className="py-2 pr-3">{t("typeRest")}</td>
                  <td className="py-2 pr-3 font-mono text-xs" data-testid="client-id">
                    {c.clientId ?? t("clientIdPending")}
                  </td>
                  <td className="py-2 pr-3">
                    <span className="block text-xs text-slate-600">{t("validUntil", { date: format.dateTime(c.certificateValidTo, "date") })}</span>
                    <span className="block break-all font-mono text-xs text-slate-600">{c.certificateFingerprint}</span>
                  </td>
                  <td className="py-2" data-testid="jeton">
                    {c.tokenExpiresAt ? t("tokenUntil", { expiresAt: c.tokenExpiresAt }) : t("tokenNone")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {clients.map((c) => (
        <div key={c.id} className="mt-4 space-y-3 rounded border border-slate-200 p-4">
          <details>
            <summary className="cursor-pointer text-sm font-medium">{t("certificateSummary", { name: c.name })}</summary>
            <pre className="mt-2 whitespace-pre-wrap break-all rounded bg-slate-50 p-2 font-mono text-xs" data-testid="certificat-rest">
              {c.certificatePem}
            </pre>
            <a className="text-sm text-brand-700 underline" href={`data:application/pkix-cert;base64,${c.certificateBase64}`} download={`${c.fileName}.cer`}>
              {t("download", { file: `${c.fileName}.cer` })}
            </a>
          </details>
          <p className="text-sm">{t.rich("tokenUrl", { url: c.tokenUrl, mono })}</p>
          <div className="grid gap-3 md:grid-cols-2">
            <ActionForm action={restClientIdAction} submitLabel={t("saveClientId")} label={t("clientIdForm", { name: c.name })}>
              <input type="hidden" name="restClientId" value={c.id} />
              <TextField label={t("clientIdLabel")} name="clientId" defaultValue={c.clientId ?? ""} required />
            </ActionForm>
            {c.clientId && (
              <ActionForm action={obtainRestTokenAction} submitLabel={t("obtainToken")} variant="secondary" label={t("obtainForm", { name: c.name })}>
                <input type="hidden" name="restClientId" value={c.id} />
              </ActionForm>
            )}
          </div>
        </div>
      ))}
      <h3 className="mt-6 font-semibold">{t("add.heading")}</h3>
      <p className="mt-1 text-sm text-slate-700">{t("add.intro")}</p>
      <ActionForm action={registerRestClientAction} submitLabel={t("add.submit")} label={t("add.heading")} className="mt-3 flex flex-col gap-3">
        <input type="hidden" name="qualityId" value={qualityId} />
        <TextField label={t("add.name")} name="name" required />
        <TextField label={t("add.tokenUrl")} name="tokenUrl" type="url" defaultValue={env().REST_TOKEN_URL} required />
      </ActionForm>
    </section>
  );
}
