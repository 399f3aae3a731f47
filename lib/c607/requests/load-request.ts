import "server-only";

import { type db, type Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { msg } from "@/lib/i18n/message-ref";
import type { C607Request } from "@/lib/generated/prisma/client";

import { type C607Context, canOnRequest, sideOf } from "./context";
import { assertTransition, type C607StatusCode, type Command, type Side, TRANSITIONS } from "./transitions";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The tenant filter, built from the actor (STYLE 6): a CPAS user reaches only its own centre's
 * requests; ONEM reaches what was sent to it, never a CPAS's draft (the same rule as its queue in
 * list-requests.ts). Another centre's id, or a draft asked for by ONEM, is answered like an
 * unknown id: 404.
 */
export function requestWhere(ctx: C607Context, side: Side, id: string) {
  return side === "ONEM" ? { id, status: { not: "DRAFT" as const } } : { id, entityId: ctx.actor.entityId };
}

export async function loadRequest(client: Tx | typeof db, ctx: C607Context, id: string): Promise<{ request: C607Request; side: Side }> {
  const side = sideOf(ctx.actor);
  if (!UUID.test(id)) throw notFound();
  const request = await client.c607Request.findFirst({
    where: requestWhere(ctx, side, id),
  });
  if (!request || !canOnRequest(ctx.actor, side, request.entityId)) throw notFound();
  return { request, side };
}

/** Loads the request and checks the command against the transition table and the caller's version. */
export async function beginCommand(tx: Tx, o: { ctx: C607Context; id: string; command: Command; version?: number }) {
  const { request, side } = await loadRequest(tx, o.ctx, o.id);
  const nextStatus = assertTransition(o.command, request.status as C607StatusCode, side);
  if (o.version !== undefined && o.version !== request.version) throw staleVersion();
  return { request, side, nextStatus };
}

const staleVersion = () => new AppError("CONFLICT", msg("c607.errors.changedMeanwhile"));

/**
 * The write that makes a command happen, race-free: it only matches while the request still has
 * the status the command may start from (and the caller's version, if given), and bumps the
 * version. A concurrent double send leaves exactly one row updated; the other call gets 409.
 */
export async function commitUpdate(
  tx: Tx,
  o: {
    request: C607Request;
    command: Command;
    version?: number;
    data: Parameters<Tx["c607Request"]["updateMany"]>[0]["data"];
  },
): Promise<C607Request> {
  const from = TRANSITIONS[o.command].from as readonly C607StatusCode[];
  const { count } = await tx.c607Request.updateMany({
    where: {
      id: o.request.id,
      status: { in: [...from] },
      version: o.version ?? o.request.version,
    },
    data: { ...o.data, version: { increment: 1 } },
  });
  if (count !== 1) throw staleVersion();
  return tx.c607Request.findUniqueOrThrow({ where: { id: o.request.id } });
}
