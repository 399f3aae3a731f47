import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ComponentProps, ReactNode } from "react";

import { ActionForm, SelectField, TextField } from "@/components/ui/action-form";
import { TableHead } from "@/components/ui/table-head";
import { getActor } from "@/lib/auth/get-actor";
import { mayOpenChannels } from "@/lib/batch/access";
import { listChannelQualities } from "@/lib/batch/channels";
import { BATCH_SERVICES, serviceLabel, SFTP_SERVER } from "@/lib/batch/services";
import { currentLocale } from "@/lib/i18n/server";
import { formatBce } from "@/lib/validation/bce";

import { Acknowledgements } from "@/components/batch/acknowledgements";
import { DepositAcknowledgements } from "@/components/batch/deposit-acknowledgements";
import { depositStatus } from "@/lib/batch/deposit-status";
import { depositActions } from "@/lib/batch/deposits";
import { DepositForm } from "@/components/batch/deposit-form";
import { RestClients } from "@/components/batch/rest-clients";

import {
  cancelDepositAction,
  channelActiveAction,
  channelServicesAction,
  createChannelAction,
  createMandateAction,
  fetchAcknowledgementsAction,
  fileNamesAction,
  launchDepositAction,
  portalKeyAction,
  revokeMandateAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("batch"))("title") };
}

const mono = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

