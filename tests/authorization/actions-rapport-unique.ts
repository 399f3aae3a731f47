import { generate } from "otplib";

import { newTotpSecret } from "@/lib/auth/totp";
import { seal } from "@/lib/crypto/keys";
import { db } from "@/lib/db/client";

import type { Attempt } from "./actions";
import { META as meta, type World } from "./world";

// Issue 10: the Rapport unique's actions. The rows are in expectations.integration.test.ts. The
// domain modules are loaded when a row runs: queries.ts also serves the pages (next/navigation,
// next-auth), which the table replaces with its mocks.

const ru = () => import("@/lib/rapport-unique/workflow");
const queries = () => import("@/lib/rapport-unique/queries");

/** The campaign 2025, opened once for the whole table by an SPP IS collaborator of its own. */
let campaign: Promise<string> | undefined;
function ruCampaign(): Promise<string> {
  return (campaign ??= (async () => {
    const existing = await db.ruCampaign.findUnique({ where: { year: 2025 }, select: { id: true } });
    if (existing) return existing.id;
    const { World } = await import("./world");
    const w = await World.create();
    return (await (await ru()).openCampaign({ ctx: { actor: await w.actor("SPPIS_COLLAB"), meta }, input: { year: 2025, deadline: "2099-06-30" } })).id;
  })());
}

/**
 * Centre A's « Aide alimentaire » form in a given state, put there directly (the workflow itself is
 * tested in lib/rapport-unique/workflow.integration.test.ts): 100,00 € granted, one line of 50,00 €.
 */
async function ruForm(w: World, status: "DRAFT" | "READY" | "SENT") {
  const campaignId = await ruCampaign();
  await (await ru()).ensureFormsIn(db, campaignId, [w.entityId]);
  const key = { campaignId, entityId: w.entityId, formCode: "AIDE_ALIMENTAIRE" };
  await db.ruGrant.upsert({
    where: { campaignId_entityId_formCode_envelopeCode: { ...key, envelopeCode: "AIDE_ALIMENTAIRE" } },
    update: {},
    create: { ...key, envelopeCode: "AIDE_ALIMENTAIRE", amountCents: 10_000n },
  });
  const form = await db.ruForm.findUniqueOrThrow({ where: { campaignId_entityId_formCode: key } });
  const content = {
    sections: {
      AIDES: { mode: "ONLINE", staff: [], expenses: [{ category: "COLIS_DENREES", description: "Colis", amountCents: 5_000 }], values: {}, spreadsheet: null },
    },
  };
  return db.ruForm.update({
    where: { id: form.id },
    data: { status, content, contentHash: status === "DRAFT" ? null : "a".repeat(64), sentAt: status === "SENT" ? new Date() : null },
  });
}

export const RAPPORT_UNIQUE_ACTIONS: Record<string, (w: World, target: string) => Promise<Attempt>> = {
  "open Rapport unique": async () => ({
    run: async (actor) => (await queries()).cpasOverview({ actor, meta }),
    effect: async (res) => !!res && Array.isArray((res as { forms?: unknown }).forms),
  }),
  "open Rapport unique (SPP IS)": async () => ({
    run: async (actor) => (await queries()).sppisOverview({ actor, meta }),
    effect: async (res) => !!res && Array.isArray((res as { centres?: unknown }).centres),
  }),
  "encode Rapport unique form": async (w) => {
    const form = await ruForm(w, "DRAFT");
    return {
      run: async (actor) =>
        (await ru()).saveSection({
          ctx: { actor, meta },
          input: {
            formId: form.id,
            version: form.version,
            section: "AIDES",
            raw: { expenses: [{ category: "COLIS_DENREES", description: "Colis", amount: "10" }] },
          },
        }),
      effect: async () => (await db.ruForm.findUniqueOrThrow({ where: { id: form.id } })).version > form.version,
    };
  },
  "mark Rapport unique form ready": async (w) => {
    const form = await ruForm(w, "DRAFT");
    return {
      run: async (actor) => (await ru()).markReady({ ctx: { actor, meta }, input: { formId: form.id, version: form.version } }),
      effect: async () => (await db.ruForm.findUniqueOrThrow({ where: { id: form.id } })).status === "READY",
    };
  },
  "sign Rapport unique form": async (w) => {
    const form = await ruForm(w, "READY");
    return {
      run: async (actor) => {
        // The signer's own authenticator: a secret enrolled for this persona, and its code of now.
        const secret = newTotpSecret();
        await db.person.update({ where: { id: actor.personId }, data: { totpSecretEnc: seal(secret), totpEnabledAt: new Date(), totpLastStep: null } });
        const code = await generate({ secret, epoch: Math.floor(Date.now() / 1000) });
        return (await ru()).signForm({ ctx: { actor, meta }, input: { formId: form.id, version: form.version, contentHash: form.contentHash!, code } });
      },
      effect: async () => (await db.ruSignature.count({ where: { formId: form.id } })) > 0,
    };
  },
  "review Rapport unique form": async (w) => {
    const form = await ruForm(w, "SENT");
    return {
      run: async (actor) => (await ru()).reviewForm({ ctx: { actor, meta }, input: { formId: form.id, version: form.version, decision: "accept" } }),
      effect: async () => (await db.ruForm.findUniqueOrThrow({ where: { id: form.id } })).status === "ACCEPTED",
    };
  },
  "record Rapport unique grant": async (w) => {
    const campaignId = await ruCampaign();
    const bce = (await db.entity.findUniqueOrThrow({ where: { id: w.entityId } })).bceNumber;
    return {
      run: async (actor) => {
        const { recordGrant } = await ru();
        return db.$transaction((tx) => recordGrant(tx, { actor, meta }, { campaignId, bce, formCode: "PIIS", envelopeCode: "PIIS", amountCents: 123_456 }));
      },
      effect: async () => (await db.ruGrant.count({ where: { campaignId, entityId: w.entityId, formCode: "PIIS" } })) === 1,
    };
  },
};
