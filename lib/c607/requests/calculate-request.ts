import "server-only";

import { formatBelgianDate, toBrusselsDate } from "@/lib/c607/calendar-date";
import { calculateDaysToWork, InvalidC607InputError } from "@/lib/c607/calculate-days-to-work";
import { ASSIMILATED_KIND_LABELS, type AssimilatedPeriod, type DaysToWorkInput, type DaysToWorkResult } from "@/lib/c607/types";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import type { C607Context } from "./context";
import { beginCommand, commitUpdate } from "./load-request";
import { recordChange } from "./record-change";
import type { TVersionOnly } from "./schemas";
import { toEngineInput } from "./to-engine-input";
import { CONTENT_INCLUDE, readContent } from "./write-content";

/** What is stored in C607Request.proposal: the engine's input (minus the NISS) and its result. */
export type StoredProposal = {
  computedAt: string;
  computedById: string;
  input: DaysToWorkInput;
  eventsDuringContract: AssimilatedPeriod[];
  result: DaysToWorkResult;
};

/**
 * Runs the engine (lib/c607) on the request's data and stores the proposal with every step. The
 * request stays "En traitement": the collaborator then validates it or sets another figure.
 * Calculating again replaces the proposal (each run is in the timeline and the audit trail).
 */
export async function calculateRequest({ ctx, id, input, now = new Date() }: { ctx: C607Context; id: string; input: TVersionOnly; now?: Date }) {
  return db.$transaction(async (tx) => {
    const { request } = await beginCommand(tx, {
      ctx,
      id,
      command: "calculate",
      version: input.version,
    });
    if (request.derogationStatus === "PENDING") throw new AppError("UNPROCESSABLE", msg("c607.errors.decideDerogationFirst"));
    const full = await tx.c607Request.findUniqueOrThrow({
      where: { id: request.id },
      include: CONTENT_INCLUDE,
    });
    const engine = toEngineInput(readContent(full), toBrusselsDate(now));
    let result: DaysToWorkResult;
    try {
      result = calculateDaysToWork(engine.input);
    } catch (error) {
      if (!(error instanceof InvalidC607InputError)) throw error;
      const fieldErrors = Object.fromEntries(error.errors.map((e) => [e.path, [e.message]]));
      throw new AppError("UNPROCESSABLE", msg("c607.errors.cannotCalculate"), fieldErrors);
    }
    if (engine.eventsDuringContract.length > 0) {
      const list = engine.eventsDuringContract
        .map((p) => `${ASSIMILATED_KIND_LABELS[p.kind]} du ${formatBelgianDate(p.from)} au ${formatBelgianDate(p.to)}`)
        .join(" ; ");
      result.steps.push({
        label: "Événements pendant le contrat",
        detail: `${list}. Non comptés automatiquement : leur effet sur la date de fin est apprécié par le collaborateur de l'ONEM (second calcul).`,
      });
      result.warnings.push("Des événements pendant le contrat sont encodés : vérifiez leur effet avant de valider.");
    }
    const proposal: StoredProposal = {
      computedAt: now.toISOString(),
      computedById: ctx.actor.personId,
      input: engine.input,
      eventsDuringContract: engine.eventsDuringContract,
      result,
    };
    const updated = await commitUpdate(tx, {
      request,
      command: "calculate",
      version: input.version,
      data: { proposal: proposal as object },
    });
    const end = result.proposedEndDate ? `, fin proposée le ${formatBelgianDate(result.proposedEndDate)}` : "";
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "calculated",
      note: `Proposition du calcul automatique : ${result.missingDays} jour(s) à prester${end} (règles ${result.rulesetId}).`,
      summary: {
        missingDays: result.missingDays,
        proposedEndDate: result.proposedEndDate,
        rulesetId: result.rulesetId,
      },
    });
    return { id: updated.id, version: updated.version, proposal };
  });
}
