import "server-only";

import { db } from "@/lib/db/client";
import { maskNiss } from "@/lib/validation/niss";

import type { StoredProposal } from "./calculate-request";
import type { C607Context } from "./context";
import { loadRequest } from "./load-request";
import { isRemovable } from "./remove-attachment";
import { availableCommands, type C607StatusCode, isAllowed } from "./transitions";
import { CONTENT_INCLUDE, readContent } from "./write-content";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/** The timeline with each actor's name and organisation; one query for the events, one for the people. */
export async function getTimeline({ ctx, id }: { ctx: C607Context; id: string }) {
  const { request } = await loadRequest(db, ctx, id);
  return loadTimeline(request.id);
}

async function loadTimeline(requestId: string) {
  const events = await db.c607Event.findMany({
    where: { requestId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });
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
  const [full, entity, attachments, timeline, parent, copies] = await Promise.all([
    db.c607Request.findUniqueOrThrow({
      where: { id: request.id },
      include: CONTENT_INCLUDE,
    }),
    db.entity.findUniqueOrThrow({
      where: { id: request.entityId },
      select: { id: true, name: true },
    }),
    db.c607Attachment.findMany({
      where: { requestId: request.id },
      select: {
        id: true,
        fileName: true,
        mimeType: true,
        size: true,
        sha256: true,
        createdAt: true,
      },
      orderBy: { createdAt: "asc" },
    }),
    loadTimeline(request.id),
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
  return {
    id: request.id,
    reference: request.reference,
    status: request.status as C607StatusCode,
    version: request.version,
    centre: entity,
    side,
    availableCommands: availableCommands(request.status as C607StatusCode, side),
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
    attachments: attachments.map((a) => ({
      ...a,
      createdAt: a.createdAt.toISOString(),
      // isAllowed checks the side too: ONEM never sees a file as removable.
      isRemovable: isAllowed("detach", request.status as C607StatusCode, side) && isRemovable(a, request),
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
