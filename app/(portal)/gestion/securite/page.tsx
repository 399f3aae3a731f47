import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";

import { accessPolicyAction, fileExchangeSettingsAction, publishUsagePolicyAction, sessionIdleAction } from "@/app/(portal)/gestion/securite/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { canAnywhere } from "@/lib/access/can";
import { getActor } from "@/lib/auth/get-actor";
import { db } from "@/lib/db/client";
import { fileExchangeSettings, RETENTION_DAYS } from "@/lib/forem/fileexchange/partners";
import { formatMinute } from "@/lib/security/access-policy";
import { usagePolicyStatus } from "@/lib/security/usage-policy";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access.security");
  return { title: t("metaTitle") };
}

/** The DPD's page: access policy (hours, networks) with a preview, and the usage policy (seed 002). */
export default async function SecurityPolicyPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!canAnywhere(actor, "entity.manage_access_policy")) notFound();
  const [t, format, policy, usage, fileExchange] = await Promise.all([
    getTranslations("access.security"),
    getFormatter(),
    db.accessPolicy.findUnique({ where: { entityId: actor.entityId } }),
    usagePolicyStatus(actor),
    canAnywhere(actor, "entity.manage_file_exchange") ? fileExchangeSettings(actor) : null,
  ]);
  const days = policy?.allowedDays ?? [1, 2, 3, 4, 5];
  const date = (d: Date) => format.dateTime(d, { dateStyle: "short", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="acces-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="acces-titre" className="text-lg font-semibold">
          {t("accessTitle")}
        </h2>
        <p className="mt-1 text-sm">{t("accessIntro")}</p>
        <ActionForm
          action={accessPolicyAction}
          submitLabel={t("save")}
          label={t("accessLabel")}
          className="mt-4 flex flex-col gap-3"
          buttons={
            <div className="flex gap-2">
              <button type="submit" name="intent" value="preview" className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm">
                {t("preview")}
              </button>
              <button type="submit" name="intent" value="save" className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white">
                {t("save")}
              </button>
            </div>
          }
        >
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isEnforced" defaultChecked={policy?.isEnforced ?? false} /> {t("enforce")}
          </label>
          <fieldset className="text-sm">
            <legend className="font-medium">{t("days")}</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label key={d} className="flex items-center gap-1">
                  <input type="checkbox" name="allowedDays" value={d} defaultChecked={days.includes(d)} /> {t("day", { day: String(d) })}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex gap-4">
            <TextField label={t("start")} name="start" type="time" defaultValue={formatMinute(policy?.startMinute ?? 420)} required />
            <TextField label={t("end")} name="end" type="time" defaultValue={formatMinute(policy?.endMinute ?? 1140)} required />
          </div>
          <label className="flex flex-col text-sm">
            <span className="font-medium">{t("networks")}</span>
            <textarea
              name="allowedCidrs"
              rows={3}
              defaultValue={(policy?.allowedCidrs ?? []).join("\n")}
              className="mt-1 rounded border border-slate-400 px-2 py-1.5 font-mono"
              placeholder="192.0.2.0/24"
            />
          </label>
        </ActionForm>
      </section>

      <section aria-labelledby="inactivite-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="inactivite-titre" className="text-lg font-semibold">
          {t("idleTitle")}
        </h2>
        <p className="mt-1 text-sm">{t("idleIntro")}</p>
        <ActionForm action={sessionIdleAction} submitLabel={t("save")} label={t("idleLabel")} className="mt-3 flex flex-wrap items-end gap-2">
          <TextField label={t("idleField")} name="minutes" type="number" defaultValue={String(Math.round(actor.sessionIdleSeconds / 60))} required />
        </ActionForm>
      </section>

      {fileExchange && (
        <section aria-labelledby="fileexchange-titre" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="fileexchange-titre" className="text-lg font-semibold">
            {t("fileExchangeTitle")}
          </h2>
          <p className="mt-1 text-sm">{t("fileExchangeIntro")}</p>
          <ActionForm action={fileExchangeSettingsAction} submitLabel={t("save")} label={t("fileExchangeLabel")} className="mt-4 flex flex-col gap-3">
            <fieldset className="text-sm">
              <legend className="font-medium">{t("partners")}</legend>
              {fileExchange.organisations.length === 0 ? (
                <p className="mt-1">{t("noPartners")}</p>
              ) : (
                <div className="mt-1 max-h-64 overflow-y-auto rounded border border-slate-300 p-2">
                  {fileExchange.organisations.map((o) => (
                    <label key={o.id} className="flex items-center gap-2 py-0.5">
                      <input type="checkbox" name="partnerEntityIds" value={o.id} defaultChecked={o.isAllowed} /> {o.label}
                    </label>
                  ))}
                </div>
              )}
            </fieldset>
            <TextField
              label={t("retention", { min: RETENTION_DAYS.min, max: RETENTION_DAYS.max })}
              name="retentionDays"
              type="number"
              defaultValue={String(fileExchange.retentionDays)}
              required
            />
          </ActionForm>
        </section>
      )}

      <section aria-labelledby="usage-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="usage-titre" className="text-lg font-semibold">
          {t("usageTitle")}
        </h2>
        {usage ? (
          <p className="mt-1 text-sm" data-testid="politique-statut">
            {t("usageStatus", {
              version: usage.current.version,
              title: usage.current.title,
              publishedAt: date(usage.current.publishedAt),
              accepted: usage.accepted.length,
              pending: usage.pendingCount,
            })}
          </p>
        ) : (
          <p className="mt-1 text-sm">{t("noUsage")}</p>
        )}
        {usage && usage.accepted.length > 0 && (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {usage.accepted.map((a) => (
              <li key={a.id}>
                {a.person ? `${a.person.firstName} ${a.person.lastName}` : "—"} — {date(a.acceptedAt)}
              </li>
            ))}
          </ul>
        )}
        <ActionForm action={publishUsagePolicyAction} submitLabel={t("publish")} label={t("publishLabel")} className="mt-4 flex flex-col gap-3">
          <TextField label={t("usageTitleField")} name="title" required defaultValue={usage?.current.title ?? t("usageDefaultTitle")} />
          <label className="flex flex-col text-sm">
            <span className="font-medium">{t("usageBody")}</span>
            <textarea name="body" rows={8} required defaultValue={usage?.current.body ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5" />
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
