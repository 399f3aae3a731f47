"use server";

import { ZCreateAttestation } from "@/lib/forem/attestations/attestation-schema";
import { createAttestation } from "@/lib/forem/attestations/create-attestation";
import { ZCreateContract, ZUpdateContract } from "@/lib/forem/contracts/contract-schema";
import { createContract } from "@/lib/forem/contracts/create-contract";
import { updateContract } from "@/lib/forem/contracts/update-contract";
import { recordTransmission, ZRecordTransmission } from "@/lib/forem/export/record-transmission";
import { defineAction, defineFormAction } from "@/lib/http/define-action";
import { rememberSearch } from "@/lib/http/search-cookie";
import { ZSearchQuery } from "@/lib/http/search-params";
import { appResource, foremRowResource } from "@/lib/http/resolve-resource";

// The Agent Social application of the centre (contracts register, FOREM file, attestations): each
// action is checked on the centre's application (its Action Sociale quality), a contract on the
// contract itself (by id and centre: another centre's id is a 404). The domain checks again.

export const createContractAction = defineAction({
  name: "contrats : création",
  permission: "app.agent_social",
  input: ZCreateContract,
  resource: ({ actor }) => appResource(actor, "app.agent_social"),
  run: async ({ actor, meta, input }) => ({ id: (await createContract({ actor, input, meta })).id }),
  redirectTo: "/forem?enregistre=1",
});

export const updateContractAction = defineAction({
  name: "contrats : modification",
  permission: "app.agent_social",
  input: ZUpdateContract,
  resource: ({ actor, input }) => foremRowResource(actor, "contract", input.id),
  run: async ({ actor, meta, input }) => ({ id: (await updateContract({ actor, input, meta })).id }),
  redirectTo: "/forem?enregistre=1",
});

export const recordTransmissionAction = defineAction({
  name: "FOREM : transmission",
  permission: "app.agent_social",
  input: ZRecordTransmission,
  resource: ({ actor }) => appResource(actor, "app.agent_social"),
  run: async ({ actor, meta, input }) => {
    const t = await recordTransmission({ actor, input, meta });
    return { id: t.id, rowCount: t.rowCount, createdAt: t.createdAt.toISOString() };
  },
});

export const createAttestationAction = defineAction({
  name: "FOREM : attestation",
  permission: "app.agent_social",
  input: ZCreateAttestation,
  resource: ({ actor }) => appResource(actor, "app.agent_social"),
  run: async ({ actor, meta, input }) => {
    const a = await createAttestation({ actor, input, meta });
    return { id: a.id, number: a.number };
  },
});

/** The register's search (name, or full national number): a POST, kept in a sealed cookie, never in the URL. */
export const searchContractsAction = defineFormAction({
  name: "contrats : recherche",
  permission: "app.agent_social",
  input: ZSearchQuery,
  resource: ({ actor }) => appResource(actor, "app.agent_social"),
  run: ({ actor, input }) => rememberSearch(actor, "forem", input.q),
  redirectTo: "/forem",
});