function ServiceChoices({ checked, legend, labelOf }: { checked: readonly string[]; legend: string; labelOf: (code: string) => string }) {
  return (
    <fieldset className="text-sm">
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {BATCH_SERVICES.map((s) => (
          <label key={s.code} className="flex items-center gap-2">
            <input type="checkbox" name="services" value={s.code} defaultChecked={checked.includes(s.code)} /> {labelOf(s.code)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Seed 004 (Chaman, MAHIS): the batch channels and mandates of the « Employeur ONSS » quality. */
/** A list of a quality's rows (deposits, mandates): captioned for screen readers, one scoped header per column, `children` the body's rows. */
function ListTable({
  testId,
  caption,
  columns,
  children,
}: {
  testId: string;
  caption: string;
  columns: ComponentProps<typeof TableHead>["columns"];
  children: ReactNode;
}) {
  return (
    <table className="mt-2 w-full text-left text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
}

export default async function ChannelsPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!mayOpenChannels(actor)) notFound();
  const qualities = await listChannelQualities(actor);
  if (qualities.length === 0) notFound();
  const today = new Date().toISOString().slice(0, 10);
  const [t, format, locale] = await Promise.all([getTranslations("batch"), getFormatter(), currentLocale()]);
  const day = (d: Date | null) => (d ? format.dateTime(d, "date") : "—");
  const labelOf = (code: string) => serviceLabel(code, locale);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t("heading")}</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">{t("intro")}</p>
      </div>
      {qualities.map((q) => (
        <div key={q.id} className="space-y-6">
          <section aria-labelledby={`expediteur-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id={`expediteur-${q.id}`} className="text-lg font-semibold">
              {t("quality.heading", { identifier: q.identifier })}
            </h2>
            {!q.isActive && <p className="mt-1 text-sm text-red-800">{t("quality.inactive")}</p>}
            <p className="mt-1 text-sm" data-testid="numero-expediteur">
              {t.rich("quality.senderNumber", { number: q.senderNumber ?? t("quality.senderNumberPending"), strong })}
            </p>
            <h3 className="mt-4 font-semibold">{t("channels.heading")}</h3>
            {q.channels.length === 0 ? (
              <p className="mt-1 text-sm">{t("channels.none")}</p>
            ) : (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="canaux">
                  <caption className="sr-only">{t("channels.caption")}</caption>
                  <TableHead
                    columns={[
                      t("channels.colName"),
                      t("channels.colKind"),
                      t("channels.colTechnicalUser"),
                      t("channels.colPermissions"),
                      t("channels.colCertificate"),
                      t("channels.colSshKey"),
                      t("channels.colState"),
                    ]}
                  />
                  <tbody>
                    {q.channels.map((c) => (
                      <tr key={c.id} className="border-b border-slate-100 align-top">
                        <td className="py-2 pr-3">{c.accountName}</td>
                        <td className="py-2 pr-3">{c.kind}</td>
                        <td className="py-2 pr-3 font-mono text-xs">{c.technicalUsername}</td>
                        <td className="py-2 pr-3">{c.services.map(labelOf).join(" ; ")}</td>
                        <td className="py-2 pr-3">
                          {c.certificateName}
                          <span className="block text-xs text-slate-600">{t("channels.validUntil", { date: day(c.certificateValidTo) })}</span>
                          <span className="block break-all font-mono text-xs text-slate-600">{c.certificateFingerprint}</span>
                        </td>
                        <td className="py-2 pr-3 break-all font-mono text-xs">{c.sshKeyFingerprint ?? "—"}</td>
                        <td className="py-2">{c.isActive ? t("channels.active") : t("channels.suspended")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {q.channels.map((c) => (
              <div key={c.id} className="mt-4 grid gap-3 rounded border border-slate-200 p-4 md:grid-cols-2">
                <ActionForm
                  action={channelServicesAction}
                  submitLabel={t("channels.savePermissions")}
                  label={t("channels.permissionsForm", { kind: c.kind })}
                  className="flex flex-col gap-2"
                >
                  <input type="hidden" name="channelId" value={c.id} />
                  <ServiceChoices checked={c.services} legend={t("channels.permissionsLegend", { kind: c.kind })} labelOf={labelOf} />
                </ActionForm>
                <ActionForm
                  action={channelActiveAction}
                  submitLabel={c.isActive ? t("channels.suspend", { kind: c.kind }) : t("channels.reactivate", { kind: c.kind })}
                  variant={c.isActive ? "danger" : "secondary"}
                  label={t("channels.stateForm", { kind: c.kind })}
                  confirmMessage={c.isActive ? t("channels.suspendConfirm") : undefined}
                >
                  <input type="hidden" name="channelId" value={c.id} />
                  <input type="hidden" name="isActive" value={c.isActive ? "false" : "true"} />
                </ActionForm>
              </div>
            ))}
          </section>

          {q.channels
            .filter((c) => c.kind === "SFTP")
            .map((c) => (
              <section key={c.id} aria-labelledby={`depots-${c.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
                <h2 id={`depots-${c.id}`} className="text-lg font-semibold">
                  {t("portal.heading", { name: c.accountName })}
                </h2>
                <p className="mt-1 text-sm text-slate-700">{t.rich("portal.intro", { username: c.technicalUsername, mono })}</p>
                {c.hasPortalKey ? (
                  <>
                    <p className="mt-2 text-sm" data-testid="cle-portail">
                      {t.rich("portal.key", { fingerprint: c.sshKeyFingerprint ?? "", mono })}
                    </p>
                    {c.isActive ? (
                      <DepositForm channelId={c.id} certificateBase64={c.certificateBase64} />
                    ) : (
                      <p className="mt-2 text-sm">{t("portal.suspended")}</p>
                    )}
                    <div className="mt-4 flex flex-wrap gap-3">
                      {(["T", "R"] as const).map((env) => (
                        <ActionForm
                          key={env}
                          action={fetchAcknowledgementsAction}
                          submitLabel={env === "T" ? t("portal.fetchTest") : t("portal.fetchProduction")}
                          variant="secondary"
                          label={env === "T" ? t("portal.fetchTestForm", { name: c.accountName }) : t("portal.fetchProductionForm", { name: c.accountName })}
                        >
                          <input type="hidden" name="channelId" value={c.id} />
                          <input type="hidden" name="environment" value={env} />
                        </ActionForm>
                      ))}
                    </div>
                    <Acknowledgements channelId={c.id} />
                  </>
                ) : null}
                <ActionForm
                  action={portalKeyAction}
                  submitLabel={c.hasPortalKey ? t("portal.replaceKey") : t("portal.generateKey")}
                  variant="secondary"
                  label={t("portal.keyForm", { name: c.accountName })}
                  className="mt-3 flex flex-col items-start gap-2"
                  confirmMessage={c.hasPortalKey ? t("portal.replaceConfirm") : undefined}
                >
                  <input type="hidden" name="channelId" value={c.id} />
                </ActionForm>
              </section>
            ))}
          {q.deposits.length > 0 && (
            <section aria-labelledby={`historique-depots-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
              <h2 id={`historique-depots-${q.id}`} className="text-lg font-semibold">
                {t("deposits.heading")}
              </h2>
              <ListTable
                testId="depots"
                caption={t("deposits.caption")}
                columns={[
                  t("deposits.colDate"),
                  t("deposits.colSet"),
                  t("deposits.colFiles"),
                  t("deposits.colState"),
                  { label: t("deposits.colAction"), srOnly: true },
                ]}
              >
                {q.deposits.map((d) => (
                  <tr key={d.id} className="border-b border-slate-100 align-top">
                    <td className="py-2 pr-3">{day(d.createdAt)}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{d.setName}</td>
                    <td className="py-2 pr-3">{Array.isArray(d.files) ? d.files.length : 0}</td>
                    <td className="py-2 pr-3" data-testid="etat-depot">
                      {depositStatus(d, d.acknowledgements, locale)}
                      <DepositAcknowledgements acknowledgements={d.acknowledgements} />
                    </td>
                    <td className="py-2">
                      <div className="flex flex-col items-start gap-2">
                        {depositActions(d).launch && (
                          <ActionForm
                            action={launchDepositAction}
                            submitLabel={t("deposits.launch")}
                            variant="secondary"
                            label={t("deposits.launchForm", { setName: d.setName })}
                          >
                            <input type="hidden" name="depositId" value={d.id} />
                          </ActionForm>
                        )}
                        {depositActions(d).cancel && (
                          <ActionForm
                            action={cancelDepositAction}
                            submitLabel={t("deposits.cancel")}
                            variant="danger"
                            label={t("deposits.cancelForm", { setName: d.setName })}
                            confirmMessage={t("deposits.cancelConfirm")}
                          >
                            <input type="hidden" name="depositId" value={d.id} />
                          </ActionForm>
                        )}
                      </div>
                    </td>
                  </tr>
                ))}
              </ListTable>
              {q.unmatchedAcknowledgements.length > 0 && (
                <div className="mt-3 text-sm">
                  <h3 className="font-semibold">{t("deposits.unmatched")}</h3>
                  <DepositAcknowledgements acknowledgements={q.unmatchedAcknowledgements} />
                </div>
              )}
            </section>
          )}

          <RestClients actor={actor} qualityId={q.id} />

          <section aria-labelledby={`ajout-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id={`ajout-${q.id}`} className="text-lg font-semibold">
              {t("add.heading")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t("add.intro")}</p>
            <ActionForm action={createChannelAction} submitLabel={t("add.submit")} label={t("add.heading")} className="mt-4 flex flex-col gap-3">
              <input type="hidden" name="qualityId" value={q.id} />
              <SelectField label={t("add.kind")} name="kind" defaultValue="SFTP" options={["SFTP", "FTP"].map((k) => ({ value: k, label: k }))} />
              <TextField label={t("add.accountName")} name="accountName" required />
              <ServiceChoices checked={["FLA"]} legend={t("add.permissions")} labelOf={labelOf} />
              <label className="flex flex-col text-sm">
                <span className="font-medium">{t("add.certificate")}</span>
                <input name="certificate" type="file" accept=".cer,.crt,.pem,.der" required className="mt-1 text-sm" />
              </label>
              <TextField label={t("add.certificateName")} name="certificateName" required />
              <TextField label={t("add.technicalUsername")} name="technicalUsername" required />
              <label className="flex flex-col text-sm">
                <span className="font-medium">{t("add.sshKey")}</span>
                <textarea
                  name="sshPublicKey"
                  rows={3}
                  className="mt-1 rounded border border-slate-400 px-2 py-1.5 font-mono text-xs"
                  placeholder={t("add.sshKeyPlaceholder")}
                />
              </label>
            </ActionForm>
          </section>

          <section aria-labelledby={`fichiers-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id={`fichiers-${q.id}`} className="text-lg font-semibold">
              {t("fileNames.heading")}
            </h2>
            <p className="mt-1 text-sm">{t.rich("fileNames.intro", { host: SFTP_SERVER.host, port: SFTP_SERVER.port, mono })}</p>
            <ActionForm
              action={fileNamesAction}
              submitLabel={t("fileNames.submit")}
              label={t("fileNames.form")}
              className="mt-4 flex flex-wrap items-end gap-3"
            >
              <TextField label={t("fileNames.code")} name="code" required />
              <TextField label={t("fileNames.senderNumber")} name="senderNumber" defaultValue={q.senderNumber ?? ""} required />
              <TextField label={t("fileNames.date")} name="date" type="date" defaultValue={today} required />
              <TextField label={t("fileNames.sequence")} name="sequence" type="number" defaultValue="1" required />
              <SelectField
                label={t("fileNames.environment")}
                name="environment"
                defaultValue="T"
                options={[
                  { value: "T", label: t("fileNames.envTest") },
                  { value: "R", label: t("fileNames.envProduction") },
                ]}
              />
              <TextField label={t("fileNames.parts")} name="parts" type="number" defaultValue="1" required />
            </ActionForm>
          </section>

          <section aria-labelledby={`mandats-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id={`mandats-${q.id}`} className="text-lg font-semibold">
              {t("mandates.heading")}
            </h2>
            <p className="mt-1 text-sm text-slate-700">{t("mandates.intro")}</p>
            {q.mandates.length === 0 ? (
              <p className="mt-2 text-sm">{t("mandates.none")}</p>
            ) : (
              <ListTable
                testId="mandats"
                caption={t("mandates.caption")}
                columns={[
                  t("mandates.colService"),
                  t("mandates.colProvider"),
                  t("mandates.colFrom"),
                  t("mandates.colUntil"),
                  t("mandates.colState"),
                  { label: t("mandates.colAction"), srOnly: true },
                ]}
              >
                {q.mandates.map((m) => (
                  <tr key={m.id} className="border-b border-slate-100">
                    <td className="py-2 pr-3">{labelOf(m.service)}</td>
                    <td className="py-2 pr-3">
                      {m.providerName} <span className="text-xs text-slate-600">({formatBce(m.providerBce)})</span>
                    </td>
                    <td className="py-2 pr-3">{day(m.validFrom)}</td>
                    <td className="py-2 pr-3">{day(m.validUntil)}</td>
                    <td className="py-2 pr-3">{m.revokedAt ? t("mandates.revokedOn", { date: day(m.revokedAt) }) : t("mandates.inForce")}</td>
                    <td className="py-2">
                      {!m.revokedAt && (
                        <ActionForm
                          action={revokeMandateAction}
                          submitLabel={t("mandates.revoke")}
                          variant="danger"
                          label={t("mandates.revokeForm", { name: m.providerName })}
                          confirmMessage={t("mandates.revokeConfirm")}
                        >
                          <input type="hidden" name="mandateId" value={m.id} />
                        </ActionForm>
                      )}
                    </td>
                  </tr>
                ))}
              </ListTable>
            )}
            <ActionForm
              action={createMandateAction}
              submitLabel={t("mandates.submit")}
              label={t("mandates.form")}
              className="mt-4 flex flex-wrap items-end gap-3"
            >
              <input type="hidden" name="qualityId" value={q.id} />
              <SelectField
                label={t("mandates.service")}
                name="service"
                defaultValue="FLA"
                options={BATCH_SERVICES.map((s) => ({ value: s.code, label: labelOf(s.code) }))}
              />
              <TextField label={t("mandates.providerBce")} name="providerBce" required />
              <TextField label={t("mandates.providerName")} name="providerName" required />
              <TextField label={t("mandates.validFrom")} name="validFrom" type="date" defaultValue={today} required />
              <TextField label={t("mandates.validUntil")} name="validUntil" type="date" />
            </ActionForm>
          </section>
        </div>
      ))}
    </div>
  );
}
