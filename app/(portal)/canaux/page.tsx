import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { ActionForm, SelectField, TextField } from "@/components/ui/action-form";
import { TableHead } from "@/components/ui/table-head";
import { getActor } from "@/lib/auth/get-actor";
import { mayOpenChannels } from "@/lib/batch/access";
import { listChannelQualities } from "@/lib/batch/channels";
import { BATCH_SERVICES, serviceLabel, SFTP_SERVER } from "@/lib/batch/services";
import { formatBce } from "@/lib/validation/bce";

import { Acknowledgements } from "@/components/batch/acknowledgements";
import { DepositAcknowledgements } from "@/components/batch/deposit-acknowledgements";
import { depositStatus } from "@/lib/batch/deposit-status";
import { DepositForm } from "@/components/batch/deposit-form";

import {
  channelActiveAction,
  channelServicesAction,
  createChannelAction,
  createMandateAction,
  fetchAcknowledgementsAction,
  fileNamesAction,
  portalKeyAction,
  revokeMandateAction,
} from "./actions";

export const metadata: Metadata = { title: "Canaux techniques" };

const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeZone: "Europe/Brussels" });
const dayFr = (d: Date | null) => (d ? dateFr.format(d) : "—");

function ServiceChoices({ checked, legend }: { checked: readonly string[]; legend: string }) {
  return (
    <fieldset className="text-sm">
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 grid gap-1 sm:grid-cols-2">
        {BATCH_SERVICES.map((s) => (
          <label key={s.code} className="flex items-center gap-2">
            <input type="checkbox" name="services" value={s.code} defaultChecked={checked.includes(s.code)} /> {s.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Seed 004 (Chaman, MAHIS): the batch channels and mandates of the « Employeur ONSS » quality. */
export default async function ChannelsPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!mayOpenChannels(actor)) notFound();
  const qualities = await listChannelQualities(actor);
  if (qualities.length === 0) notFound();
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Canaux techniques (canal batch)</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">
          Le canal batch de la sécurité sociale est commun à tous les services (DIMONA, DmfA, Federal Learning Account…) : un seul canal SFTP et un seul canal
          FTP par qualité, un même certificat signe les fichiers de tous les services. Les fichiers sont déposés sur le serveur SFTP de la sécurité sociale par
          le logiciel du centre ou, si vous le souhaitez, par ce portail (signatures vérifiées avant l&apos;envoi, accusés relus comme état de chaque envoi).
        </p>
      </div>
      {qualities.map((q) => (
        <div key={q.id} className="space-y-6">
          <section aria-labelledby={`expediteur-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id={`expediteur-${q.id}`} className="text-lg font-semibold">
              Employeur ONSS {q.identifier}
            </h2>
            {!q.isActive && <p className="mt-1 text-sm text-red-800">Qualité non activée : le RAE doit l&apos;activer avant d&apos;ouvrir un canal.</p>}
            <p className="mt-1 text-sm" data-testid="numero-expediteur">
              Votre numéro d&apos;expéditeur : <strong>{q.senderNumber ?? "attribué à la création du premier canal"}</strong>
            </p>
            <h3 className="mt-4 font-semibold">Canaux FTP - SFTP</h3>
            {q.channels.length === 0 ? (
              <p className="mt-1 text-sm">Aucun canal.</p>
            ) : (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="canaux">
                  <caption className="sr-only">Canaux de la qualité</caption>
                  <TableHead columns={["Nom", "Type", "Utilisateur technique", "Permissions sécurisées", "Certificat", "Clé SSH", "État"]} />
                  <tbody>
                    {q.channels.map((c) => (
                      <tr key={c.id} className="border-b border-slate-100 align-top">
                        <td className="py-2 pr-3">{c.accountName}</td>
                        <td className="py-2 pr-3">{c.kind}</td>
                        <td className="py-2 pr-3 font-mono text-xs">{c.technicalUsername}</td>
                        <td className="py-2 pr-3">{c.services.map(serviceLabel).join(" ; ")}</td>
                        <td className="py-2 pr-3">
                          {c.certificateName}
                          <span className="block text-xs text-slate-600">valide jusqu&apos;au {dayFr(c.certificateValidTo)}</span>
                          <span className="block break-all font-mono text-xs text-slate-600">{c.certificateFingerprint}</span>
                        </td>
                        <td className="py-2 pr-3 break-all font-mono text-xs">{c.sshKeyFingerprint ?? "—"}</td>
                        <td className="py-2">{c.isActive ? "actif" : "suspendu"}</td>
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
                  submitLabel="Enregistrer les permissions"
                  label={`Permissions du canal ${c.kind}`}
                  className="flex flex-col gap-2"
                >
                  <input type="hidden" name="channelId" value={c.id} />
                  <ServiceChoices checked={c.services} legend={`Permissions sécurisées du canal ${c.kind}`} />
                </ActionForm>
                <ActionForm
                  action={channelActiveAction}
                  submitLabel={c.isActive ? `Suspendre le canal ${c.kind}` : `Réactiver le canal ${c.kind}`}
                  variant={c.isActive ? "danger" : "secondary"}
                  label={`État du canal ${c.kind}`}
                  confirmMessage={c.isActive ? "Suspendre ce canal ? Les dépôts du logiciel seront refusés." : undefined}
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
                  Déposer depuis le portail (canal {c.accountName})
                </h2>
                <p className="mt-1 text-sm text-slate-700">
                  Le portail peut déposer vos envois lui-même, comme le ferait votre logiciel : il utilise alors sa propre clé SSH, que vous enregistrez dans
                  Chaman pour l&apos;utilisateur technique <span className="font-mono">{c.technicalUsername}</span>. En production, chaque partie est signée
                  (FS) avec le certificat du canal : ici, dans votre navigateur, à partir du fichier PKCS#12 (.p12) et de son mot de passe, qui ne quittent pas
                  votre poste, ou hors du portail si la clé est sur une carte ou un jeton. Le portail vérifie chaque FS avant d&apos;envoyer.
                </p>
                {c.hasPortalKey ? (
                  <>
                    <p className="mt-2 text-sm" data-testid="cle-portail">
                      Clé du portail : <span className="font-mono">{c.sshKeyFingerprint}</span>
                    </p>
                    {c.isActive ? (
                      <DepositForm channelId={c.id} certificateBase64={c.certificateBase64} />
                    ) : (
                      <p className="mt-2 text-sm">Canal suspendu : réactivez-le pour déposer.</p>
                    )}
                    <div className="mt-4 flex flex-wrap gap-3">
                      {(["T", "R"] as const).map((env) => (
                        <ActionForm
                          key={env}
                          action={fetchAcknowledgementsAction}
                          submitLabel={env === "T" ? "Relever les accusés de OUTTEST" : "Relever les accusés de OUT"}
                          variant="secondary"
                          label={`Relever les accusés ${env === "T" ? "de test" : "de production"} du canal ${c.accountName}`}
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
                  submitLabel={c.hasPortalKey ? "Remplacer la clé du portail" : "Générer la clé SSH du portail"}
                  variant="secondary"
                  label={`Clé du portail pour le canal ${c.accountName}`}
                  className="mt-3 flex flex-col items-start gap-2"
                  confirmMessage={c.hasPortalKey ? "Remplacer la clé ? L'ancienne ne servira plus : enregistrez la nouvelle dans Chaman." : undefined}
                >
                  <input type="hidden" name="channelId" value={c.id} />
                </ActionForm>
              </section>
            ))}
          {q.deposits.length > 0 && (
            <section aria-labelledby={`historique-depots-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
              <h2 id={`historique-depots-${q.id}`} className="text-lg font-semibold">
                Envois déposés
              </h2>
              <table className="mt-2 w-full text-left text-sm" data-testid="depots">
                <caption className="sr-only">Envois déposés depuis le portail</caption>
                <TableHead columns={["Date", "Envoi", "Fichiers", "État"]} />
                <tbody>
                  {q.deposits.map((d) => (
                    <tr key={d.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3">{dateFr.format(d.createdAt)}</td>
                      <td className="py-2 pr-3 font-mono text-xs">{d.setName}</td>
                      <td className="py-2 pr-3">{Array.isArray(d.files) ? d.files.length : 0}</td>
                      <td className="py-2" data-testid="etat-depot">
                        {depositStatus(d, d.acknowledgements)}
                        <DepositAcknowledgements acknowledgements={d.acknowledgements} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {q.unmatchedAcknowledgements.length > 0 && (
                <div className="mt-3 text-sm">
                  <h3 className="font-semibold">Accusés qui ne citent aucun envoi du portail</h3>
                  <DepositAcknowledgements acknowledgements={q.unmatchedAcknowledgements} />
                </div>
              )}
            </section>
          )}

          <section aria-labelledby={`ajout-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id={`ajout-${q.id}`} className="text-lg font-semibold">
              Ajouter un compte FTP ou SFTP
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Chargez la partie publique (.cer) du certificat qualifié qui signera les fichiers FS, et la clé SSH publique du client SFTP. Ne chargez jamais une
              clé privée.
            </p>
            <ActionForm action={createChannelAction} submitLabel="Valider" label="Ajouter un compte FTP ou SFTP" className="mt-4 flex flex-col gap-3">
              <input type="hidden" name="qualityId" value={q.id} />
              <SelectField label="Type" name="kind" defaultValue="SFTP" options={["SFTP", "FTP"].map((k) => ({ value: k, label: k }))} />
              <TextField label="Nom du compte" name="accountName" required />
              <ServiceChoices checked={["FLA"]} legend="Permissions sécurisées (au moins une)" />
              <label className="flex flex-col text-sm">
                <span className="font-medium">Certificat (.cer)</span>
                <input name="certificate" type="file" accept=".cer,.crt,.pem,.der" required className="mt-1 text-sm" />
              </label>
              <TextField label="Nom du certificat" name="certificateName" required />
              <TextField label="Nom d'utilisateur technique" name="technicalUsername" required />
              <label className="flex flex-col text-sm">
                <span className="font-medium">Clé SSH publique (obligatoire pour SFTP)</span>
                <textarea
                  name="sshPublicKey"
                  rows={3}
                  className="mt-1 rounded border border-slate-400 px-2 py-1.5 font-mono text-xs"
                  placeholder="ssh-ed25519 AAAA…"
                />
              </label>
            </ActionForm>
          </section>

          <section aria-labelledby={`fichiers-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id={`fichiers-${q.id}`} className="text-lg font-semibold">
              Connexion et noms de fichiers
            </h2>
            <p className="mt-1 text-sm">
              Serveur <span className="font-mono">{SFTP_SERVER.host}</span>, port {SFTP_SERVER.port}, authentification par clé SSH avec le nom
              d&apos;utilisateur du canal. Dépôts dans <span className="font-mono">IN</span> (production) ou <span className="font-mono">INTEST</span>{" "}
              (simulation) ; accusés de réception dans <span className="font-mono">OUT</span> / <span className="font-mono">OUTTEST</span>. Chaque envoi : un
              fichier de données FI par partie, sa signature FS (pas en test), puis un fichier GO vide qui déclenche le traitement.
            </p>
            <ActionForm action={fileNamesAction} submitLabel="Composer les noms" label="Noms de fichiers" className="mt-4 flex flex-wrap items-end gap-3">
              <TextField label="Code du service (documentation du service)" name="code" required />
              <TextField label="Numéro d'expéditeur" name="senderNumber" defaultValue={q.senderNumber ?? ""} required />
              <TextField label="Date" name="date" type="date" defaultValue={today} required />
              <TextField label="Séquence" name="sequence" type="number" defaultValue="1" required />
              <SelectField
                label="Environnement"
                name="environment"
                defaultValue="T"
                options={[
                  { value: "T", label: "T : test (simulation)" },
                  { value: "R", label: "R : production" },
                ]}
              />
              <TextField label="Nombre de parties" name="parts" type="number" defaultValue="1" required />
            </ActionForm>
          </section>

          <section aria-labelledby={`mandats-${q.id}`} className="rounded-lg border border-slate-200 bg-white p-6">
            <h2 id={`mandats-${q.id}`} className="text-lg font-semibold">
              Mandats (mandataires par service)
            </h2>
            <p className="mt-1 text-sm text-slate-700">
              Un secrétariat social ou un prestataire peut envoyer les données au nom du centre avec son propre canal, s&apos;il est mandaté pour le service. Un
              seul mandataire par service à la fois (pour le Federal Learning Account comme pour les autres).
            </p>
            {q.mandates.length === 0 ? (
              <p className="mt-2 text-sm">Aucun mandat.</p>
            ) : (
              <table className="mt-2 w-full text-left text-sm" data-testid="mandats">
                <caption className="sr-only">Mandats</caption>
                <TableHead columns={["Service", "Mandataire", "Du", "Au", "État", { label: "Action", srOnly: true }]} />
                <tbody>
                  {q.mandates.map((m) => (
                    <tr key={m.id} className="border-b border-slate-100">
                      <td className="py-2 pr-3">{serviceLabel(m.service)}</td>
                      <td className="py-2 pr-3">
                        {m.providerName} <span className="text-xs text-slate-600">({formatBce(m.providerBce)})</span>
                      </td>
                      <td className="py-2 pr-3">{dayFr(m.validFrom)}</td>
                      <td className="py-2 pr-3">{dayFr(m.validUntil)}</td>
                      <td className="py-2 pr-3">{m.revokedAt ? `révoqué le ${dayFr(m.revokedAt)}` : "en vigueur"}</td>
                      <td className="py-2">
                        {!m.revokedAt && (
                          <ActionForm
                            action={revokeMandateAction}
                            submitLabel="Révoquer"
                            variant="danger"
                            label={`Révoquer le mandat de ${m.providerName}`}
                            confirmMessage="Révoquer ce mandat ?"
                          >
                            <input type="hidden" name="mandateId" value={m.id} />
                          </ActionForm>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <ActionForm action={createMandateAction} submitLabel="Enregistrer le mandat" label="Nouveau mandat" className="mt-4 flex flex-wrap items-end gap-3">
              <input type="hidden" name="qualityId" value={q.id} />
              <SelectField label="Service" name="service" defaultValue="FLA" options={BATCH_SERVICES.map((s) => ({ value: s.code, label: s.label }))} />
              <TextField label="Numéro BCE du mandataire" name="providerBce" required />
              <TextField label="Nom du mandataire" name="providerName" required />
              <TextField label="Début" name="validFrom" type="date" defaultValue={today} required />
              <TextField label="Fin (facultative)" name="validUntil" type="date" />
            </ActionForm>
          </section>
        </div>
      ))}
    </div>
  );
}
