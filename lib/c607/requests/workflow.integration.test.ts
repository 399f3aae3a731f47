import { afterAll, describe, expect, it } from "vitest";

import { localize, localizeFieldErrors } from "@/lib/i18n/translator";

import { db } from "@/lib/db/client";
import { countQueries } from "@/lib/db/query-counter";
import { isAppError } from "@/lib/errors/app-error";
import { listInbox } from "@/lib/notifications/list-inbox";

import {
  addAttachment,
  answerRequest,
  calculateRequest,
  copyRequest,
  createRequest,
  decideDerogation,
  getRequestDetail,
  listRequests,
  removeAttachment,
  requestComplement,
  sendRequest,
  takeRequest,
  updateDraft,
} from "./index";
import { ZCreateRequest } from "./schemas";
import { cpasAgent, cpasOutsider, newKey, onemCollaborator, PDF_BYTES, sampleContent } from "./test-fixtures";

afterAll(() => db.$disconnect());

async function errorOf(p: Promise<unknown>): Promise<{
  code: string;
  message: string;
  fieldErrors?: Record<string, string[]>;
}> {
  try {
    await p;
  } catch (error) {
    if (isAppError(error))
      return {
        code: error.code,
        message: localize("fr", error.message),
        fieldErrors: localizeFieldErrors("fr", error.fieldErrors),
      };
    throw error;
  }
  throw new Error("expected an AppError");
}

