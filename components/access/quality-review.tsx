import { addSodRuleAction, closeReviewAction, decideReviewAction, removeSodRuleAction, startReviewAction } from "@/app/(portal)/gestion/actions";
import { ManagementForm, Wide } from "@/components/access/management-form";
import { SelectField, TextField } from "@/components/ui/action-form";
import { ACCESS_RIGHTS } from "@/lib/access/catalogue";
import type { QualityManagement } from "@/lib/access/manage/load-quality-management";

const RIGHT_NAMES = new Map<string, string>(ACCESS_RIGHTS.map((r) => [r.code, r.name]));
const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "medium", timeZone: "Europe/Brussels" });

/** The DPD's yearly access review and segregation-of-duties rules (beyond the social-security portal). */
export function QualityReview({ data }: { data: QualityManagement }) {
  const { review } = data;
  const isOverdue = review ? review.deadline < new Date() : false;
  return (
    <section aria-labelledby="revue-titre" className="rounded-lg border border-slate-200 bg-white p-6">
      <h2 id="revue-titre" className="text-lg font-semibold">
        Revue des accès
      </h2>
      {!review && <p className="mt-2 text-sm">Aucune revue en cours.</p>}
      {!review && data.can.startReview && (
        <ManagementForm
          action={startReviewAction}
          submitLabel="Lancer la revue"
          label="Lancer la revue des accès"
          className="mt-2 flex flex-wrap items-end gap-2"
        >
          <input type="hidden" name="qualityId" value={data.quality.id} />
          <Wide size="small">
            <TextField label="Échéance" name="deadline" type="date" required />
          </Wide>
        </ManagementForm>
      )}
      {review && (
        <>
          <p className={`mt-2 text-sm ${isOverdue ? "font-semibold text-red-800" : ""}`}>
            Échéance : {dateFr.format(review.deadline)}
            {isOverdue ? " — dépassée : les droits sans réponse sont signalés." : ""}
          </p>
          <ul className="mt-2 space-y-1 text-sm">
            {review.items.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {i.grant ? `${i.grant.person.firstName} ${i.grant.person.lastName} — ${RIGHT_NAMES.get(i.grant.rightCode)}` : "droit supprimé"} :{" "}
                  <strong>
                    {i.decision === "KEEP" ? "conserver" : i.decision === "REVOKE" ? "retirer" : isOverdue ? "sans réponse (en retard)" : "à décider"}
                  </strong>
                </span>
                {(["KEEP", "REVOKE"] as const).map((d) => (
                  <ManagementForm
                    key={d}
                    action={decideReviewAction}
                    submitLabel={d === "KEEP" ? "Conserver" : "Retirer"}
                    label={`${d === "KEEP" ? "Conserver" : "Retirer"} ${i.grant ? `${RIGHT_NAMES.get(i.grant.rightCode)} de ${i.grant.person.firstName} ${i.grant.person.lastName}` : "ce droit"}`}
                    variant="secondary"
                  >
                    <input type="hidden" name="itemId" value={i.id} />
                    <input type="hidden" name="decision" value={d} />
                  </ManagementForm>
                ))}
              </li>
            ))}
          </ul>
          {data.can.startReview && (
            <ManagementForm
              action={closeReviewAction}
              submitLabel="Clôturer la revue"
              label="Clôturer la revue des accès"
              variant="danger"
              confirm="Clôturer la revue ? Les droits marqués « retirer » seront retirés immédiatement ; une revue clôturée ne se rouvre pas."
              className="mt-3 flex flex-wrap items-end gap-2"
            >
              <input type="hidden" name="reviewId" value={review.id} />
            </ManagementForm>
          )}
        </>
      )}
      {data.can.manageSod && (
        <>
          <h3 className="mt-6 font-medium">Séparation des fonctions</h3>
          <ul className="mt-1 space-y-1 text-sm">
            {data.sodRules.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-3">
                {RIGHT_NAMES.get(r.rightA)} + {RIGHT_NAMES.get(r.rightB)} : {r.mode === "FORBID" ? "cumul interdit" : "cumul avec justification"}
                <ManagementForm
                  action={removeSodRuleAction}
                  submitLabel="Retirer"
                  label={`Retirer la règle ${RIGHT_NAMES.get(r.rightA)} + ${RIGHT_NAMES.get(r.rightB)}`}
                  variant="secondary"
                  confirm={`Retirer la règle ${RIGHT_NAMES.get(r.rightA)} + ${RIGHT_NAMES.get(r.rightB)} ? Ce cumul de droits ne sera plus contrôlé lors des prochaines attributions.`}
                >
                  <input type="hidden" name="ruleId" value={r.id} />
                </ManagementForm>
              </li>
            ))}
          </ul>
          <ManagementForm
            action={addSodRuleAction}
            submitLabel="Ajouter la règle"
            label="Ajouter la règle de séparation des fonctions"
            className="mt-2 flex flex-wrap items-end gap-2"
          >
            <SelectField label="Droit A" name="rightA" options={ACCESS_RIGHTS.map((r) => ({ value: r.code, label: r.name }))} />
            <SelectField label="Droit B" name="rightB" options={ACCESS_RIGHTS.map((r) => ({ value: r.code, label: r.name }))} />
            <SelectField
              label="Règle"
              name="mode"
              options={[
                { value: "FORBID", label: "Cumul interdit" },
                { value: "JUSTIFY", label: "Cumul avec justification" },
              ]}
            />
          </ManagementForm>
        </>
      )}
    </section>
  );
}
