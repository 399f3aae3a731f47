import { TableHead } from "@/components/ui/table-head";
import Link from "next/link";

import { grantRightAction, inviteUserAction, revokeRightAction, setBlockedAction } from "@/app/(portal)/gestion/actions";
import { ResetSecondFactorButton } from "@/components/access/reset-second-factor-button";
import { ActionForm, SelectField, TextField } from "@/components/ui/action-form";
import { ACCESS_RIGHTS, QUALITY_LABELS, rightLivesIn } from "@/lib/access/catalogue";
import type { QualityManagement } from "@/lib/access/manage/load-quality-management";

const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "medium", timeZone: "Europe/Brussels" });
const STATUS = { ACTIVE: "actif", BLOCKED: "bloqué", INVITED: "invité" } as const;

/** Users of the quality (or of the manager's subdivision), their rights, and the forms to change them. */
export function QualityUsers({ data, actorId }: { data: QualityManagement; actorId: string }) {
  const { quality } = data;
  // A right is offered only where its application lives (lib/access/catalogue.ts): the server refuses the others.
  const grantable = ACCESS_RIGHTS.filter((r) => rightLivesIn(r.code, quality.type));
  const gl = data.roles.find((r) => r.role === "GL" && !r.subdivisionId)?.person;
  const glName = gl ? `${gl.firstName} ${gl.lastName}` : null;
  const subdivisionOptions = data.isQualityLevel ? quality.subdivisions : quality.subdivisions.filter((s) => data.ownSubdivisions.includes(s.id));
  return (
    <section aria-labelledby="utilisateurs-titre" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="utilisateurs-titre" className="text-lg font-semibold">
        Utilisateurs et droits ({data.total})
      </h2>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">Utilisateurs de la qualité et leurs droits</caption>
        <TableHead columns={["Personne", "Statut", "Droits (date d'attribution)", "Actions"]} />
        <tbody>
          {data.people.map((p) => (
            <tr key={p.id} className="border-b border-slate-100 align-top" data-testid={`utilisateur-${p.email}`}>
              <td className="py-2">
                {p.firstName} {p.lastName}
                <br />
                <span className="text-xs text-slate-700">
                  {p.email}
                  {p.subdivision ? ` — ${p.subdivision.name}` : ""}
                </span>
              </td>
              <td>{STATUS[p.status]}</td>
              <td>
                <ul>
                  {p.grants.map((g) => (
                    <li key={g.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {g.right.name} ({dateFr.format(g.grantedAt)}
                        {g.validUntil ? `, jusqu'au ${dateFr.format(g.validUntil)}` : ""})
                      </span>
                      {data.can.manageRights && p.id !== actorId && (
                        <ActionForm
                          action={revokeRightAction}
                          submitLabel="Retirer"
                          variant="secondary"
                          label={`Retirer ${g.right.name} à ${p.firstName} ${p.lastName}`}
                        >
                          <input type="hidden" name="grantId" value={g.id} />
                        </ActionForm>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {p.status !== "INVITED" && p.id !== actorId && (
                  <ActionForm
                    action={setBlockedAction}
                    submitLabel={p.status === "BLOCKED" ? "Débloquer" : "Bloquer"}
                    variant="secondary"
                    label={`Bloquer ${p.firstName} ${p.lastName}`}
                  >
                    <input type="hidden" name="personId" value={p.id} />
                    <input type="hidden" name="isBlocked" value={p.status === "BLOCKED" ? "false" : "true"} />
                  </ActionForm>
                )}
                {p.status === "ACTIVE" && p.id !== actorId && <ResetSecondFactorButton person={p} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.pageCount > 1 && (
        <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
          {data.page > 1 && <Link href={`?page=${data.page - 1}`}>← Précédente</Link>}
          <span>
            Page {data.page} / {data.pageCount}
          </span>
          {data.page < data.pageCount && <Link href={`?page=${data.page + 1}`}>Suivante →</Link>}
        </nav>
      )}
      {!data.can.manageRights && data.isQualityLevel && (
        <p className="mt-6 text-sm text-slate-700" data-testid="droits-reserves">
          {quality.type === "ACTION_SOCIALE"
            ? `Les droits d'accès aux applications de la qualité « Action Sociale » sont attribués et retirés uniquement par son gestionnaire local (le DPD${glName ? ` : ${glName}` : ""}) ou son co-GL : adressez-leur les demandes de droits.`
            : `Les droits d'accès de la qualité « ${QUALITY_LABELS[quality.type]} » sont attribués et retirés par son gestionnaire local${glName ? ` (${glName})` : ""} ou son co-GL.`}
        </p>
      )}
      {data.can.manageRights && grantable.length === 0 && (
        <p className="mt-6 text-sm text-slate-700">
          Aucune application de la qualité « {QUALITY_LABELS[quality.type]} » ne s&apos;ouvre par un droit : il n&apos;y a pas de droit à attribuer ici.
        </p>
      )}
      {data.can.manageRights && grantable.length > 0 && (
        <>
          <h3 className="mt-6 font-medium">Attribuer un droit d&apos;accès</h3>
          <p className="mt-1 text-sm text-slate-700">Seuls les droits des applications de la qualité « {QUALITY_LABELS[quality.type]} » sont proposés.</p>
          <ActionForm action={grantRightAction} submitLabel="Attribuer" label="Attribuer un droit">
            <input type="hidden" name="qualityId" value={quality.id} />
            <TextField label="E-mail de l'utilisateur" name="personEmail" type="email" required />
            <SelectField label="Droit" name="rightCode" options={grantable.map((r) => ({ value: r.code, label: r.name }))} />
            <TextField label="Début (facultatif)" name="validFrom" type="date" />
            <TextField label="Fin (facultative)" name="validUntil" type="date" />
            <TextField label="Justification (cumul de fonctions)" name="justification" />
          </ActionForm>
        </>
      )}
      <h3 className="mt-6 font-medium">Inviter un utilisateur</h3>
      <ActionForm action={inviteUserAction} submitLabel="Créer l'invitation" label="Inviter un utilisateur">
        <input type="hidden" name="qualityId" value={quality.id} />
        <TextField label="Prénom" name="firstName" required />
        <TextField label="Nom" name="lastName" required />
        <TextField label="Adresse e-mail" name="email" type="email" required />
        <TextField label="Numéro national (facultatif)" name="niss" placeholder="AA.MM.JJ-NNN.CC" />
        {subdivisionOptions.length > 0 && (
          <SelectField
            label="Subdivision"
            name="subdivisionId"
            options={[...(data.isQualityLevel ? [{ value: "", label: "— aucune —" }] : []), ...subdivisionOptions.map((s) => ({ value: s.id, label: s.name }))]}
          />
        )}
      </ActionForm>
    </section>
  );
}
