import { randomUUID } from "node:crypto";

import { obtainRestToken, registerRestClient, setRestClientId } from "@/lib/batch/rest/clients";
import { seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";

import type { Attempt } from "./actions";
import { META as meta, type World } from "./world";

// Issue 14: the REST channel (Chaman « Canaux Webservices ») of the « Employeur ONSS » quality, under
// the same rule as the batch channels (seed 004 l.178-183). The rows are in
// expectations.integration.test.ts. Obtaining a token needs a token server: only refusals are rows
// here (the allowed path runs against a real one in lib/batch/rest/rest.integration.test.ts).

/** A REST client of the centre's ONSS quality, written directly (its key is never used by these rows). */
async function onssRestClient(w: World) {
  return db.restClient.create({
    data: {
      entityId: w.entityId,
      qualityId: w.onssId!,
      name: `Client ${randomUUID().slice(0, 8)}`,
      clientId: "client-existant",
      tokenUrl: "https://services.socialsecurity.be/REST/oauth/v5/token",
      keySealed: seal("-----BEGIN PRIVATE KEY-----"),
      certificateDer: new Uint8Array([48, 0]),
      certificateFingerprint: "AA",
      certificateValidTo: new Date(Date.now() + 365 * 86_400_000),
      createdById: await w.person("GL_ONSS"),
    },
  });
}

export const REST_ACTIONS: Record<string, (w: World, target: string) => Promise<Attempt>> = {
  "register REST client": async (w) => ({
    run: (actor) =>
      registerRestClient({
        actor,
        meta,
        input: { qualityId: w.onssId!, name: "Compte REST", tokenUrl: "https://services.socialsecurity.be/REST/oauth/v5/token" },
      }),
    effect: async () => (await db.restClient.count({ where: { qualityId: w.onssId } })) > 0,
  }),
  "set REST client id": async (w) => {
    const c = await onssRestClient(w);
    return {
      run: (actor) => setRestClientId({ actor, meta, input: { restClientId: c.id, clientId: "client-chaman-42" } }),
      effect: async () => (await db.restClient.findUniqueOrThrow({ where: { id: c.id } })).clientId === "client-chaman-42",
    };
  },
  "obtain REST token": async (w) => {
    const c = await onssRestClient(w);
    return {
      run: (actor) => obtainRestToken({ actor, meta, restClientId: c.id }),
      effect: async () => (await db.auditEvent.count({ where: { targetId: c.id } })) > 0,
    };
  },
};
