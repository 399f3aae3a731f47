import {
  createSubdivisionAction,
  designateQualityRoleAction,
  designateSubdivisionManagerAction,
  removeQualityRoleAction,
  updateQualityEmailAction,
} from "@/app/(portal)/gestion/actions";
import { ManagementForm, Wide } from "@/components/access/management-form";
import { SelectField, TextField } from "@/components/ui/action-form";
import { ROLE_LABELS } from "@/lib/access/catalogue";
import type { QualityManagement } from "@/lib/access/manage/load-quality-management";

/** GL duties of seed 003: co-GL, technical user, the quality's e-mail, subdivisions and their managers. */
export function QualityRoles({ data }: { data: QualityManagement }) {
  const { quality, roles } = data;
  if (!data.isQualityLevel) return null;
  return (
    <section aria-labelledby="roles-titre" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="roles-titre" className="text-lg font-semibold">
        Gestionnaires et utilisateur technique
      </h2>
      <ul className="mt-2 space-y-1 text-sm" data-testid="roles-qualite">
        {roles
          .filter((r) => !r.subdivisionId)
          .map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3">
              <span>
                {ROLE_LABELS[r.role]} : {r.person.firstName} {r.person.lastName} ({r.person.email})
              </span>
              {((r.role === "CO_GL" && data.can.manageCoGl) || (r.role === "TECHNICAL_USER" && data.can.designateTechnicalUser)) && (
                <ManagementForm
                  action={removeQualityRoleAction}
                  submitLabel="Retirer"
                  variant="secondary"
                  label={`Retirer le rôle ${ROLE_LABELS[r.role]} de ${r.person.firstName} ${r.person.lastName}`}
                  confirm={`Retirer le rôle ${ROLE_LABELS[r.role]} de ${r.person.firstName} ${r.person.lastName} ? Le rôle prend fin immédiatement ; pour le lui rendre, il faudra le désigner à nouveau.`}
                >
                  <input type="hidden" name="roleId" value={r.id} />
                </ManagementForm>
              )}
            </li>
          ))}
        {!roles.some((r) => r.role === "GL" && !r.subdivisionId) && (
          <li>Gestionnaire local (GL) : aucun — le RAE le désigne depuis la page « Gestion des accès ».</li>
        )}
      </ul>
      <div className="mt-4 flex flex-wrap gap-6">
        {(data.can.manageCoGl || data.can.designateTechnicalUser) && (
          <ManagementForm action={designateQualityRoleAction} submitLabel="Désigner" label="Désigner un co-GL ou l'utilisateur technique">
            <input type="hidden" name="qualityId" value={quality.id} />
            <Wide>
              <TextField label="E-mail de la personne" name="personEmail" type="email" required />
            </Wide>
            <SelectField
              label="Rôle"
              name="role"
              options={[
                ...(data.can.manageCoGl ? [{ value: "CO_GL", label: "co-Gestionnaire local" }] : []),
                ...(data.can.designateTechnicalUser ? [{ value: "TECHNICAL_USER", label: "Utilisateur technique" }] : []),
              ]}
            />
          </ManagementForm>
        )}
        {data.can.updateEmail && (
          <ManagementForm action={updateQualityEmailAction} submitLabel="Modifier l'adresse" label="Modifier l'adresse e-mail de la qualité">
            <input type="hidden" name="qualityId" value={quality.id} />
            <Wide size="large">
              <TextField label="Adresse e-mail de la qualité" name="email" type="email" defaultValue={quality.email ?? ""} required />
            </Wide>
          </ManagementForm>
        )}
      </div>
      <h3 className="mt-6 font-medium">Subdivisions</h3>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {quality.subdivisions.map((s) => (
          <li key={s.id}>
            {s.name} —{" "}
            {roles
              .filter((r) => r.subdivisionId === s.id)
              .map((r) => `${ROLE_LABELS[r.role]} : ${r.person.firstName} ${r.person.lastName}`)
              .join(", ") || "aucun gestionnaire"}
          </li>
        ))}
        {quality.subdivisions.length === 0 && <li>Aucune subdivision.</li>}
      </ul>
      {data.can.manageSubdivisions && (
        <div className="mt-3 flex flex-wrap gap-6">
          <ManagementForm action={createSubdivisionAction} submitLabel="Créer la subdivision" label="Créer la subdivision">
            <input type="hidden" name="qualityId" value={quality.id} />
            <Wide>
              <TextField label="Nom de la subdivision" name="name" required />
            </Wide>
          </ManagementForm>
          {quality.subdivisions.length > 0 && (
            <ManagementForm action={designateSubdivisionManagerAction} submitLabel="Désigner" label="Désigner un gestionnaire de subdivision">
              <SelectField label="Subdivision" name="subdivisionId" options={quality.subdivisions.map((s) => ({ value: s.id, label: s.name }))} />
              <Wide>
                <TextField label="E-mail de la personne" name="personEmail" type="email" required />
              </Wide>
              <SelectField
                label="Rôle"
                name="role"
                options={[
                  { value: "SUBDIVISION_MANAGER", label: "Gestionnaire" },
                  { value: "SUBDIVISION_CO_MANAGER", label: "co-Gestionnaire" },
                ]}
              />
            </ManagementForm>
          )}
        </div>
      )}
    </section>
  );
}
