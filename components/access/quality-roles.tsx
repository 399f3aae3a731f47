import { useTranslations } from "next-intl";

import {
  createSubdivisionAction,
  designateQualityRoleAction,
  designateSubdivisionManagerAction,
  removeQualityRoleAction,
  updateQualityEmailAction,
} from "@/app/(portal)/gestion/actions";
import { ManagementForm, Wide } from "@/components/access/management-form";
import { SelectField, TextField } from "@/components/ui/action-form";
import type { QualityManagement } from "@/lib/access/manage/load-quality-management";

/** GL duties of seed 003: co-GL, technical user, the quality's e-mail, subdivisions and their managers. */
export function QualityRoles({ data }: { data: QualityManagement }) {
  const t = useTranslations("access");
  const { quality, roles } = data;
  if (!data.isQualityLevel) return null;
  return (
    <section aria-labelledby="roles-titre" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="roles-titre" className="text-lg font-semibold">
        {t("qualityRoles.title")}
      </h2>
      <ul className="mt-2 space-y-1 text-sm" data-testid="roles-qualite">
        {roles
          .filter((r) => !r.subdivisionId)
          .map((r) => {
            const name = `${r.person.firstName} ${r.person.lastName}`;
            const role = t(`roles.${r.role}`);
            return (
              <li key={r.id} className="flex flex-wrap items-center gap-3">
                <span>{t("qualityRoles.holder", { role, name, email: r.person.email })}</span>
                {r.may.remove && (
                  <ManagementForm
                    action={removeQualityRoleAction}
                    submitLabel={t("form.remove")}
                    variant="secondary"
                    label={t("qualityRoles.removeLabel", { role, name })}
                    confirm={t("qualityRoles.removeConfirm", { role, name })}
                  >
                    <input type="hidden" name="roleId" value={r.id} />
                  </ManagementForm>
                )}
                {r.isManagedAbove && (
                  <span className="text-xs text-slate-700" data-testid="gere-au-dessus">
                    {t("users.managedAbove")}
                  </span>
                )}
              </li>
            );
          })}
        {!roles.some((r) => r.role === "GL" && !r.subdivisionId) && <li>{t("qualityRoles.noGl")}</li>}
      </ul>
      <div className="mt-4 flex flex-wrap gap-6">
        {(data.can.manageCoGl || data.can.designateTechnicalUser) && (
          <ManagementForm action={designateQualityRoleAction} submitLabel={t("form.designate")} label={t("qualityRoles.designateLabel")}>
            <input type="hidden" name="qualityId" value={quality.id} />
            <Wide>
              <TextField label={t("form.personEmail")} name="personEmail" type="email" required />
            </Wide>
            <SelectField
              label={t("qualityRoles.role")}
              name="role"
              options={[
                ...(data.can.manageCoGl ? [{ value: "CO_GL", label: t("qualityRoles.coGlOption") }] : []),
                ...(data.can.designateTechnicalUser ? [{ value: "TECHNICAL_USER", label: t("qualityRoles.technicalUserOption") }] : []),
              ]}
            />
          </ManagementForm>
        )}
        {data.can.updateEmail && (
          <ManagementForm action={updateQualityEmailAction} submitLabel={t("qualityRoles.changeEmail")} label={t("qualityRoles.changeEmailLabel")}>
            <input type="hidden" name="qualityId" value={quality.id} />
            <Wide size="large">
              <TextField label={t("qualityRoles.qualityEmail")} name="email" type="email" defaultValue={quality.email ?? ""} required />
            </Wide>
          </ManagementForm>
        )}
      </div>
      <h3 className="mt-6 font-medium">{t("qualityRoles.subdivisions")}</h3>
      <ul className="mt-1 list-disc pl-5 text-sm">
        {quality.subdivisions.map((s) => (
          <li key={s.id}>
            {s.name} —{" "}
            {roles
              .filter((r) => r.subdivisionId === s.id)
              .map((r) => t("qualityRoles.subdivisionManager", { role: t(`roles.${r.role}`), name: `${r.person.firstName} ${r.person.lastName}` }))
              .join(", ") || t("qualityRoles.noSubdivisionManager")}
          </li>
        ))}
        {quality.subdivisions.length === 0 && <li>{t("qualityRoles.noSubdivision")}</li>}
      </ul>
      {data.can.manageSubdivisions && (
        <div className="mt-3 flex flex-wrap gap-6">
          <ManagementForm action={createSubdivisionAction} submitLabel={t("qualityRoles.createSubdivision")} label={t("qualityRoles.createSubdivision")}>
            <input type="hidden" name="qualityId" value={quality.id} />
            <Wide>
              <TextField label={t("qualityRoles.subdivisionName")} name="name" required />
            </Wide>
          </ManagementForm>
          {quality.subdivisions.length > 0 && (
            <ManagementForm
              action={designateSubdivisionManagerAction}
              submitLabel={t("form.designate")}
              label={t("qualityRoles.designateSubdivisionManagerLabel")}
            >
              <SelectField
                label={t("qualityRoles.subdivision")}
                name="subdivisionId"
                options={quality.subdivisions.map((s) => ({ value: s.id, label: s.name }))}
              />
              <Wide>
                <TextField label={t("form.personEmail")} name="personEmail" type="email" required />
              </Wide>
              <SelectField
                label={t("qualityRoles.role")}
                name="role"
                options={[
                  { value: "SUBDIVISION_MANAGER", label: t("qualityRoles.managerOption") },
                  { value: "SUBDIVISION_CO_MANAGER", label: t("qualityRoles.coManagerOption") },
                ]}
              />
            </ManagementForm>
          )}
        </div>
      )}
    </section>
  );
}
