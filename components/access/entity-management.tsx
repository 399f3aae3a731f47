import Link from "next/link";
import { useTranslations } from "next-intl";

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
import type { loadEntityOverview } from "@/lib/dashboard/load-entity-overview";
import { QualityType } from "@/lib/generated/prisma/enums";
import { formatBce } from "@/lib/validation/bce";

type Overview = Awaited<ReturnType<typeof loadEntityOverview>>;
const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** RAE / co-RAE screen: DPD, qualities and their GL, co-RAEs (seed 003, "RAE et co-RAE"). */
export function EntityManagement({ overview, actorId }: { overview: Overview; actorId: string }) {
  const t = useTranslations("access");
  const quality = (type: QualityType) => t(`qualities.${type}`);
  return (
    <>
      <section aria-labelledby="entite-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="entite-titre" className="text-lg font-semibold">
          {overview.name} — {formatBce(overview.bceNumber)}
        </h2>
        <p className="mt-2 text-sm">
          {t.rich("entity.dpd", {
            name: overview.dpdPerson ? fullName(overview.dpdPerson) : t("entity.dpdNone"),
            strong: (chunks) => <strong data-testid="dpd-actuel">{chunks}</strong>,
          })}
        </p>
        <ManagementForm
          action={setDpdAction}
          submitLabel={t("entity.setDpd")}
          label={t("entity.setDpdLabel")}
          className="mt-3 flex flex-wrap items-end gap-2"
          confirm={t("entity.setDpdConfirm")}
        >
          <Wide>
            <TextField label={t("entity.dpdEmail")} name="personEmail" type="email" required />
          </Wide>
        </ManagementForm>
      </section>

      <section aria-labelledby="qualites-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="qualites-titre" className="text-lg font-semibold">
          {t("entity.qualitiesTitle")}
        </h2>
        <div className="mt-3 space-y-4">
          {overview.qualities.map((q) => (
            <article key={q.id} className="rounded border border-slate-200 p-4" aria-label={quality(q.type)} data-testid={`qualite-${q.type}`}>
              <h3 className="font-medium">
                <Link href={`/gestion/qualites/${q.id}`} className="text-brand-700 underline">
                  {quality(q.type)}
                </Link>{" "}
                <span className="text-sm text-slate-700">{t("entity.qualityState", { identifier: q.identifier, active: q.isActive ? "true" : "false" })}</span>
              </h3>
              <p className="mt-1 text-sm">
                {t("entity.gl", { name: q.gl ? fullName(q.gl) : t("entity.glNone") })}
                {!q.isGlCompliant && <span className="ml-2 rounded bg-amber-100 px-1 text-amber-900">{t("entity.notCompliant")}</span>}
                {q.coGls.length > 0 && t("entity.coGls", { names: q.coGls.map(fullName).join(", ") })}
              </p>
              <div className="mt-2 flex flex-wrap gap-4">
                {q.isGlSetByDpd ? (
                  <p className="text-xs text-slate-700" data-testid="gl-par-le-dpd">
                    {t("entity.glSetByDpd", { dpd: overview.dpdPersonId ? "set" : "none" })}
                  </p>
                ) : (
                  <ManagementForm
                    action={designateGlAction}
                    submitLabel={t("entity.designateGl")}
                    label={t("entity.designateGlLabel", { quality: quality(q.type) })}
                    confirm={q.gl ? t("entity.designateGlConfirm", { quality: quality(q.type), name: fullName(q.gl) }) : undefined}
                  >
                    <input type="hidden" name="qualityId" value={q.id} />
                    <Wide>
                      <TextField label={t("entity.newGlEmail")} name="personEmail" type="email" required />
                    </Wide>
                  </ManagementForm>
                )}
                {q.isActive && (
                  <ManagementForm
                    action={deactivateQualityAction}
                    submitLabel={t("entity.deactivate")}
                    variant="secondary"
                    label={t("entity.deactivateLabel", { quality: quality(q.type) })}
                    confirm={t("entity.deactivateConfirm", { quality: quality(q.type) })}
                  >
                    <input type="hidden" name="qualityId" value={q.id} />
                  </ManagementForm>
                )}
              </div>
            </article>
          ))}
        </div>
        <h3 className="mt-6 font-medium">{t("entity.activateTitle")}</h3>
        <ManagementForm action={activateQualityAction} submitLabel={t("entity.activate")} label={t("entity.activateTitle")}>
          <SelectField label={t("entity.quality")} name="type" options={Object.values(QualityType).map((type) => ({ value: type, label: quality(type) }))} />
          <Wide size="large">
            <TextField label={t("entity.identifier")} name="identifier" required />
          </Wide>
        </ManagementForm>
      </section>

      <section aria-labelledby="corae-titre" className="rounded-lg border border-slate-200 bg-white p-6">
        <h2 id="corae-titre" className="text-lg font-semibold">
          {t("entity.coRaeTitle")}
        </h2>
        <ul className="mt-2 space-y-2">
          {overview.roles.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                {t("entity.raeRole", { name: fullName(r.person), role: r.role === "RAE" ? "RAE" : "CO_RAE", blocked: r.isBlocked ? "true" : "false" })}
              </span>
              {r.role === "CO_RAE" && r.person.id !== actorId && (
                <>
                  <ManagementForm
                    action={changeCoRaeAction}
                    submitLabel={r.isBlocked ? t("form.unblock") : t("form.block")}
                    variant="secondary"
                    label={t("entity.blockCoRaeLabel", { blocked: r.isBlocked ? "true" : "false", name: fullName(r.person) })}
                    confirm={
                      r.isBlocked ? t("entity.unblockCoRaeConfirm", { name: fullName(r.person) }) : t("entity.blockCoRaeConfirm", { name: fullName(r.person) })
                    }
                  >
                    <input type="hidden" name="roleId" value={r.id} />
                    <input type="hidden" name="change" value={r.isBlocked ? "unblock" : "block"} />
                  </ManagementForm>
                  <ManagementForm
                    action={changeCoRaeAction}
                    submitLabel={t("form.delete")}
                    variant="danger"
                    label={t("entity.deleteCoRaeLabel", { name: fullName(r.person) })}
                    confirm={t("entity.deleteCoRaeConfirm", { name: fullName(r.person) })}
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
          submitLabel={t("entity.designateCoRae")}
          label={t("entity.designateCoRae")}
          className="mt-3 flex flex-wrap items-end gap-2"
        >
          <Wide>
            <TextField label={t("entity.coRaeEmail")} name="personEmail" type="email" required />
          </Wide>
        </ManagementForm>
      </section>
    </>
  );
}
