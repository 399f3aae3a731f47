import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";

import type { C607Context } from "./context";
import {
  addAttachment,
  answerRequest,
  calculateRequest,
  copyRequest,
  createRequest,
  decideDerogation,
  removeAttachment,
  requestComplement,
  sendRequest,
  takeRequest,
  updateDraft,
} from "./index";
import { cpasAgent, newKey, onemCollaborator, PDF_BYTES, sampleContent } from "./test-fixtures";
import { type C607StatusCode, COMMANDS, type Command, isAllowed, type Side } from "./transitions";

afterAll(() => db.$disconnect());

const STATUSES: C607StatusCode[] = ["DRAFT", "SENT", "IN_PROGRESS", "COMPLEMENT_REQUESTED", "CALCULATED", "REFUSED"];

function run(command: Command, ctx: C607Context, id: string, version: number, shift: number): Promise<unknown> {
  switch (command) {
    case "update":
      return updateDraft({
        ctx,
        id,
        input: { version, content: sampleContent({ shift }) },
      });
    case "attach":
      return addAttachment({
        ctx,
        id,
        fileName: "piece.pdf",
        content: PDF_BYTES,
      });
    case "detach":
      return db.c607Attachment
        .create({
          data: {
            requestId: id,
            fileName: "piece.pdf",
            mimeType: "application/pdf",
            size: PDF_BYTES.byteLength,
            sha256: "0",
            content: Buffer.from(PDF_BYTES),
            addedById: ctx.actor.personId,
          },
        })
        .then((a) => removeAttachment({ ctx, id, attachmentId: a.id }));
    case "send":
      return sendRequest({ ctx, id, input: { version } });
    case "copy":
      return copyRequest({
        ctx,
        id,
        input: { clientKey: newKey(), reason: "CONTRACT_CHANGED" },
      });
    case "take":
      return takeRequest({ ctx, id, input: { version } });
    case "request_complement":
      return requestComplement({
        ctx,
        id,
        input: { version, message: "Complément nécessaire." },
      });
    case "accept_derogation":
      return decideDerogation({
        ctx,
        id,
        input: { version, decision: "ACCEPT" },
      });
    case "refuse_derogation":
      return decideDerogation({
        ctx,
        id,
        input: { version, decision: "REFUSE", reason: "Pas justifié." },
      });
    case "calculate":
      return calculateRequest({ ctx, id, input: { version } });
    case "answer":
      return answerRequest({
        ctx,
        id,
        input: { version, decision: "VALIDATE" },
      });
  }
}

describe("every command × status × side against the database", () => {
  it("runs what the transition table allows and refuses everything else, writing nothing", async () => {
    const { ctx: cpas } = await cpasAgent();
    const onem = await onemCollaborator();
    let shift = 0;
    const seen: string[] = [];
    for (const status of STATUSES) {
      for (const command of COMMANDS) {
        for (const side of ["CPAS", "ONEM"] as Side[]) {
          shift += 1;
          const r = await createRequest({
            ctx: cpas,
            input: { clientKey: newKey(), content: sampleContent({ shift }) },
          });
          // Put the request in the status under test, with what the command needs besides the status.
          await db.c607Request.update({
            where: { id: r.id },
            data: {
              status,
              derogationStatus: command.endsWith("derogation") ? "PENDING" : null,
              proposal:
                command === "answer"
                  ? {
                      result: {
                        missingDays: 10,
                        proposedEndDate: "2027-06-30",
                        steps: [],
                      },
                    }
                  : undefined,
            },
          });
          const eventsBefore = await db.c607Event.count({
            where: { requestId: r.id },
          });
          const ctx = side === "CPAS" ? cpas : onem;
          const label = `${command} from ${status} by ${side}`;
          if (isAllowed(command, status, side)) {
            await expect(run(command, ctx, r.id, r.version, shift), label).resolves.toBeDefined();
            expect(await db.c607Event.count({ where: { requestId: r.id } }), label).toBeGreaterThan(eventsBefore);
            seen.push(label);
          } else {
            const error = await run(command, ctx, r.id, r.version, shift).then(
              () => null,
              (e: unknown) => e,
            );
            // ONEM never sees a CPAS draft, not even to be told it is the wrong side: 404.
            expect(isAppError(error) ? error.code : error, label).toMatch(
              side === "ONEM" && status === "DRAFT" ? /^NOT_FOUND$/ : /^(FORBIDDEN|UNPROCESSABLE)$/,
            );
            const after = await db.c607Request.findUniqueOrThrow({
              where: { id: r.id },
            });
            expect(
              {
                status: after.status,
                version: after.version,
                events: await db.c607Event.count({
                  where: { requestId: r.id },
                }),
              },
              label,
            ).toEqual({ status, version: r.version, events: eventsBefore });
          }
        }
      }
    }
    expect(seen).toHaveLength(16);
  }, 120_000);
});
