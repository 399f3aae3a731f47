import Link from "next/link";

import {
  activateQualityAction,
  changeCoRaeAction,
  deactivateQualityAction,
  designateCoRaeAction,
  designateGlAction,
  setDpdAction,
} from "@/app/(portal)/gestion/actions";
import { ManagementForm, Wide } from "@/components/access/management-form";
import { SelectField, TextField } from "@/components/ui/action-form";
import { QUALITY_LABELS } from "@/lib/access/catalogue";
import type { loadEntityOverview } from "@/lib/dashboard/load-entity-overview";
import { QualityType } from "@/lib/generated/prisma/enums";
import { formatBce } from "@/lib/validation/bce";

type Overview = Awaited<ReturnType<typeof loadEntityOverview>>;
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** RAE / co-RAE screen: DPD, qualities and their GL, co-RAEs (seed 003, "RAE et co-RAE"). */
export function EntityManagement({ overview, actorId }: { overview: Overview; actorId: string }) {
  return (
    <>
      <section aria-labelledby="entite-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="entite-titre" className="text-lg font-semibold">
          {overview.name} — {formatBce(overview.bceNumber)}
        </h2>
        <p className="mt-2 text-sm">
          DPD (délégué à la protection des données) :{" "}
          <strong data-testid="dpd-actuel">{overview.dpdPerson ? fullName(overview.dpdPerson) : "non désigné"}</strong>. Le gestionnaire local de la qualité
          Action Sociale doit être le DPD.
        </p>
        <ManagementForm
          action={setDpdAction}
          submitLabel="Désigner comme DPD"
          label="Désigner comme DPD du centre"
          className="mt-3 flex flex-wrap items-end gap-2"
          confirm="Désigner cette personne comme DPD du centre ? Elle remplace le DPD actuel, qui perd les missions du DPD ; le GL d'Action Sociale devra être le nouveau DPD."
        >
          <Wide>
            <TextField label="E-mail de la personne (DPD)" name="personEmail" type="email" required />
          </Wide>
        </ManagementForm>
      </section>

      <section aria-labelledby="qualites-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="qualites-titre" className="text-lg font-semibold">
          Qualités et gestionnaires locaux
        </h2>
        <div className="mt-3 space-y-4">
          {overview.qualities.map((q) => (
            <article key={q.id} className="rounded border border-slate-200 p-4" aria-label={QUALITY_LABELS[q.type]} data-testid={`qualite-${q.type}`}>
              <h3 className="font-medium">
                <Link href={`/gestion/qualites/${q.id}`} className="text-brand-700 underline">
                  {QUALITY_LABELS[q.type]}
                </Link>{" "}
                <span className="text-sm text-slate-700">
                  ({q.identifier}) — {q.isActive ? "activée" : "non activée"}
                </span>
              </h3>
              <p className="mt-1 text-sm">
                GL : {q.gl ? fullName(q.gl) : "aucun"}
                {!q.isGlCompliant && <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900">non conforme : le GL doit être le DPD</span>}
                {q.coGls.length > 0 && ` — co-GL : ${q.coGls.map(fullName).join(", ")}`}
              </p>
              <div className="mt-2 flex flex-wrap gap-4">
                <ManagementForm
                  action={designateGlAction}
                  submitLabel="Désigner le GL"
                  label={`Désigner le GL — ${QUALITY_LABELS[q.type]}`}
                  confirm={
                    q.gl
                      ? `Désigner un nouveau GL pour ${QUALITY_LABELS[q.type]} ? ${fullName(q.gl)} cessera d'être gestionnaire local de cette qualité.`
                      : undefined
                  }
                >
                  <input type="hidden" name="qualityId" value={q.id} />
                  <Wide>
                    <TextField label="E-mail du nouveau GL" name="personEmail" type="email" required />
                  </Wide>
                </ManagementForm>
                {q.isActive && (
                  <ManagementForm
                    action={deactivateQualityAction}
                    submitLabel="Désactiver"
                    variant="secondary"
                    label={`Désactiver ${QUALITY_LABELS[q.type]}`}
                    confirm={`Désactiver la qualité ${QUALITY_LABELS[q.type]} ? Son GL, ses co-GL et ses utilisateurs n'ont plus accès à ses applications tant qu'elle n'est pas réactivée.`}
                  >
                    <input type="hidden" name="qualityId" value={q.id} />
                  </ManagementForm>
                )}
              </div>
            </article>
          ))}
        </div>
        <h3 className="mt-6 font-medium">Activer une qualité</h3>
        <ManagementForm action={activateQualityAction} submitLabel="Activer" label="Activer une qualité">
          <SelectField label="Qualité" name="type" options={Object.values(QualityType).map((t) => ({ value: t, label: QUALITY_LABELS[t] }))} />
          <Wide size="large">
            <TextField label="Identifiant (numéro d'entreprise, matricule ONSS ou numéro ORPSS)" name="identifier" required />
          </Wide>
        </ManagementForm>
      </section>

      <section aria-labelledby="corae-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="corae-titre" className="text-lg font-semibold">
          RAE et co-RAE
        </h2>
        <ul className="mt-2 space-y-2">
          {overview.roles.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                {fullName(r.person)} — {r.role === "RAE" ? "RAE" : "co-RAE"}
                {r.isBlocked ? " (bloqué)" : ""}
              </span>
              {r.role === "CO_RAE" && r.person.id !== actorId && (
                <>
                  <ManagementForm
                    action={changeCoRaeAction}
                    submitLabel={r.isBlocked ? "Débloquer" : "Bloquer"}
                    variant="secondary"
                    label={`${r.isBlocked ? "Débloquer" : "Bloquer"} le co-RAE ${fullName(r.person)}`}
                    confirm={
                      r.isBlocked
                        ? `Débloquer le rôle de co-RAE de ${fullName(r.person)} ? Il retrouve la gestion des accès du centre.`
                        : `Bloquer le rôle de co-RAE de ${fullName(r.person)} ? Il ne peut plus gérer les accès du centre tant qu'il n'est pas débloqué.`
                    }
                  >
                    <input type="hidden" name="roleId" value={r.id} />
                    <input type="hidden" name="change" value={r.isBlocked ? "unblock" : "block"} />
                  </ManagementForm>
                  <ManagementForm
                    action={changeCoRaeAction}
                    submitLabel="Supprimer"
                    variant="danger"
                    label={`Supprimer le co-RAE ${fullName(r.person)}`}
                    confirm={`Supprimer le rôle de co-RAE de ${fullName(r.person)} ? Cette suppression est définitive : pour lui rendre ce rôle, il faudra le désigner à nouveau.`}
                  >
                    <input type="hidden" name="roleId" value={r.id} />
                    <input type="hidden" name="change" value="delete" />
                  </ManagementForm>
                </>
              )}
            </li>
          ))}
        </ul>
        <ManagementForm
          action={designateCoRaeAction}
          submitLabel="Désigner un co-RAE"
          label="Désigner un co-RAE"
          className="mt-3 flex flex-wrap items-end gap-2"
        >
          <Wide>
            <TextField label="E-mail du co-RAE" name="personEmail" type="email" required />
          </Wide>
        </ManagementForm>
      </section>
    </>
  );
}
