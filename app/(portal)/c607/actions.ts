"use server";

import { z } from "zod";

import { C607_SIDES, sideResource } from "@/lib/c607/api/c607-route";
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
import { defineAction, formInput } from "@/lib/http/define-action";
import { msg } from "@/lib/i18n/message-ref";
import { ZId } from "@/lib/http/parse-id";
import { c607RequestResource } from "@/lib/http/resolve-resource";

// The C60.7 commands of the pages, declared like the /api/c607 handlers: the permission of each
// side, checked on the request named by the bound id (in the actor's centre for a CPAS, 404
// otherwise); the domain function checks the side, the tenant and the transition again.

const onRequest = ({ actor, args }: { actor: Parameters<typeof c607RequestResource>[0]; args: readonly [string, ...unknown[]] }) =>
  c607RequestResource(actor, args[0]);
const done = (r: { id: string }) => ({ id: r.id });
const refresh = (r: { id: string }) => [`/c607/${r.id}`];

export const createRequestAction = defineAction({
  name: "c607 : création",
  permission: "app.c607",
  input: ZCreateRequest,
  resource: sideResource,
  run: async ({ actor, meta, input }) => done(await createRequest({ ctx: { actor, meta }, input })),
  revalidate: refresh,
});

export const updateDraftAction = defineAction({
  name: "c607 : modification",
  permission: C607_SIDES,
  args: [ZId],
  input: ZUpdateDraft,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => done(await updateDraft({ ctx: { actor, meta }, id, input })),
  revalidate: refresh,
});

export const sendRequestAction = defineAction({
  name: "c607 : envoi",
  permission: C607_SIDES,
  args: [ZId],
  input: ZSendRequest,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => done(await sendRequest({ ctx: { actor, meta }, id, input })),
  revalidate: refresh,
});

export const copyRequestAction = defineAction({
  name: "c607 : copie",
  permission: C607_SIDES,
  args: [ZId],
  input: ZCopyRequest,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => done(await copyRequest({ ctx: { actor, meta }, id, input })),
  revalidate: refresh,
});

const ZAttachmentForm = formInput(
  z.object({ file: z.instanceof(File, { message: msg("c607.errors.chooseFile") }).refine((f) => f.size > 0, msg("c607.errors.chooseFile")) }),
  (f) => ({
    file: f.get("file"),
  }),
);

export const addAttachmentAction = defineAction({
  name: "c607 : pièce jointe",
  permission: C607_SIDES,
  args: [ZId],
  input: ZAttachmentForm,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => {
    await addAttachment({ ctx: { actor, meta }, id, fileName: input.file.name, content: new Uint8Array(await input.file.arrayBuffer()) });
    return { id };
  },
  revalidate: refresh,
});

export const removeAttachmentAction = defineAction({
  name: "c607 : retrait de pièce jointe",
  permission: C607_SIDES,
  args: [ZId, ZId],
  input: z.unknown(),
  resource: onRequest,
  run: async ({ actor, meta, args: [id, attachmentId] }) => {
    await removeAttachment({ ctx: { actor, meta }, id, attachmentId });
    return { id };
  },
  revalidate: refresh,
});

export const takeRequestAction = defineAction({
  name: "c607 : prise en traitement",
  permission: C607_SIDES,
  args: [ZId],
  input: ZVersionOnly,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => done(await takeRequest({ ctx: { actor, meta }, id, input })),
  revalidate: refresh,
});

export const requestComplementAction = defineAction({
  name: "c607 : complément",
  permission: C607_SIDES,
  args: [ZId],
  input: ZRequestComplement,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => done(await requestComplement({ ctx: { actor, meta }, id, input })),
  revalidate: refresh,
});

export const decideDerogationAction = defineAction({
  name: "c607 : dérogation",
  permission: C607_SIDES,
  args: [ZId],
  input: ZDecideDerogation,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => done(await decideDerogation({ ctx: { actor, meta }, id, input })),
  revalidate: refresh,
});

export const calculateRequestAction = defineAction({
  name: "c607 : calcul",
  permission: C607_SIDES,
  args: [ZId],
  input: ZVersionOnly,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => done(await calculateRequest({ ctx: { actor, meta }, id, input })),
  revalidate: refresh,
});

export const answerRequestAction = defineAction({
  name: "c607 : réponse",
  permission: C607_SIDES,
  args: [ZId],
  input: ZAnswerRequest,
  resource: onRequest,
  run: async ({ actor, meta, args: [id], input }) => done(await answerRequest({ ctx: { actor, meta }, id, input })),
  revalidate: refresh,
});
