import "server-only";

import { formatBelgianDate, toBrusselsDate } from "@/lib/c607/calendar-date";
import { calculateDaysToWork, InvalidC607InputError } from "@/lib/c607/calculate-days-to-work";
import { listOf } from "@/lib/c607/list-of";
import type { AssimilatedPeriod, DaysToWorkInput, DaysToWorkResult } from "@/lib/c607/types";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";

import type { C607Context } from "./context";
import { beginCommand, commitUpdate } from "./load-request";
import { recordChange } from "./record-change";
import type { TVersionOnly } from "./schemas";
import { toEngineInput } from "./to-engine-input";
import { CONTENT_INCLUDE, readContent } from "./write-content";

/**
 * What is stored in C607Request.proposal: the engine's input (minus the NISS) and its result. The
 * result's steps, warnings and reasons are catalogue references since issue 13 (each reader sees
 * them in their language); a proposal stored before keeps its French text, shown as it is.
 */
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
      const events = engine.eventsDuringContract.map((p) =>
        msg("c607.calc.details.event", { kind: msg(`c607.kinds.${p.kind}`), from: formatBelgianDate(p.from), to: formatBelgianDate(p.to) }),
      );
      result.steps.push({ label: msg("c607.calc.steps.events"), detail: msg("c607.calc.details.events", { events: listOf(events) }) });
      result.warnings.push(msg("c607.calc.warnings.events"));
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
    await recordChange(tx, {
      ctx,
      requestId: request.id,
      entityId: request.entityId,
      kind: "calculated",
      note: msg("c607.notes.calculated", {
        days: result.missingDays,
        hasEnd: String(result.proposedEndDate !== null),
        endDate: result.proposedEndDate ? formatBelgianDate(result.proposedEndDate) : "",
        rulesetId: result.rulesetId,
      }),
      summary: {
        missingDays: result.missingDays,
        proposedEndDate: result.proposedEndDate,
        rulesetId: result.rulesetId,
      },
    });
    return { id: updated.id, version: updated.version, proposal };
  });
}
