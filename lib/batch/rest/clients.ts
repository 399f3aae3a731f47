import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/access/actor";
import { can } from "@/lib/access/can";
import { auditContext, authorize } from "@/lib/access/manage/command";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { open, seal } from "@/lib/crypto/keys";
import { db, type Tx } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors/app-error";
import { Prisma } from "@/lib/generated/prisma/client";
import { msg } from "@/lib/i18n/message-ref";
import type { RequestMeta } from "@/lib/http/request-context";
import { safeText } from "@/lib/validation/safe-text";

import { channelQuality } from "../channels";
import { CHANNEL_QUALITY } from "../services";
import { makeClientAssertion } from "./assertion";
import { certificatePem, makeRestKeyPair } from "./certificate";
import { type AccessToken, requestToken, TokenRequestError } from "./token-request";
import { allowedTokenHosts, checkTokenUrl } from "./token-url";

// The REST channel of a quality « Employeur ONSS » (Chaman « Canaux Webservices », issue 14;
// docs/batch-channel.md « REST channel »). Same permission as the batch channels
// (quality.manage_channels, checked again here after the action's gate). The portal makes the
// client's RSA key pair (private part sealed with PORTAL_DATA_KEY), the person registers its
// certificate in Chaman and pastes the client id Chaman gives; the portal then obtains access tokens
// with a JWT client assertion. Tokens live in this process's memory only: never in the database,
// the audit trail or a log.

export const ZRegisterRestClient = z.object({
  qualityId: z.uuid({ error: msg("batch.errors.unknownQuality") }),
  name: safeText({ min: 2, max: 80, label: msg("batch.rest.fields.name") }),
  tokenUrl: z.string({ error: msg("batch.rest.errors.tokenUrlRequired") }).max(2_000, { error: msg("batch.rest.errors.tokenUrlTooLong", { max: 300 }) }),
});
export type TRegisterRestClient = z.infer<typeof ZRegisterRestClient>;

export const ZRestClient = z.object({ restClientId: z.uuid({ error: msg("batch.rest.errors.unknownClient") }) });
export const ZRestClientId = ZRestClient.extend({
  clientId: z
    .string({ error: msg("batch.rest.errors.clientIdRequired") })
    .trim()
    .min(1, { error: msg("batch.rest.errors.clientIdRequired") })
    .max(200, { error: msg("batch.rest.errors.clientIdFormat") })
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:@-]*$/, { error: msg("batch.rest.errors.clientIdFormat") }),
});

const tokens = new Map<string, AccessToken>();

/** The token this process holds for the client, while it is valid (for the calls to come). */
export function currentToken(restClientId: string, now = new Date()): AccessToken | null {
  const t = tokens.get(restClientId);
  if (t && t.expiresAt > now) return t;
  tokens.delete(restClientId);
  return null;
}

