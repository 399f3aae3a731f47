import { TableHead } from "@/components/ui/table-head";
import Link from "next/link";

import { grantRightAction, inviteUserAction, revokeRightAction, setBlockedAction } from "@/app/(portal)/gestion/actions";
import { ResetSecondFactorButton } from "@/components/access/reset-second-factor-button";
import { ManagementForm, Wide } from "@/components/access/management-form";
import { SelectField, TextField } from "@/components/ui/action-form";
import { ACCESS_RIGHTS, QUALITY_LABELS, rightLivesIn } from "@/lib/access/catalogue";
import type { QualityManagement } from "@/lib/access/manage/load-quality-management";
import { describeInvitationMail } from "@/lib/outbox/invitation-mail-states";

const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "medium", timeZone: "Europe/Brussels" });
const STATUS = { ACTIVE: "actif", BLOCKED: "bloqué", INVITED: "invité" } as const;

/** Users of the quality (or of the manager's subdivision), their rights, and the forms to change them. */
export function QualityUsers({ data, actorId, filter, chosenPersonId }: { data: QualityManagement; actorId: string; filter: string; chosenPersonId?: string }) {
  const { quality } = data;
  // A right is offered only where its application lives (lib/access/catalogue.ts): the server refuses the others.
  const grantable = ACCESS_RIGHTS.filter((r) => rightLivesIn(r.code, quality.type));
  const gl = data.roles.find((r) => r.role === "GL" && !r.subdivisionId)?.person;
  const glName = gl ? `${gl.firstName} ${gl.lastName}` : null;
  const subdivisionOptions = data.isQualityLevel ? quality.subdivisions : quality.subdivisions.filter((s) => data.ownSubdivisions.includes(s.id));
  // Grant to a person picked from the list (issue 11), never by typing their address.
  const grantees = data.people.filter((p) => p.id !== actorId && p.status !== "BLOCKED");
  const chosen = grantees.find((p) => p.id === chosenPersonId);
  const pageLink = (page: number) => `?${new URLSearchParams({ page: String(page), ...(filter ? { filtre: filter } : {}) })}`;
  return (
    <section aria-labelledby="utilisateurs-titre" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="utilisateurs-titre" className="text-lg font-semibold">
        Utilisateurs et droits ({data.total})
      </h2>
      <form method="get" role="search" aria-label="Filtrer les utilisateurs" className="mt-3 flex flex-wrap items-end gap-2">
        <Wide>
          <TextField label="Filtrer par nom ou e-mail" name="filtre" defaultValue={filter} />
        </Wide>
        <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100">
          Filtrer
        </button>
        {filter && (
          <Link href="?" className="text-sm text-brand-700 underline">
            Tout afficher
          </Link>
        )}
      </form>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">Utilisateurs de la qualité et leurs droits</caption>
        <TableHead columns={["Personne", "Statut", "Droits (date d'attribution)", "Actions"]} />
        <tbody>
          {data.people.map((p) => (
            <tr key={p.id} className="border-b border-slate-100 align-top" data-testid={`utilisateur-${p.email}`}>
              <td className="py-2">
                <Link href={`/gestion/personnes/${p.id}`} className="text-brand-700 underline">
                  {p.firstName} {p.lastName}
                </Link>
                <br />
                <span className="text-xs text-slate-700">
                  {p.email}
                  {p.subdivision ? ` — ${p.subdivision.name}` : ""}
                </span>
              </td>
              <td>
                {STATUS[p.status]}
                {p.status === "INVITED" && <p className="text-xs text-slate-700">{describeInvitationMail(data.invitationMails[p.id])}</p>}
              </td>
              <td>
                <ul>
                  {p.grants.map((g) => (
                    <li key={g.id} className="flex flex-wrap items-center gap-2">
                      <span>
                        {g.right.name} ({dateFr.format(g.grantedAt)}
                        {g.validUntil ? `, jusqu'au ${dateFr.format(g.validUntil)}` : ""})
                      </span>
                      {data.can.manageRights && p.id !== actorId && (
                        <ManagementForm
                          action={revokeRightAction}
                          submitLabel="Retirer"
                          variant="secondary"
                          label={`Retirer ${g.right.name} à ${p.firstName} ${p.lastName}`}
                          confirm={`Retirer le droit « ${g.right.name} » à ${p.firstName} ${p.lastName} ? Le retrait est immédiat : sa prochaine demande dans l'application est refusée. Pour le lui rendre, il faudra l'attribuer à nouveau.`}
                        >
                          <input type="hidden" name="grantId" value={g.id} />
                        </ManagementForm>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                {p.status !== "INVITED" && p.id !== actorId && (
                  <ManagementForm
                    action={setBlockedAction}
                    submitLabel={p.status === "BLOCKED" ? "Débloquer" : "Bloquer"}
                    variant="secondary"
                    label={`${p.status === "BLOCKED" ? "Débloquer" : "Bloquer"} ${p.firstName} ${p.lastName}`}
                    confirm={
                      p.status === "BLOCKED"
                        ? `Débloquer ${p.firstName} ${p.lastName} ? La personne pourra de nouveau se connecter avec ses droits actuels.`
                        : `Bloquer ${p.firstName} ${p.lastName} ? Ses sessions et ses jetons d'API sont fermés immédiatement ; elle ne pourra plus se connecter tant qu'elle n'est pas débloquée.`
                    }
                  >
                    <input type="hidden" name="personId" value={p.id} />
                    <input type="hidden" name="isBlocked" value={p.status === "BLOCKED" ? "false" : "true"} />
                  </ManagementForm>
                )}
                {data.can.manageRights && grantees.includes(p) && grantable.length > 0 && (
                  <Link href={`${pageLink(data.page)}&personne=${p.id}#attribuer`} className="mt-1 block text-brand-700 underline">
                    Attribuer un droit
                    <span className="sr-only">
                      {" "}
                      à {p.firstName} {p.lastName}
                    </span>
                  </Link>
                )}
                {p.status === "ACTIVE" && p.id !== actorId && <ResetSecondFactorButton person={p} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.pageCount > 1 && (
        <nav aria-label="Pages" className="mt-3 flex gap-3 text-sm">
          {data.page > 1 && <Link href={pageLink(data.page - 1)}>← Précédente</Link>}
          <span>
            Page {data.page} / {data.pageCount}
          </span>
          {data.page < data.pageCount && <Link href={pageLink(data.page + 1)}>Suivante →</Link>}
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
          <h3 id="attribuer" className="mt-6 font-medium">
            Attribuer un droit d&apos;accès
          </h3>
          <p className="mt-1 text-sm text-slate-700">
            Seuls les droits des applications de la qualité « {QUALITY_LABELS[quality.type]} » sont proposés. La liste reprend les personnes affichées ci-dessus
            {data.pageCount > 1 ? " (cette page)" : ""} : filtrez par nom pour en trouver une autre.
          </p>
          {/* Keyed by the chosen person: following another « Attribuer un droit » link selects them. */}
          <ManagementForm key={chosen?.id ?? "aucune"} action={grantRightAction} submitLabel="Attribuer" label="Attribuer un droit">
            <input type="hidden" name="qualityId" value={quality.id} />
            <SelectField
              label="Personne"
              name="personId"
              defaultValue={chosen?.id ?? ""}
              options={[{ value: "", label: "— choisir —" }, ...grantees.map((p) => ({ value: p.id, label: `${p.lastName} ${p.firstName} (${p.email})` }))]}
            />
            {data.isQualityLevel && (
              <Wide size="large">
                <TextField label="Ou l'adresse e-mail d'une personne du centre pas encore dans la liste" name="personEmail" type="email" />
              </Wide>
            )}
            <SelectField label="Droit" name="rightCode" options={grantable.map((r) => ({ value: r.code, label: r.name }))} />
            <TextField label="Début (facultatif)" name="validFrom" type="date" />
            <TextField label="Fin (facultative)" name="validUntil" type="date" />
            <Wide>
              <TextField label="Justification (cumul de fonctions)" name="justification" />
            </Wide>
          </ManagementForm>
        </>
      )}
      <h3 className="mt-6 font-medium">Inviter un utilisateur</h3>
      <ManagementForm action={inviteUserAction} submitLabel="Créer l'invitation" label="Inviter un utilisateur">
        <input type="hidden" name="qualityId" value={quality.id} />
        <TextField label="Prénom" name="firstName" required />
        <TextField label="Nom" name="lastName" required />
        <Wide>
          <TextField label="Adresse e-mail" name="email" type="email" required />
        </Wide>
        <TextField label="Numéro national (facultatif)" name="niss" placeholder="AA.MM.JJ-NNN.CC" />
        {subdivisionOptions.length > 0 && (
          <SelectField
            label="Subdivision"
            name="subdivisionId"
            options={[...(data.isQualityLevel ? [{ value: "", label: "— aucune —" }] : []), ...subdivisionOptions.map((s) => ({ value: s.id, label: s.name }))]}
          />
        )}
      </ManagementForm>
    </section>
  );
}
