import "server-only";

import { db } from "@/lib/db/client";
import type { C607Status } from "@/lib/generated/prisma/enums";
import { maskNiss } from "@/lib/validation/niss";

import type { StoredProposal } from "./calculate-request";
import type { C607Context } from "./context";
import { loadRequest } from "./load-request";
import { attachmentAddedNote, isRemovable, visibleAttachments } from "./attachment-visibility";
import { availableCommands, type C607StatusCode, isAllowed, type Side } from "./transitions";
import { CONTENT_INCLUDE, readContent } from "./write-content";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The timeline with each actor's name and organisation, as this reader's side may see it. */
export async function getTimeline({ ctx, id }: { ctx: C607Context; id: string }) {
  const { request, side } = await loadRequest(db, ctx, id);
  const attachments = side === "ONEM" ? await loadAttachments(request.id) : [];
  return loadTimeline(request, side, attachments);
}

const loadAttachments = (requestId: string) =>
  db.c607Attachment.findMany({
    where: { requestId },
    select: { id: true, fileName: true, mimeType: true, size: true, sha256: true, createdAt: true, addedById: true },
    orderBy: { createdAt: "asc" },
  });

type TimelineEntry = {
  id: string;
  at: Date;
  actorId: string | null;
  kind: string;
  fromStatus: C607Status | null;
  toStatus: C607Status | null;
  note: string | null;
};

/**
 * One query for the events, one for the people. ONEM does not see the centre's own comings and
 * goings of files (issue 9, finding 5): the stored attachment events are replaced, for ONEM, by
 * one "attachment_added" entry per file it received, so a file taken back or not sent yet leaves
 * no name in ONEM's timeline. The CPAS sees the stored events as they are.
 */
async function loadTimeline(
  request: { id: string; status: string; sentAt: Date | null },
  side: Side,
  attachments: Awaited<ReturnType<typeof loadAttachments>>,
) {
  const stored: TimelineEntry[] = await db.c607Event.findMany({
    where: { requestId: request.id },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
  const events =
    side === "CPAS"
      ? stored
      : [
          ...stored.filter((e) => e.kind !== "attachment_added" && e.kind !== "attachment_removed"),
          ...visibleAttachments(attachments, request, side).map((a): TimelineEntry => ({
            id: a.id,
            at: a.createdAt,
            actorId: a.addedById,
            kind: "attachment_added",
            fromStatus: null,
            toStatus: null,
            note: attachmentAddedNote(a),
          })),
        ].sort((x, y) => x.at.getTime() - y.at.getTime() || (x.id < y.id ? -1 : 1));
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((v): v is string => v !== null))];
  const people = await db.person.findMany({
    where: { id: { in: actorIds } },
    select: {
      id: true,
      firstName: true,
      lastName: true,
      entity: { select: { name: true, kind: true } },
    },
  });
  const byId = new Map(people.map((p) => [p.id, p]));
  return events.map((e) => {
    const p = e.actorId ? byId.get(e.actorId) : undefined;
    return {
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      actor: p
        ? {
            name: `${p.firstName} ${p.lastName}`,
            organisation: p.entity.name,
            isOnem: p.entity.kind === "ONEM",
          }
        : null,
    };
  });
}

/** Everything the detail page and GET /api/c607/requests/{id} show, for a reader of either side. */
export async function getRequestDetail({ ctx, id }: { ctx: C607Context; id: string }) {
  const { request, side } = await loadRequest(db, ctx, id);
  const allAttachments = await loadAttachments(request.id);
  const attachments = visibleAttachments(allAttachments, request, side);
  const [full, entity, timeline, parent, copies] = await Promise.all([
    db.c607Request.findUniqueOrThrow({
      where: { id: request.id },
      include: CONTENT_INCLUDE,
    }),
    db.entity.findUniqueOrThrow({
      where: { id: request.entityId },
      select: { id: true, name: true },
    }),
    loadTimeline(request, side, allAttachments),
    request.parentId
      ? db.c607Request.findUnique({
          where: { id: request.parentId },
          select: { id: true, reference: true },
        })
      : null,
    db.c607Request.findMany({
      where: { parentId: request.id },
      select: { id: true, reference: true, status: true },
    }),
  ]);
  const content = readContent(full);
  const removable = attachments.map((a) => isAllowed("detach", request.status as C607StatusCode, side) && isRemovable(a, request));
  return {
    id: request.id,
    reference: request.reference,
    status: request.status as C607StatusCode,
    version: request.version,
    centre: entity,
    side,
    availableCommands: availableCommands({
      status: request.status as C607StatusCode,
      side,
      isDerogationPending: request.derogationStatus === "PENDING",
      hasProposal: request.proposal !== null,
      hasRemovableAttachment: removable.includes(true),
    }),
    isSecondCalculation: request.isSecondCalculation,
    copyReason: request.copyReason,
    parent,
    copies,
    derogation: request.derogationStatus
      ? {
          status: request.derogationStatus,
          justification: request.derogationJustification,
        }
      : null,
    createdAt: request.createdAt.toISOString(),
    sentAt: request.sentAt?.toISOString() ?? null,
    deadline: iso(request.deadline),
    complementRequest: request.complementRequest,
    content,
    nissMasked: maskNiss(content.worker.niss),
    attachments: attachments.map(({ addedById: _addedBy, ...a }, i) => ({
      ...a,
      createdAt: a.createdAt.toISOString(),
      // isAllowed checks the side too: ONEM never sees a file as removable.
      isRemovable: removable[i] ?? false,
    })),
    proposal: request.proposal as StoredProposal | null,
    answer:
      request.validatedDays !== null
        ? {
            days: request.validatedDays,
            endDate: iso(request.validatedEndDate),
            reason: request.onemReason,
            isOverride: request.onemReason !== null && request.status === "CALCULATED",
          }
        : null,
    refusalReason: request.status === "REFUSED" ? request.onemReason : null,
    timeline,
  };
}

export type RequestDetail = Awaited<ReturnType<typeof getRequestDetail>>;