async function restClientOfActor(tx: Tx, actor: Actor, restClientId: string) {
  const client = await tx.restClient.findFirst({ where: { id: restClientId, entityId: actor.entityId } });
  if (!client) throw notFound();
  authorize(actor, "quality.manage_channels", { entityId: actor.entityId, qualityId: client.qualityId });
  return client;
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
const tokenUrlRules = () => ({
  allowLoopbackHttp: env().REST_TOKEN_ALLOW_LOOPBACK_HTTP === "true",
  allowedHosts: allowedTokenHosts({ hosts: env().REST_TOKEN_HOSTS, defaultUrl: env().REST_TOKEN_URL }),
});

/**
 * A new REST client for the quality: its key pair and certificate are made here; the private key is
 * sealed at once. Audited with the certificate's fingerprint (never the key).
 */
export async function registerRestClient(o: { actor: Actor; meta: RequestMeta; input: TRegisterRestClient; now?: Date }) {
  // Who and where first: a person without the right learns nothing about their input.
  const quality = await db.$transaction((tx) => channelQuality(tx, o.actor, o.input.qualityId));
  const checked = checkTokenUrl(o.input.tokenUrl, tokenUrlRules());
  if ("error" in checked) throw new AppError("BAD_REQUEST", checked.error, { tokenUrl: [checked.error] });
  const pair = await makeRestKeyPair({ commonName: `Portail CPAS - ${o.input.name} - Employeur ONSS ${quality.identifier}`, now: o.now });
  try {
    return await db.$transaction(async (tx) => {
      await channelQuality(tx, o.actor, quality.id);
      const taken = await tx.restClient.findUnique({ where: { qualityId_name: { qualityId: quality.id, name: o.input.name } }, select: { id: true } });
      if (taken) throw nameTaken();
      const client = await tx.restClient.create({
        data: {
          entityId: o.actor.entityId,
          qualityId: quality.id,
          name: o.input.name,
          tokenUrl: checked.url,
          keySealed: seal(pair.privateKeyPem),
          certificateDer: pair.certificateDer,
          certificateFingerprint: pair.fingerprint256,
          certificateValidTo: pair.validTo,
          createdById: o.actor.personId,
        },
        select: { id: true, name: true },
      });
      await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
        action: "rest_client.registered",
        targetType: "RestClient",
        targetId: client.id,
        after: {
          qualityId: quality.id,
          name: o.input.name,
          endpoint: checked.url,
          certificateFingerprint: pair.fingerprint256,
          certificateValidTo: pair.validTo,
        },
      });
      return { ...client, fingerprint: pair.fingerprint256 };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken(); // registered at the same moment by another request
    throw e;
  }
}

const nameTaken = () => new AppError("CONFLICT", msg("batch.rest.errors.nameTaken"), { name: [msg("batch.errors.alreadyUsed")] });

/** Records the client id Chaman gave for this client's certificate (or a corrected one). */
export async function setRestClientId(o: { actor: Actor; meta: RequestMeta; input: z.infer<typeof ZRestClientId> }) {
  const result = await db.$transaction(async (tx) => {
    const client = await restClientOfActor(tx, o.actor, o.input.restClientId);
    if (client.clientId === o.input.clientId) return { name: client.name };
    await tx.restClient.update({ where: { id: client.id }, data: { clientId: o.input.clientId } });
    await writeAuditEvent(tx, auditContext(o.actor, o.meta), {
      action: "rest_client.client_id_set",
      targetType: "RestClient",
      targetId: client.id,
      before: { clientId: client.clientId },
      after: { clientId: o.input.clientId },
    });
    return { name: client.name };
  });
  tokens.delete(o.input.restClientId); // a token of the former id is not this client's any more
  return result;
}

/**
 * Obtains an access token: a fresh assertion signed with the client's key, sent to its token URL.
 * The token stays in memory; the audit trail records who obtained one until when, or the refusal's
 * code. A refusal is the person's message (invalid_client, network, timeout…), nothing is stored.
 */
export async function obtainRestToken(o: { actor: Actor; meta: RequestMeta; restClientId: string; timeoutMs?: number; maxBytes?: number }) {
  const client = await db.$transaction((tx) => restClientOfActor(tx, o.actor, o.restClientId));
  if (!client.clientId) throw new AppError("UNPROCESSABLE", msg("batch.rest.errors.clientIdFirst"));
  const checked = checkTokenUrl(client.tokenUrl, tokenUrlRules());
  if ("error" in checked) throw new AppError("UNPROCESSABLE", checked.error);
  // The token URL is audited as `endpoint`: the audit trail masks every key that says "token".
  const audit = (action: string, after: unknown) =>
    db.$transaction((tx) => writeAuditEvent(tx, auditContext(o.actor, o.meta), { action, targetType: "RestClient", targetId: client.id, after }));
  let token: AccessToken;
  try {
    const assertion = await makeClientAssertion({ privateKeyPem: open(client.keySealed), clientId: client.clientId, tokenUrl: checked.url });
    token = await requestToken({ tokenUrl: checked.url, assertion, timeoutMs: o.timeoutMs, maxBytes: o.maxBytes });
  } catch (e) {
    if (!(e instanceof TokenRequestError)) throw e;
    tokens.delete(client.id);
    await audit("rest_client.token_refused", { clientId: client.clientId, endpoint: checked.url, reason: e.code });
    throw new AppError(e.code === "network" || e.code === "timeout" ? "UNAVAILABLE" : "UNPROCESSABLE", e.message);
  }
  tokens.set(client.id, token);
  await audit("rest_client.token_obtained", { clientId: client.clientId, endpoint: checked.url, expiresAt: token.expiresAt });
  return { name: client.name, expiresAt: token.expiresAt };
}

/** The REST clients of the « Employeur ONSS » qualities the actor manages, for the page (no key). */
export async function listRestClients(actor: Actor) {
  const qualities = await db.quality.findMany({ where: { entityId: actor.entityId, type: CHANNEL_QUALITY }, select: { id: true } });
  const ids = qualities.filter((q) => can(actor, "quality.manage_channels", { entityId: actor.entityId, qualityId: q.id })).map((q) => q.id);
  const rows = await db.restClient.findMany({
    where: { entityId: actor.entityId, qualityId: { in: ids } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      qualityId: true,
      name: true,
      clientId: true,
      tokenUrl: true,
      certificateDer: true,
      certificateFingerprint: true,
      certificateValidTo: true,
    },
  });
  return rows.map(({ certificateDer, ...c }) => ({
    ...c,
    certificatePem: certificatePem(certificateDer),
    certificateBase64: Buffer.from(certificateDer).toString("base64"),
    /** A file name made of the client's name (letters, digits, - and _ only). */
    fileName:
      c.name
        .normalize("NFD")
        .replace(/[^A-Za-z0-9_-]+/g, "-")
        .replace(/^-+|-+$/g, "") || "client-rest",
    tokenExpiresAt: currentToken(c.id)?.expiresAt ?? null,
  }));
}
