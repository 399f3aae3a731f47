import { afterAll, describe, expect, it } from "vitest";

import {
  addAttachment,
  createRequest,
  getAttachment,
  getRequestDetail,
  getTimeline,
  removeAttachment,
  requestComplement,
  sendRequest,
} from "@/lib/c607/requests";
import { cpasAgent, newKey, onemCollaborator, PDF_BYTES, sampleContent } from "@/lib/c607/requests/test-fixtures";
import { db } from "@/lib/db/client";

afterAll(() => db.$disconnect());

/** A small PDF of its own, so that its SHA-256 is its own too. */
const pdf = (label: string) => new Uint8Array([...PDF_BYTES, ...new TextEncoder().encode(`% ${label}\n`)]);

// Regression (issue 9, finding 5): after ONEM asked for a complement, the CPAS attached a file —
// still its own working material, removable — and ONEM could already list it, read its name in
// the timeline and download it. ONEM must see a file only once the CPAS sent it.
describe("ONEM and a file the centre has not sent", () => {
  it("is a 404 and absent from the detail and the timeline until the centre answers the complement", async () => {
    const { ctx: cpas } = await cpasAgent();
    const onem = await onemCollaborator();
    const r = await createRequest({ ctx: cpas, input: { clientKey: newKey(), content: sampleContent({ shift: 11 }) } });
    const sentFile = await addAttachment({ ctx: cpas, id: r.id, fileName: "fiche-de-paie.pdf", content: PDF_BYTES });
    // Taken back from the draft: never sent, so ONEM never learns it existed.
    const wrong = await addAttachment({ ctx: cpas, id: r.id, fileName: "autre-personne.pdf", content: pdf("autre") });
    const removed = await removeAttachment({ ctx: cpas, id: r.id, attachmentId: wrong.attachment.id });
    const sent = await sendRequest({ ctx: cpas, id: r.id, input: { version: removed.version } });
    await requestComplement({ ctx: onem, id: r.id, input: { version: sent.version, message: "Ajoutez le contrat signé." } });
    const pending = await addAttachment({ ctx: cpas, id: r.id, fileName: "contrat-brouillon.pdf", content: pdf("contrat") });

    // ONEM: the file it received, nothing else.
    await expect(getAttachment({ ctx: onem, id: r.id, attachmentId: pending.attachment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getAttachment({ ctx: onem, id: r.id, attachmentId: wrong.attachment.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await getAttachment({ ctx: onem, id: r.id, attachmentId: sentFile.attachment.id })).fileName).toBe("fiche-de-paie.pdf");
    const seen = await getRequestDetail({ ctx: onem, id: r.id });
    expect(seen.attachments.map((a) => a.fileName)).toEqual(["fiche-de-paie.pdf"]);
    const onemJson = JSON.stringify([seen, await getTimeline({ ctx: onem, id: r.id })]);
    for (const hidden of [
      "contrat-brouillon",
      "autre-personne",
      pending.attachment.id,
      wrong.attachment.id,
      pending.attachment.sha256,
      wrong.attachment.sha256,
    ]) {
      expect(onemJson).not.toContain(hidden);
    }
    expect(seen.timeline.filter((e) => e.kind === "attachment_added").map((e) => e.note)).toEqual([expect.stringContaining("fiche-de-paie.pdf")]);
    expect(seen.timeline.some((e) => e.kind === "attachment_removed")).toBe(false);

    // The centre sees its whole file, and may still take the new one back.
    const own = await getRequestDetail({ ctx: cpas, id: r.id });
    expect(own.attachments.map((a) => [a.fileName, a.isRemovable])).toEqual([
      ["fiche-de-paie.pdf", false],
      ["contrat-brouillon.pdf", true],
    ]);
    expect(own.timeline.map((e) => e.kind)).toEqual([
      "created",
      "attachment_added",
      "attachment_added",
      "attachment_removed",
      "sent",
      "complement_requested",
      "attachment_added",
    ]);

    // The centre answers the complement (sends again): now ONEM has the file.
    const { version } = await db.c607Request.findUniqueOrThrow({ where: { id: r.id } });
    await sendRequest({ ctx: cpas, id: r.id, input: { version } });
    const received = await getAttachment({ ctx: onem, id: r.id, attachmentId: pending.attachment.id });
    expect(received.fileName).toBe("contrat-brouillon.pdf");
    const after = await getRequestDetail({ ctx: onem, id: r.id });
    expect(after.attachments.map((a) => a.fileName)).toEqual(["fiche-de-paie.pdf", "contrat-brouillon.pdf"]);
    expect((await getTimeline({ ctx: onem, id: r.id })).filter((e) => e.kind === "attachment_added").map((e) => e.note)).toEqual([
      expect.stringContaining("fiche-de-paie.pdf"),
      expect.stringContaining("contrat-brouillon.pdf"),
    ]);
    expect(JSON.stringify(after)).not.toContain("autre-personne");
    // Received files stay: the centre can no longer take it back.
    await expect(removeAttachment({ ctx: cpas, id: r.id, attachmentId: pending.attachment.id })).rejects.toMatchObject({ code: "UNPROCESSABLE" });
  });
});
