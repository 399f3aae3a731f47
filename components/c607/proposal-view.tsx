import type { RequestDetail } from "@/lib/c607/requests";

import { frDate } from "./status-badge";

/** The engine's proposal, step by step, and ONEM's answer; shown to the CPAS and to ONEM. */
export function ProposalView({ proposal, answer }: { proposal: RequestDetail["proposal"]; answer: RequestDetail["answer"] }) {
  return (
    <div className="space-y-4">
      {answer && (
        <div className="rounded border border-green-300 bg-green-50 p-4" data-testid="reponse-onem">
          <p className="font-semibold text-green-950">
            {answer.endDate
              ? `Réponse de l'ONEM : ${answer.days} jour(s) à prester, fin du contrat le ${frDate(answer.endDate)}`
              : `Réponse de l'ONEM : ${answer.days} jour(s) à prester, la condition est déjà remplie`}
          </p>
          {answer.reason ? (
            <p className="mt-1 text-sm text-green-950">Chiffre corrigé par l&apos;ONEM — motif : {answer.reason}</p>
          ) : (
            <p className="mt-1 text-sm text-green-950">Proposition du calcul validée par l&apos;ONEM.</p>
          )}
        </div>
      )}
      {proposal && (
        <div data-testid="proposition">
          <p className="text-sm text-slate-800">
            Proposition du calcul automatique : <strong>{proposal.result.missingDays} jour(s)</strong> à prester
            {proposal.result.missingDays === 0 ? <>, la condition est déjà remplie</> : null}
            {proposal.result.proposedEndDate ? (
              <>
                , fin proposée le <strong>{frDate(proposal.result.proposedEndDate)}</strong>
              </>
            ) : null}{" "}
            — règles {proposal.result.rulesetId}.
          </p>
          <ol className="mt-3 list-decimal space-y-2 pl-6 text-sm text-slate-800" aria-label="Étapes du calcul">
            {proposal.result.steps.map((s, i) => (
              <li key={i}>
                <span className="font-medium">{s.label}</span> — {s.detail}
              </li>
            ))}
          </ol>
          {proposal.result.warnings.length > 0 && (
            <ul className="mt-3 list-disc space-y-1 pl-6 text-sm text-orange-900" aria-label="Points d'attention">
              {proposal.result.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
