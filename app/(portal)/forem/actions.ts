"use server";

import { redirect } from "next/navigation";

import { requireActor } from "@/lib/auth/get-actor";
import { ZCreateAttestation } from "@/lib/forem/attestations/attestation-schema";
import { createAttestation } from "@/lib/forem/attestations/create-attestation";
import { ZCreateContract, ZUpdateContract } from "@/lib/forem/contracts/contract-schema";
import { createContract } from "@/lib/forem/contracts/create-contract";
import { updateContract } from "@/lib/forem/contracts/update-contract";
import { recordTransmission, ZRecordTransmission } from "@/lib/forem/export/record-transmission";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction } from "@/lib/http/server-action";

// Thin server actions: each one loads the actor, parses with the form's schema and calls one
// domain function, which checks the right and the centre itself (server actions are public).

export async function createContractAction(input: unknown) {
  const result = await runAction("contrats : création", async () => {
    const contract = await createContract({ actor: await requireActor(), input: parseInput(ZCreateContract, input), meta: await requestMeta() });
    return { id: contract.id };
  });
  if (result.status === "success") redirect("/forem?enregistre=1");
  return result;
}

export async function updateContractAction(input: unknown) {
  const result = await runAction("contrats : modification", async () => {
    const contract = await updateContract({ actor: await requireActor(), input: parseInput(ZUpdateContract, input), meta: await requestMeta() });
    return { id: contract.id };
  });
  if (result.status === "success") redirect("/forem?enregistre=1");
  return result;
}

export async function recordTransmissionAction(input: unknown) {
  return runAction("FOREM : transmission", async () => {
    const t = await recordTransmission({ actor: await requireActor(), input: parseInput(ZRecordTransmission, input), meta: await requestMeta() });
    return { id: t.id, rowCount: t.rowCount, createdAt: t.createdAt.toISOString() };
  });
}

export async function createAttestationAction(input: unknown) {
  return runAction("FOREM : attestation", async () => {
    const a = await createAttestation({ actor: await requireActor(), input: parseInput(ZCreateAttestation, input), meta: await requestMeta() });
    return { id: a.id, number: a.number };
  });
}
