import { useFormatter, useTranslations } from "next-intl";

import { addSodRuleAction, closeReviewAction, decideReviewAction, removeSodRuleAction, startReviewAction } from "@/app/(portal)/gestion/actions";
import { ManagementForm, Wide } from "@/components/access/management-form";
import { SelectField, TextField } from "@/components/ui/action-form";
import { ACCESS_RIGHTS, type RightCode } from "@/lib/access/catalogue";
import type { QualityManagement } from "@/lib/access/manage/load-quality-management";

/** The DPD's yearly access review and segregation-of-duties rules (beyond the social-security portal). */
export function QualityReview({ data }: { data: QualityManagement }) {
  const t = useTranslations("access");
  const format = useFormatter();
  const rightName = (code: string) => t(`rights.${code as RightCode}.name`);
  const rightOptions = ACCESS_RIGHTS.map((r) => ({ value: r.code, label: rightName(r.code) }));
  const { review } = data;
  const isOverdue = review ? review.deadline < new Date() : false;
  return (
    <section aria-labelledby="revue-titre" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="revue-titre" className="text-lg font-semibold">
        {t("review.title")}
      </h2>
      {!review && <p className="mt-2 text-sm">{t("review.none")}</p>}
      {!review && data.can.startReview && (
        <ManagementForm
          action={startReviewAction}
          submitLabel={t("review.start")}
          label={t("review.startLabel")}
          className="mt-2 flex flex-wrap items-end gap-2"
        >
          <input type="hidden" name="qualityId" value={data.quality.id} />
          <Wide size="small">
            <TextField label={t("review.deadline")} name="deadline" type="date" required />
          </Wide>
        </ManagementForm>
      )}
      {review && (
        <>
          <p className={`mt-2 text-sm ${isOverdue ? "font-semibold text-red-800" : ""}`}>
            {t("review.deadlineIs", { deadline: format.dateTime(review.deadline, { dateStyle: "medium" }), overdue: isOverdue ? "true" : "false" })}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {review.items.map((i) => {
              const name = i.grant ? `${i.grant.person.firstName} ${i.grant.person.lastName}` : "";
              const right = i.grant ? rightName(i.grant.rightCode) : "";
              return (
                <li key={i.id} className="flex flex-wrap items-center gap-3">
                  <span>
                    {i.grant ? `${name} — ${right}` : t("review.itemGone")} :{" "}
                    <strong>{i.decision ? t(`review.${i.decision}`) : isOverdue ? t("review.late") : t("review.pending")}</strong>
                  </span>
                  {(["KEEP", "REVOKE"] as const)
                    .filter((d) => (d === "KEEP" ? i.may.keep : i.may.revoke))
                    .map((d) => (
                      <ManagementForm
                        key={d}
                        action={decideReviewAction}
                        submitLabel={d === "KEEP" ? t("review.keep") : t("review.revoke")}
                        label={i.grant ? t("review.decideLabel", { decision: d, right, name }) : t("review.decideGoneLabel", { decision: d })}
                        variant="secondary"
                      >
                        <input type="hidden" name="itemId" value={i.id} />
                        <input type="hidden" name="decision" value={d} />
                      </ManagementForm>
                    ))}
                  {i.isManagedAbove && (
                    <span className="text-xs text-slate-700" data-testid="gere-au-dessus">
                      {t("users.managedAbove")}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          {data.can.startReview && (
            <ManagementForm
              action={closeReviewAction}
              submitLabel={t("review.close")}
              label={t("review.closeLabel")}
              variant="danger"
              confirm={t("review.closeConfirm")}
              className="mt-3 flex flex-wrap items-end gap-2"
            >
              <input type="hidden" name="reviewId" value={review.id} />
            </ManagementForm>
          )}
        </>
      )}
      {data.can.manageSod && (
        <>
          <h3 className="mt-6 font-medium">{t("review.sodTitle")}</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {data.sodRules.map((r) => {
              const pair = { rightA: rightName(r.rightA), rightB: rightName(r.rightB) };
              return (
                <li key={r.id} className="flex flex-wrap items-center gap-3">
                  {t("review.sodRule", { ...pair, mode: r.mode })}
                  <ManagementForm
                    action={removeSodRuleAction}
                    submitLabel={t("form.remove")}
                    label={t("review.sodRemoveLabel", pair)}
                    variant="secondary"
                    confirm={t("review.sodRemoveConfirm", pair)}
                  >
                    <input type="hidden" name="ruleId" value={r.id} />
                  </ManagementForm>
                </li>
              );
            })}
          </ul>
          <ManagementForm
            action={addSodRuleAction}
            submitLabel={t("review.sodAdd")}
            label={t("review.sodAddLabel")}
            className="mt-2 flex flex-wrap items-end gap-2"
          >
            <SelectField label={t("review.rightA")} name="rightA" options={rightOptions} />
            <SelectField label={t("review.rightB")} name="rightB" options={rightOptions} />
            <SelectField
              label={t("review.rule")}
              name="mode"
              options={[
                { value: "FORBID", label: t("review.forbid") },
                { value: "JUSTIFY", label: t("review.justify") },
              ]}
            />
          </ManagementForm>
        </>
      )}
    </section>
  );
}
