import { describe, expect, it } from "vitest";

import { addAttachment, getAttachment, getRequestDetail, getTimeline, sendRequest, takeRequest } from "@/lib/c607/requests";
import { cpasAgent, newKey, onemCollaborator, PDF_BYTES, sampleContent } from "@/lib/c607/requests/test-fixtures";
import { createRequest } from "@/lib/c607/requests";
import { db } from "@/lib/db/client";

// Regression (issue 6, attack matrix): ONEM reached a CPAS draft by id although its queue hides
// drafts. The tenant filter (requestWhere) now answers a draft to ONEM like an unknown id.
describe("ONEM and a CPAS draft", () => {
  it("gets 404 on a draft (detail, timeline, attachment, command), then reads it once sent", async () => {
    const { ctx } = await cpasAgent();
    const onem = await onemCollaborator();
    const draft = await createRequest({
      ctx,
      input: { clientKey: newKey(), content: sampleContent({ shift: 3 }) },
    });
    await addAttachment({
      ctx,
      id: draft.id,
      fileName: "fiche.pdf",
      content: PDF_BYTES,
    });
    const attachment = await db.c607Attachment.findFirstOrThrow({
      where: { requestId: draft.id },
    });

    for (const read of [
      () => getRequestDetail({ ctx: onem, id: draft.id }),
      () => getTimeline({ ctx: onem, id: draft.id }),
      () => getAttachment({ ctx: onem, id: draft.id, attachmentId: attachment.id }),
      () => takeRequest({ ctx: onem, id: draft.id, input: { version: 1 } }),
    ]) {
      await expect(read()).rejects.toMatchObject({ code: "NOT_FOUND" });
    }

    const { version } = await db.c607Request.findUniqueOrThrow({
      where: { id: draft.id },
    });
    await sendRequest({ ctx, id: draft.id, input: { version } });
    expect((await getRequestDetail({ ctx: onem, id: draft.id })).id).toBe(draft.id);
  });
});
