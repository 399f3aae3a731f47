"use server";

import { z } from "zod";

import { createChannel, setChannelActive, setChannelServices, ZChannelId, ZChannelServices, ZCreateChannel } from "@/lib/batch/channels";
import { fetchAcknowledgements } from "@/lib/batch/acknowledgements";
import { cancelSending, generatePortalKey, launchSending, ZAcknowledgements, ZDepositId } from "@/lib/batch/deposits";
import { buildFileNames, checkFileSet } from "@/lib/batch/file-names";
import { createMandate, revokeMandate, ZCreateMandate, ZMandateId } from "@/lib/batch/mandates";
import { AppError } from "@/lib/errors/app-error";
import { defineFormAction, formFields } from "@/lib/http/define-action";
import { msg } from "@/lib/i18n/message-ref";
import { appResource, channelResource, depositResource, mandateResource, qualityResource } from "@/lib/http/resolve-resource";

// Batch channel (seed 004): every action needs « quality.manage_channels » on the quality it
// touches (the channel's or the mandate's, resolved in the actor's centre); the domain commands
// check it again. Each success refreshes /canaux.

const refresh = ["/canaux"];

export const createChannelAction = defineFormAction({
  name: "canal batch : création",
  permission: "quality.manage_channels",
  input: ZCreateChannel.extend({ certificate: z.unknown().optional() }),
  fromForm: (f) => ({ ...formFields(f), services: f.getAll("services") }),
  resource: ({ actor, input }) => qualityResource(actor, input.qualityId),
  run: async ({ actor, meta, input: { certificate: file, ...input } }) => {
    const certificate = file instanceof File ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    return createChannel({ actor, meta, input, certificate });
  },
  revalidate: refresh,
  success: (r) => msg("batch.actions.channelCreated", { kind: r.kind, senderNumber: r.senderNumber ?? "" }),
});

export const channelServicesAction = defineFormAction({
  name: "canal batch : permissions",
  permission: "quality.manage_channels",
  input: ZChannelServices,
  fromForm: (f) => ({ channelId: f.get("channelId"), services: f.getAll("services") }),
  resource: ({ actor, input }) => channelResource(actor, input.channelId),
  run: ({ actor, meta, input }) => setChannelServices({ actor, meta, input }),
  revalidate: refresh,
  success: msg("batch.actions.permissionsSaved"),
});

export const channelActiveAction = defineFormAction({
  name: "canal batch : suspension",
  permission: "quality.manage_channels",
  input: ZChannelId.extend({
    isActive: z
      .unknown()
      .optional()
      .transform((v) => v === "true"),
  }),
  resource: ({ actor, input }) => channelResource(actor, input.channelId),
  run: async ({ actor, meta, input }) => {
    await setChannelActive({ actor, meta, channelId: input.channelId, isActive: input.isActive });
    return input.isActive;
  },
  revalidate: refresh,
  success: (isActive) => msg(isActive ? "batch.actions.channelReactivated" : "batch.actions.channelSuspended"),
});

export const createMandateAction = defineFormAction({
  name: "mandat : création",
  permission: "quality.manage_channels",
  input: ZCreateMandate,
  resource: ({ actor, input }) => qualityResource(actor, input.qualityId),
  run: ({ actor, meta, input }) => createMandate({ actor, meta, input }),
  revalidate: refresh,
  success: msg("batch.actions.mandateSaved"),
});

export const revokeMandateAction = defineFormAction({
  name: "mandat : révocation",
  permission: "quality.manage_channels",
  input: ZMandateId,
  resource: ({ actor, input }) => mandateResource(actor, input.mandateId),
  run: ({ actor, meta, input }) => revokeMandate({ actor, meta, mandateId: input.mandateId }),
  revalidate: refresh,
  success: msg("batch.actions.mandateRevoked"),
});

const text = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(100));

/** Names of one sending (FI, FS, GO): a pure computation, for those who may use the channels. */
export const fileNamesAction = defineFormAction({
  name: "canal batch : noms de fichiers",
  permission: "quality.manage_channels",
  input: z.object({ code: text, senderNumber: text, date: text, sequence: text, environment: text, parts: text }),
  resource: ({ actor }) => appResource(actor, "quality.manage_channels"),
  run: async ({ input }) => {
    const set = {
      ...input,
      code: input.code.toUpperCase(),
      sequence: Number(input.sequence),
      environment: input.environment as "R" | "T",
      parts: Number(input.parts),
    };
    const errors = checkFileSet(set);
    if (errors.length > 0) throw new AppError("BAD_REQUEST", msg("batch.actions.fixFields"), Object.fromEntries(errors.map((e) => [e.field, [e.message]])));
    const names = buildFileNames(set);
    return msg("batch.actions.fileNames", { directory: names.directory, files: [...names.fi, ...names.fs].join(", "), go: names.go });
  },
  success: (message) => message,
});

/** The portal's own SSH key for depositing on this channel (its public part is shown once, to register in Chaman). */
export const portalKeyAction = defineFormAction({
  name: "canal batch : clé du portail",
  permission: "quality.manage_channels",
  input: ZChannelId,
  resource: ({ actor, input }) => channelResource(actor, input.channelId),
  run: ({ actor, meta, input }) => generatePortalKey({ actor, meta, channelId: input.channelId }),
  revalidate: refresh,
  success: (r) => msg("batch.actions.portalKeyCreated", { fingerprint: r.fingerprint, publicKey: r.publicKey }),
});

/** Reads the new acknowledgements (ACRF, NOTI) of OUT or OUTTEST and records them on their deposits (issue 14). */
export const fetchAcknowledgementsAction = defineFormAction({
  name: "canal batch : relevé des accusés",
  permission: "quality.manage_channels",
  input: ZAcknowledgements,
  resource: ({ actor, input }) => channelResource(actor, input.channelId),
  run: ({ actor, meta, input }) => fetchAcknowledgements({ actor, meta, ...input }),
  revalidate: refresh,
  success: (r) =>
    r.recorded.length === 0
      ? msg("batch.actions.noNewAck", { directory: r.directory })
      : msg("batch.actions.newAcks", { count: r.recorded.length, directory: r.directory }),
});

/** « Lancer le traitement (GO) » of a sending deposited without its GO (issue 14). */
export const launchDepositAction = defineFormAction({
  name: "canal batch : lancement (GO)",
  permission: "quality.manage_channels",
  input: ZDepositId,
  resource: ({ actor, input }) => depositResource(actor, input.depositId),
  run: ({ actor, meta, input }) => launchSending({ actor, meta, depositId: input.depositId }),
  revalidate: refresh,
  success: (r) => msg("batch.actions.launched", { file: r.file, directory: r.directory }),
});

/** « Annuler l'envoi (TD) » of a sending without its GO (issue 14): refused once the GO is there. */
export const cancelDepositAction = defineFormAction({
  name: "canal batch : annulation (TD)",
  permission: "quality.manage_channels",
  input: ZDepositId,
  resource: ({ actor, input }) => depositResource(actor, input.depositId),
  run: ({ actor, meta, input }) => cancelSending({ actor, meta, depositId: input.depositId }),
  revalidate: refresh,
  success: (r) => msg("batch.actions.cancelled", { file: r.file, directory: r.directory }),
});
