import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { accessPolicyAction, fileExchangeSettingsAction, publishUsagePolicyAction, sessionIdleAction } from "@/app/(portal)/gestion/securite/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { canAnywhere } from "@/lib/access/can";
import { getActor } from "@/lib/auth/get-actor";
import { db } from "@/lib/db/client";
import { fileExchangeSettings, RETENTION_DAYS } from "@/lib/forem/fileexchange/partners";
import { DAY_LABELS, formatMinute } from "@/lib/security/access-policy";
import { usagePolicyStatus } from "@/lib/security/usage-policy";

export const metadata: Metadata = { title: "Sécurité du centre" };
const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" });

/** The DPD's page: access policy (hours, networks) with a preview, and the usage policy (seed 002). */
export default async function SecurityPolicyPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  if (!canAnywhere(actor, "entity.manage_access_policy")) notFound();
  const [policy, usage, fileExchange] = await Promise.all([
    db.accessPolicy.findUnique({ where: { entityId: actor.entityId } }),
    usagePolicyStatus(actor),
    canAnywhere(actor, "entity.manage_file_exchange") ? fileExchangeSettings(actor) : null,
  ]);
  const days = policy?.allowedDays ?? [1, 2, 3, 4, 5];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Sécurité du centre</h1>
      <section aria-labelledby="acces-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="acces-titre" className="text-lg font-semibold">
          Politique d&apos;accès (heures et réseaux)
        </h2>
        <p className="mt-1 text-sm">
          Mesures de la BCSS pour le télétravail : limiter l&apos;accès aux heures de travail et aux réseaux autorisés. Appliquée à la connexion et à chaque
          page ; une session hors plage est fermée. Heures de Bruxelles.
        </p>
        <ActionForm
          action={accessPolicyAction}
          submitLabel="Enregistrer"
          label="Politique d'accès"
          className="mt-4 flex flex-col gap-3"
          buttons={
            <div className="flex gap-2">
              <button type="submit" name="intent" value="preview" className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm">
                Prévisualiser l&apos;effet
              </button>
              <button type="submit" name="intent" value="save" className="rounded bg-brand-700 px-3 py-1.5 text-sm text-white">
                Enregistrer
              </button>
            </div>
          }
        >
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="isEnforced" defaultChecked={policy?.isEnforced ?? false} /> Appliquer la politique
          </label>
          <fieldset className="text-sm">
            <legend className="font-medium">Jours autorisés</legend>
            <div className="mt-1 flex flex-wrap gap-3">
              {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                <label key={d} className="flex items-center gap-1">
                  <input type="checkbox" name="allowedDays" value={d} defaultChecked={days.includes(d)} /> {DAY_LABELS[d]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex gap-4">
            <TextField label="Heure de début" name="start" type="time" defaultValue={formatMinute(policy?.startMinute ?? 420)} required />
            <TextField label="Heure de fin" name="end" type="time" defaultValue={formatMinute(policy?.endMinute ?? 1140)} required />
          </div>
          <label className="flex flex-col text-sm">
            <span className="font-medium">Réseaux autorisés (un par ligne, vide = tous)</span>
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
          Fermeture des sessions inactives
        </h2>
        <p className="mt-1 text-sm">
          Un avertissement s&apos;affiche avant la fermeture ; la durée maximale d&apos;une session reste de quelques heures (configuration du portail).
        </p>
        <ActionForm action={sessionIdleAction} submitLabel="Enregistrer" label="Délai d'inactivité" className="mt-3 flex flex-wrap items-end gap-2">
          <TextField
            label="Délai d'inactivité (minutes, 5 à 60)"
            name="minutes"
            type="number"
            defaultValue={String(Math.round(actor.sessionIdleSeconds / 60))}
            required
          />
        </ActionForm>
      </section>

      {fileExchange && (
        <section aria-labelledby="fileexchange-titre" className="rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="fileexchange-titre" className="text-lg font-semibold">
            FileExchange : partenaires autorisés et conservation
          </h2>
          <p className="mt-1 text-sm">
            Les agents de votre centre ne peuvent envoyer des fichiers chiffrés qu&apos;aux organisations cochées. Les fichiers envoyés sont supprimés du
            portail à la fin du délai de conservation ; le registre garde leur nom, leur taille et leur empreinte.
          </p>
          <ActionForm action={fileExchangeSettingsAction} submitLabel="Enregistrer" label="Partenaires FileExchange" className="mt-4 flex flex-col gap-3">
            <fieldset className="text-sm">
              <legend className="font-medium">Organisations destinataires autorisées</legend>
              {fileExchange.organisations.length === 0 ? (
                <p className="mt-1">Aucune autre organisation dans le portail.</p>
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
              label={`Délai de conservation des fichiers envoyés (jours, ${RETENTION_DAYS.min} à ${RETENTION_DAYS.max})`}
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
          Politique d&apos;utilisation
        </h2>
        {usage ? (
          <p className="mt-1 text-sm" data-testid="politique-statut">
            Version {usage.current.version} « {usage.current.title} » publiée le {dateFr.format(usage.current.publishedAt)} : {usage.accepted.length}{" "}
            acceptation(s), {usage.pendingCount} personne(s) active(s) ne l&apos;ont pas encore acceptée.
          </p>
        ) : (
          <p className="mt-1 text-sm">Aucune politique publiée.</p>
        )}
        {usage && usage.accepted.length > 0 && (
          <ul className="mt-2 list-disc pl-5 text-sm">
            {usage.accepted.map((a) => (
              <li key={a.id}>
                {a.person ? `${a.person.firstName} ${a.person.lastName}` : "—"} — {dateFr.format(a.acceptedAt)}
              </li>
            ))}
          </ul>
        )}
        <ActionForm
          action={publishUsagePolicyAction}
          submitLabel="Publier une nouvelle version"
          label="Publier la politique d'utilisation"
          className="mt-4 flex flex-col gap-3"
        >
          <TextField
            label="Titre"
            name="title"
            required
            defaultValue={usage?.current.title ?? "Politique d'utilisation du portail et clause de confidentialité"}
          />
          <label className="flex flex-col text-sm">
            <span className="font-medium">Texte (avec la clause de confidentialité)</span>
            <textarea name="body" rows={8} required defaultValue={usage?.current.body ?? ""} className="mt-1 rounded border border-slate-400 px-2 py-1.5" />
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
