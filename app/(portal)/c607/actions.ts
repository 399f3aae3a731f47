"use server";

import { revalidatePath } from "next/cache";

import { requireActor } from "@/lib/auth/get-actor";
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
} from "@/lib/c607/requests";
import type { C607Context } from "@/lib/c607/requests/context";
import {
  ZAnswerRequest,
  ZCopyRequest,
  ZCreateRequest,
  ZDecideDerogation,
  ZRequestComplement,
  ZSendRequest,
  ZUpdateDraft,
  ZVersionOnly,
} from "@/lib/c607/requests/schemas";
import { AppError } from "@/lib/errors/app-error";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction } from "@/lib/http/server-action";

// Server actions are public endpoints (STYLE 5): each one loads the actor and the domain function
// checks the permission, the tenant and the transition, exactly as the /api/c607 handlers do.

async function context(): Promise<C607Context> {
  return { actor: await requireActor(), meta: await requestMeta() };
}

const done = (id: string) => {
  revalidatePath(`/c607/${id}`);
  return { id };
};

export async function createRequestAction(input: unknown) {
  return runAction("c607 : création", async () =>
    done(
      (
        await createRequest({
          ctx: await context(),
          input: parseInput(ZCreateRequest, input),
        })
      ).id,
    ),
  );
}

export async function updateDraftAction(id: string, input: unknown) {
  return runAction("c607 : modification", async () =>
    done(
      (
        await updateDraft({
          ctx: await context(),
          id,
          input: parseInput(ZUpdateDraft, input),
        })
      ).id,
    ),
  );
}

export async function sendRequestAction(id: string, input: unknown) {
  return runAction("c607 : envoi", async () =>
    done(
      (
        await sendRequest({
          ctx: await context(),
          id,
          input: parseInput(ZSendRequest, input),
        })
      ).id,
    ),
  );
}

export async function copyRequestAction(id: string, input: unknown) {
  return runAction("c607 : copie", async () =>
    done(
      (
        await copyRequest({
          ctx: await context(),
          id,
          input: parseInput(ZCopyRequest, input),
        })
      ).id,
    ),
  );
}

export async function addAttachmentAction(id: string, form: FormData) {
  return runAction("c607 : pièce jointe", async () => {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("BAD_REQUEST", "Choisissez un fichier.", {
        file: ["Choisissez un fichier."],
      });
    await addAttachment({
      ctx: await context(),
      id,
      fileName: file.name,
      content: new Uint8Array(await file.arrayBuffer()),
    });
    return done(id);
  });
}

export async function removeAttachmentAction(id: string, attachmentId: string) {
  return runAction("c607 : retrait de pièce jointe", async () => {
    if (typeof attachmentId !== "string") throw new AppError("NOT_FOUND", "Pièce jointe introuvable.");
    await removeAttachment({ ctx: await context(), id, attachmentId });
    return done(id);
  });
}

export async function takeRequestAction(id: string, input: unknown) {
  return runAction("c607 : prise en traitement", async () =>
    done(
      (
        await takeRequest({
          ctx: await context(),
          id,
          input: parseInput(ZVersionOnly, input),
        })
      ).id,
    ),
  );
}

export async function requestComplementAction(id: string, input: unknown) {
  return runAction("c607 : complément", async () =>
    done(
      (
        await requestComplement({
          ctx: await context(),
          id,
          input: parseInput(ZRequestComplement, input),
        })
      ).id,
    ),
  );
}

export async function decideDerogationAction(id: string, input: unknown) {
  return runAction("c607 : dérogation", async () =>
    done(
      (
        await decideDerogation({
          ctx: await context(),
          id,
          input: parseInput(ZDecideDerogation, input),
        })
      ).id,
    ),
  );
}

export async function calculateRequestAction(id: string, input: unknown) {
  return runAction("c607 : calcul", async () =>
    done(
      (
        await calculateRequest({
          ctx: await context(),
          id,
          input: parseInput(ZVersionOnly, input),
        })
      ).id,
    ),
  );
}

export async function answerRequestAction(id: string, input: unknown) {
  return runAction("c607 : réponse", async () =>
    done(
      (
        await answerRequest({
          ctx: await context(),
          id,
          input: parseInput(ZAnswerRequest, input),
        })
      ).id,
    ),
  );
}