async function timelineMatchesAudit(requestId: string) {
  const events = await db.c607Event.findMany({
    where: { requestId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const audit = await db.auditEvent.findMany({
    where: { targetType: "C607Request", targetId: requestId },
    orderBy: { id: "asc" },
  });
  expect(audit.map((a) => a.action)).toEqual(events.map((e) => `c607.${e.kind}`));
  expect(audit.map((a) => a.actorId)).toEqual(events.map((e) => e.actorId));
  // The NISS never reaches the audit trail, in any form.
  expect(JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).not.toMatch(/85\.?07\.?30-?033\.?28/);
}

describe("C60.7 workflow", () => {
  it("goes from draft to calculated, then continues as an editable copy (second calculation with derogation)", async () => {
    const { ctx: cpas, entityId } = await cpasAgent();
    const onem = await onemCollaborator();
    const created = await createRequest({
      ctx: cpas,
      input: { clientKey: newKey(), content: sampleContent() },
    });
    expect(created.reference).toMatch(/^C607-\d{4}-\d{6}$/);

    const edited = await updateDraft({
      ctx: cpas,
      id: created.id,
      input: {
        version: created.version,
        content: {
          ...sampleContent(),
          worker: { ...sampleContent().worker, lastName: "Dupont-Martin" },
        },
      },
    });
    const attached = await addAttachment({
      ctx: cpas,
      id: created.id,
      fileName: "../../fiche de paie.pdf",
      content: PDF_BYTES,
    });
    expect(attached.attachment).toMatchObject({
      fileName: "fiche de paie.pdf",
      mimeType: "application/pdf",
    });
    expect(edited.version).toBe(2);
    const sent = await sendRequest({
      ctx: cpas,
      id: created.id,
      input: { version: 3 },
      now: new Date("2026-03-02T10:00:00Z"),
    });
    expect(sent.deadline).toBe("2026-03-09"); // docs/c607-calculation.md, first row of the table

    // Sent: the CPAS can no longer edit it, ONEM never edits CPAS data.
    expect(
      (
        await errorOf(
          updateDraft({
            ctx: cpas,
            id: created.id,
            input: { version: sent.version, content: sampleContent() },
          }),
        )
      ).code,
    ).toBe("UNPROCESSABLE");
    expect(
      (
        await errorOf(
          updateDraft({
            ctx: onem,
            id: created.id,
            input: { version: sent.version, content: sampleContent() },
          }),
        )
      ).code,
    ).toBe("FORBIDDEN");

    const taken = await takeRequest({
      ctx: onem,
      id: created.id,
      input: { version: sent.version },
    });
    const calculated = await calculateRequest({
      ctx: onem,
      id: created.id,
      input: { version: taken.version },
    });
    expect(calculated.proposal.result.steps.length).toBeGreaterThan(3);
    const answered = await answerRequest({
      ctx: onem,
      id: created.id,
      input: {
        version: calculated.version,
        decision: "OVERRIDE",
        days: 150,
        endDate: "2027-06-30",
        reason: "Jours de maladie confirmés par la mutuelle.",
      },
    });
    expect(answered).toMatchObject({ days: 150, endDate: "2027-06-30" });

    const detail = await getRequestDetail({ ctx: cpas, id: created.id });
    expect(detail.status).toBe("CALCULATED");
    expect(detail.answer).toMatchObject({ days: 150, isOverride: true });
    expect(detail.proposal?.result.missingDays).toBe(calculated.proposal.result.missingDays);
    expect(detail.timeline.map((e) => e.kind)).toEqual(["created", "updated", "attachment_added", "sent", "taken", "calculated", "answered"]);
    // The notes are stored as message references (issue 13): French for the CPAS agent, Dutch for
    // an RVA collaborator reading the same timeline.
    const notes = (locale: "fr" | "nl") => detail.timeline.slice(0, 5).map((e) => localize(locale, e.note ?? ""));
    const onemName = `${onem.actor.firstName} ${onem.actor.lastName}`;
    expect(notes("fr")).toEqual([
      `Demande ${created.reference} créée.`,
      "Données modifiées (1 période d'occupation, 1 période assimilée).",
      "Pièce jointe « fiche de paie.pdf » (application/pdf, 1 Ko).",
      "Envoyée à l'ONEM ; réponse attendue au plus tard le 09/03/2026.",
      `Prise en traitement par ${onemName} (ONEM).`,
    ]);
    expect(notes("nl")).toEqual([
      `Aanvraag ${created.reference} aangemaakt.`,
      "Gegevens gewijzigd (1 tewerkstellingsperiode, 1 gelijkgestelde periode).",
      "Bijlage « fiche de paie.pdf » (application/pdf, 1 kB).",
      "Verzonden naar de RVA; antwoord verwacht uiterlijk op 09/03/2026.",
      `In behandeling genomen door ${onemName} (RVA).`,
    ]);
    const inbox = await listInbox({ actor: cpas.actor });
    expect(inbox.messages.map((m) => m.kind)).toContain("c607.calculated");
    await timelineMatchesAudit(created.id);

    // Second calculation: contract 2026-12-01 → 2027-11-30; window 31 Oct – 15 Nov 2027.
    const copy = await copyRequest({
      ctx: cpas,
      id: created.id,
      input: { clientKey: newKey(), reason: "EVENTS_DURING_CONTRACT" },
    });
    const outside = await errorOf(
      sendRequest({
        ctx: cpas,
        id: copy.id,
        input: { version: copy.version },
        now: new Date("2027-03-01T10:00:00Z"),
      }),
    );
    expect(outside.code).toBe("UNPROCESSABLE");
    expect(outside.message).toContain("du 31/10/2027 au 15/11/2027");
    expect(outside.fieldErrors).toHaveProperty("derogationJustification");
    expect(await db.c607Request.findUniqueOrThrow({ where: { id: copy.id } })).toMatchObject({ status: "DRAFT", sentAt: null });

    const withDerogation = await sendRequest({
      ctx: cpas,
      id: copy.id,
      input: {
        version: copy.version,
        derogationJustification: "Dossier complexe : longue maladie en cours.",
      },
      now: new Date("2027-03-01T10:00:00Z"),
    });
    expect(withDerogation.derogationStatus).toBe("PENDING");
    const t2 = await takeRequest({
      ctx: onem,
      id: copy.id,
      input: { version: withDerogation.version },
    });
    expect(
      (
        await errorOf(
          calculateRequest({
            ctx: onem,
            id: copy.id,
            input: { version: t2.version },
          }),
        )
      ).message,
    ).toContain("dérogation");
    await decideDerogation({
      ctx: onem,
      id: copy.id,
      input: {
        version: t2.version,
        decision: "REFUSE",
        reason: "Pas de complexité particulière.",
      },
    });
    expect((await db.c607Request.findUniqueOrThrow({ where: { id: copy.id } })).status).toBe("REFUSED");
    await timelineMatchesAudit(copy.id);
    const copyNote = (id: string, kind: string) =>
      getRequestDetail({ ctx: cpas, id }).then((d) => localize("fr", d.timeline.find((e) => e.kind === kind)?.note ?? ""));
    expect(await copyNote(created.id, "copied")).toBe(
      `Copie modifiable ${copy.reference} créée : effet d'événements pendant le contrat (maladie, congé sans solde…) — second calcul.`,
    );
    expect(await copyNote(copy.id, "created")).toBe(
      `Copie de ${created.reference} : effet d'événements pendant le contrat (maladie, congé sans solde…) — second calcul.`,
    );
    expect(await copyNote(copy.id, "sent")).toMatch(
      /^Envoyée à l'ONEM ; réponse attendue au plus tard le \d\d\/\d\d\/2027\. Dérogation demandée : Dossier complexe : longue maladie en cours\.$/,
    );
    expect(
      await db.notification.count({
        where: { entityId, kind: "c607.refused" },
      }),
    ).toBe(1);
  });

  it("a second calculation inside the window needs no derogation; a complement request sends it back", async () => {
    const { ctx: cpas } = await cpasAgent();
    const onem = await onemCollaborator();
    const r = await createRequest({
      ctx: cpas,
      input: { clientKey: newKey(), content: sampleContent() },
    });
    let s = await sendRequest({
      ctx: cpas,
      id: r.id,
      input: { version: r.version },
    });
    s = {
      ...s,
      ...(await takeRequest({
        ctx: onem,
        id: r.id,
        input: { version: s.version },
      })),
    };
    const back = await requestComplement({
      ctx: onem,
      id: r.id,
      input: {
        version: s.version,
        message: "Joignez l'attestation de la mutuelle.",
      },
    });
    const inbox = await listInbox({ actor: cpas.actor });
    expect(inbox.messages[0]).toMatchObject({
      kind: "c607.returned",
      body: "Joignez l'attestation de la mutuelle.",
    });
    await addAttachment({
      ctx: cpas,
      id: r.id,
      fileName: "attestation.pdf",
      content: PDF_BYTES,
    });
    const resent = await sendRequest({
      ctx: cpas,
      id: r.id,
      input: { version: back.version + 1 },
    });
    const taken = await takeRequest({
      ctx: onem,
      id: r.id,
      input: { version: resent.version },
    });
    const calc = await calculateRequest({
      ctx: onem,
      id: r.id,
      input: { version: taken.version },
    });
    await answerRequest({
      ctx: onem,
      id: r.id,
      input: { version: calc.version, decision: "VALIDATE" },
    });

    const copy = await copyRequest({
      ctx: cpas,
      id: r.id,
      input: { clientKey: newKey(), reason: "EVENTS_DURING_CONTRACT" },
    });
    const sent = await sendRequest({
      ctx: cpas,
      id: copy.id,
      input: { version: copy.version },
      now: new Date("2027-11-05T10:00:00Z"),
    });
    expect(sent.derogationStatus).toBeNull();
    await timelineMatchesAudit(r.id);
  });
});

describe("C60.7 isolation and bad input", () => {
  it("answers 404 for another centre's request and refuses staff without the right", async () => {
    const a = await cpasAgent();
    const b = await cpasAgent();
    const r = await createRequest({
      ctx: a.ctx,
      input: { clientKey: newKey(), content: sampleContent() },
    });
    for (const call of [
      () => getRequestDetail({ ctx: b.ctx, id: r.id }),
      () =>
        updateDraft({
          ctx: b.ctx,
          id: r.id,
          input: { version: 1, content: sampleContent() },
        }),
      () => sendRequest({ ctx: b.ctx, id: r.id, input: { version: 1 } }),
      () =>
        addAttachment({
          ctx: b.ctx,
          id: r.id,
          fileName: "x.pdf",
          content: PDF_BYTES,
        }),
      () => getRequestDetail({ ctx: a.ctx, id: "not-a-uuid" }),
    ]) {
      expect((await errorOf(call())).code).toBe("NOT_FOUND");
    }
    expect((await listRequests({ ctx: b.ctx, filter: {} })).items.map((i) => i.id)).not.toContain(r.id);
    const outsider = await cpasOutsider(a.entityId);
    expect((await errorOf(getRequestDetail({ ctx: outsider, id: r.id }))).code).toBe("FORBIDDEN");
    // ONEM does not see drafts in its queue.
    const onem = await onemCollaborator();
    expect((await listRequests({ ctx: onem, filter: {} })).items.map((i) => i.id)).not.toContain(r.id);
    expect((await db.c607Request.findUniqueOrThrow({ where: { id: r.id } })).version).toBe(1);
  });

  it("refuses a file of the wrong type or too big, saving nothing", async () => {
    const { ctx } = await cpasAgent();
    const r = await createRequest({
      ctx,
      input: { clientKey: newKey(), content: sampleContent() },
    });
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00]);
    expect((await errorOf(addAttachment({ ctx, id: r.id, fileName: "scan.pdf", content: exe }))).code).toBe("UNPROCESSABLE");
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(PDF_BYTES);
    expect((await errorOf(addAttachment({ ctx, id: r.id, fileName: "gros.pdf", content: big }))).code).toBe("PAYLOAD_TOO_LARGE");
    expect(await db.c607Attachment.count({ where: { requestId: r.id } })).toBe(0);
    expect(await db.c607Event.count({ where: { requestId: r.id } })).toBe(1);
  });

  it("takes back a file ONEM has not received; what ONEM received stays, whatever the status", async () => {
    const { ctx, entityId } = await cpasAgent();
    const onem = await onemCollaborator();
    const r = await createRequest({ ctx, input: { clientKey: newKey(), content: sampleContent() } });
    const attach = (fileName: string) => addAttachment({ ctx, id: r.id, fileName, content: PDF_BYTES });
    const wrong = await attach("autre personne.pdf");
    const kept = await attach("fiche de paie.pdf");

    // Another centre's agent and a colleague without the right cannot; nothing changes.
    const b = await cpasAgent();
    expect((await errorOf(removeAttachment({ ctx: b.ctx, id: r.id, attachmentId: wrong.attachment.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(removeAttachment({ ctx: await cpasOutsider(entityId), id: r.id, attachmentId: wrong.attachment.id }))).code).toBe("FORBIDDEN");
    expect((await errorOf(removeAttachment({ ctx, id: r.id, attachmentId: "pas-un-uuid" }))).code).toBe("NOT_FOUND");

    const removed = await removeAttachment({ ctx, id: r.id, attachmentId: wrong.attachment.id });
    expect(removed.version).toBe(kept.version + 1);
    expect(await db.c607Attachment.findMany({ where: { requestId: r.id }, select: { fileName: true } })).toEqual([{ fileName: "fiche de paie.pdf" }]);
    const detail = await getRequestDetail({ ctx, id: r.id });
    expect(detail.timeline.map((e) => e.kind)).toEqual(["created", "attachment_added", "attachment_added", "attachment_removed"]);
    expect(localize("fr", detail.timeline[3]!.note ?? "")).toBe("Pièce jointe « autre personne.pdf » retirée.");
    expect(localize("nl", detail.timeline[3]!.note ?? "")).toBe("Bijlage « autre personne.pdf » verwijderd.");
    expect(detail.attachments.map((a) => a.isRemovable)).toEqual([true]);
    // The removed file is gone, but the trail keeps what it was.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: r.id, action: "c607.attachment_removed" } });
    expect(audit.after).toMatchObject({ fileName: "autre personne.pdf", sha256: wrong.attachment.sha256 });
    // Twice is 404, not a second event.
    expect((await errorOf(removeAttachment({ ctx, id: r.id, attachmentId: wrong.attachment.id }))).code).toBe("NOT_FOUND");

    // Sent: nothing can be taken back, by the CPAS or ONEM.
    const sent = await sendRequest({ ctx, id: r.id, input: { version: removed.version } });
    expect((await errorOf(removeAttachment({ ctx, id: r.id, attachmentId: kept.attachment.id }))).code).toBe("UNPROCESSABLE");
    expect((await errorOf(removeAttachment({ ctx: onem, id: r.id, attachmentId: kept.attachment.id }))).code).toBe("FORBIDDEN");
    expect((await getRequestDetail({ ctx: onem, id: r.id })).attachments.map((a) => a.isRemovable)).toEqual([false]);

    // Complement requested: the file ONEM received stays; a file added since can be taken back.
    const complement = await requestComplement({ ctx: onem, id: r.id, input: { version: sent.version, message: "Ajoutez le contrat signé." } });
    const refused = await errorOf(removeAttachment({ ctx, id: r.id, attachmentId: kept.attachment.id }));
    expect(refused).toMatchObject({ code: "UNPROCESSABLE", message: expect.stringContaining("déjà été transmise à l'ONEM") as string });
    const added = await attach("contrat.pdf");
    expect(added.version).toBe(complement.version + 1);
    expect((await getRequestDetail({ ctx, id: r.id })).attachments.map((a) => [a.fileName, a.isRemovable])).toEqual([
      ["fiche de paie.pdf", false],
      ["contrat.pdf", true],
    ]);
    await removeAttachment({ ctx, id: r.id, attachmentId: added.attachment.id });
    expect(await db.c607Attachment.count({ where: { requestId: r.id } })).toBe(1);
    await timelineMatchesAudit(r.id);
  });

  it("refuses reversed periods and unknown fields before anything is written", () => {
    const content = sampleContent();
    const bad = ZCreateRequest.safeParse({
      clientKey: newKey(),
      content: {
        ...content,
        employmentPeriods: [
          {
            ...content.employmentPeriods[0]!,
            from: "2025-06-30",
            to: "2025-01-01",
          },
        ],
      },
    });
    expect(bad.success).toBe(false);
    const unknown = ZCreateRequest.safeParse({
      clientKey: newKey(),
      content,
      status: "CALCULATED",
    });
    expect(unknown.error?.issues[0]?.message).toContain("status");
  });
});

describe("C60.7 concurrency", () => {
  it("makes one request from concurrent creates with the same client key", async () => {
    const { ctx } = await cpasAgent();
    const clientKey = newKey();
    const results = await Promise.all(Array.from({ length: 6 }, () => createRequest({ ctx, input: { clientKey, content: sampleContent() } })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(new Set(results.map((r) => r.reference)).size).toBe(1);
    expect(results.filter((r) => !r.isReplay)).toHaveLength(1);
    expect(await db.c607Request.count({ where: { entityId: ctx.actor.entityId } })).toBe(1);
  });

  it("gives distinct consecutive references to concurrent creates", async () => {
    const { ctx } = await cpasAgent();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createRequest({
          ctx,
          input: { clientKey: newKey(), content: sampleContent({ shift: i }) },
        }),
      ),
    );
    const numbers = results.map((r) => Number(r.reference.slice(-6))).sort((x, y) => x - y);
    expect(new Set(numbers).size).toBe(8);
    expect(numbers.at(-1)! - numbers[0]!).toBe(7);
  });

  it("sends once when the same version is sent concurrently", async () => {
    const { ctx } = await cpasAgent();
    const r = await createRequest({
      ctx,
      input: { clientKey: newKey(), content: sampleContent() },
    });
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => sendRequest({ ctx, id: r.id, input: { version: r.version } })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) if (o.status === "rejected") expect((o.reason as { code: string }).code).toMatch(/CONFLICT|UNPROCESSABLE/);
    expect(await db.c607Event.count({ where: { requestId: r.id, kind: "sent" } })).toBe(1);
    await timelineMatchesAudit(r.id);
  });
});

describe("ONEM queue", () => {
  it("sends the same number of queries for 3 and for 60 requests", async () => {
    const onem = await onemCollaborator();
    const { ctx } = await cpasAgent();
    for (let i = 0; i < 3; i++) {
      const r = await createRequest({
        ctx,
        input: { clientKey: newKey(), content: sampleContent({ shift: i }) },
      });
      await sendRequest({ ctx, id: r.id, input: { version: r.version } });
    }
    const small = await countQueries(() => listRequests({ ctx: onem, filter: { entityId: ctx.actor.entityId } }));
    for (let i = 3; i < 60; i++) {
      const r = await createRequest({
        ctx,
        input: { clientKey: newKey(), content: sampleContent({ shift: i }) },
      });
      await sendRequest({
        ctx,
        id: r.id,
        input: { version: r.version },
        now: new Date(Date.now() - i * 86_400_000),
      });
    }
    const large = await countQueries(() => listRequests({ ctx: onem, filter: { entityId: ctx.actor.entityId } }));
    expect(small.result.total).toBe(3);
    expect(large.result.total).toBe(60);
    expect(large.queries).toBe(small.queries);
    expect(large.result.items.some((i) => i.urgency === "OVERDUE")).toBe(true);
    const overdue = await listRequests({
      ctx: onem,
      filter: { entityId: ctx.actor.entityId, deadline: "OVERDUE" },
    });
    expect(overdue.items.every((i) => i.urgency === "OVERDUE")).toBe(true);
  });
});

describe("second-calculation reminder", () => {
  it("posts one reminder when the window of a calculated contract opens", async () => {
    const { remindSecondCalculationWindows } = await import("./remind-second-window");
    const { ctx: cpas, entityId } = await cpasAgent();
    const onem = await onemCollaborator();
    const r = await createRequest({
      ctx: cpas,
      input: {
        clientKey: newKey(),
        content: sampleContent({
          start: "2026-12-01",
          plannedEnd: "2027-06-30",
        }),
      },
    });
    const s = await sendRequest({
      ctx: cpas,
      id: r.id,
      input: { version: r.version },
    });
    const t = await takeRequest({
      ctx: onem,
      id: r.id,
      input: { version: s.version },
    });
    const c = await calculateRequest({
      ctx: onem,
      id: r.id,
      input: { version: t.version },
    });
    await answerRequest({
      ctx: onem,
      id: r.id,
      input: {
        version: c.version,
        decision: "OVERRIDE",
        days: 100,
        endDate: "2027-06-30",
        reason: "Vérifié manuellement.",
      },
    });
    expect(
      await remindSecondCalculationWindows({
        entityId,
        now: new Date("2027-05-30T10:00:00Z"),
      }),
    ).toBe(0); // opens 31/05
    expect(
      await remindSecondCalculationWindows({
        entityId,
        now: new Date("2027-06-01T10:00:00Z"),
      }),
    ).toBe(1);
    expect(
      await remindSecondCalculationWindows({
        entityId,
        now: new Date("2027-06-02T10:00:00Z"),
      }),
    ).toBe(0);
    const inbox = await listInbox({ actor: cpas.actor });
    const body = inbox.messages.find((m) => m.kind === "c607.second_window")?.body ?? "";
    expect(localize("fr", body)).toContain("du 31/05/2027 au 15/06/2027");
    expect(localize("nl", body)).toContain("van 31/05/2027 tot 15/06/2027");
  });
});
