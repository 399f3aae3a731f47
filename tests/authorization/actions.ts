import { randomBytes, randomUUID } from "node:crypto";

import type { Actor } from "@/lib/access/actor";
import type { RightCode } from "@/lib/access/catalogue";
import { decideReviewItem, startAccessReview } from "@/lib/access/manage/access-review";
import { activateQuality, deactivateQuality } from "@/lib/access/manage/activate-quality";
import { designateLocalManager } from "@/lib/access/manage/designate-local-manager";
import { grantRight, revokeRight } from "@/lib/access/manage/grant-right";
import { inviteUser } from "@/lib/access/manage/invite-user";
import { changeCoRae, designateCoRae } from "@/lib/access/manage/manage-co-rae";
import { designateQualityRole, removeQualityRole, updateQualityEmail } from "@/lib/access/manage/manage-quality-roles";
import { addSodRule } from "@/lib/access/manage/manage-sod-rules";
import { createSubdivision, designateSubdivisionManager } from "@/lib/access/manage/manage-subdivisions";
import { searchPeople } from "@/lib/access/manage/search-people";
import { setEntityDpd } from "@/lib/access/manage/set-entity-dpd";
import { setPersonBlocked } from "@/lib/access/manage/set-person-blocked";
import { createApiToken } from "@/lib/api-tokens";
import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { resetSecondFactor } from "@/lib/auth/reset-second-factor";
import { mayOpenChannels } from "@/lib/batch/access";
import { listChannelQualities, setChannelActive } from "@/lib/batch/channels";
import { createMandate } from "@/lib/batch/mandates";
import { addAttachment, createRequest, getAttachment, getRequestDetail, listRequests, requestComplement, sendRequest, takeRequest } from "@/lib/c607/requests";
import { ZQueueFilter } from "@/lib/c607/requests/schemas";
import { newKey, PDF_BYTES, sampleContent } from "@/lib/c607/requests/test-fixtures";
import { db } from "@/lib/db/client";
import { createAttestation } from "@/lib/forem/attestations/create-attestation";
import { getAttestationPdf } from "@/lib/forem/attestations/get-attestation-pdf";
import { ZCreateContract } from "@/lib/forem/contracts/contract-schema";
import { createContract } from "@/lib/forem/contracts/create-contract";
import { buildForemFile } from "@/lib/forem/export/build-forem-file";
import { downloadFile } from "@/lib/forem/fileexchange/download-file";
import { saveFileExchangeSettings } from "@/lib/forem/fileexchange/partners";
import { sendFile } from "@/lib/forem/fileexchange/send-file";
import { uniqueNiss } from "@/lib/forem/testing/make-niss";
import { listInbox } from "@/lib/notifications/list-inbox";
import { listMailFailures } from "@/lib/outbox/list-mail-failures";
import { saveAccessPolicy, ZAccessPolicy } from "@/lib/security/save-access-policy";
import { setSessionIdle } from "@/lib/security/set-session-idle";
import { publishUsagePolicy } from "@/lib/security/usage-policy";
import { exportSecurityLog } from "@/lib/security-log/export-security-log";
import { searchSecurityLog } from "@/lib/security-log/search-security-log";
import { endPersonSessions } from "@/lib/sessions/end-person-sessions";
import { randomBce } from "@/tests/fixtures/people";

import { BATCH_TD_ACTIONS } from "./actions-batch-td";
import { ISSUE_11_ACTIONS } from "./actions-issue-11";
import { ISSUE_13_ACTIONS } from "./actions-issue-13";
import { RAPPORT_UNIQUE_ACTIONS } from "./actions-rapport-unique";
import { REST_ACTIONS } from "./actions-rest";
import { META as meta, onssChannel, type PersonaKey, PERSONAS, type World } from "./world";

/**
 * One prepared attempt: `run` calls the real domain function as the actor; `effect` says, from the
 * database (and the answer, for reads), whether the action took place. A refusal must leave
 * `effect` false; an allowed action must make it true.
 */
export type Attempt = { run: (actor: Actor) => Promise<unknown>; effect: (result: unknown) => Promise<boolean> };
type Prepare = (w: World, target: string) => Promise<Attempt>;

const key = (t: string) => {
  if (!(t in PERSONAS)) throw new Error(`unknown target persona ${t}`);
  return t as PersonaKey;
};
const qualityOf = (w: World, t: string) => {
  if (/^AS\b/.test(t)) return w.asId;
  if (/^ONSS\b/.test(t)) return w.onssId;
  throw new Error(`unknown quality in target « ${t} »`);
};
/** "AGENT_SOCIAL @ AS → FRESH" */
function parseGrant(t: string): { right: RightCode; quality: "AS" | "ONSS"; person: PersonaKey } {
  const m = /^(\w+) @ (AS|ONSS) → (\w+)$/.exec(t);
  if (!m) throw new Error(`bad grant target « ${t} »`);
  return { right: m[1] as RightCode, quality: m[2] as "AS" | "ONSS", person: key(m[3]!) };
}

// ---------------------------------------------------------------- C60.7, FOREM, FileExchange fixtures

async function authorCtx(w: World) {
  return { actor: await w.actor("_AUTHOR"), meta };
}
async function draftRequest(w: World) {
  return createRequest({ ctx: await authorCtx(w), input: { clientKey: newKey(), content: sampleContent({ shift: Math.floor(Math.random() * 200) }) } });
}
async function sentRequest(w: World) {
  const d = await draftRequest(w);
  return sendRequest({ ctx: await authorCtx(w), id: d.id, input: { version: d.version } });
}
const requestStatus = async (id: string) => (await db.c607Request.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const NISS_PATTERN = /85\.?07\.?30-?033\.?28/;

function contractInput(o: { ended?: boolean } = {}) {
  return ZCreateContract.parse({
    niss: uniqueNiss(),
    firstName: "Marie",
    lastName: "Attentes",
    kind: "ART_60_7",
    startDate: "2025-01-06",
    plannedEndDate: "2026-01-05",
    actualEndDate: o.ended ? "2025-06-30" : undefined,
    regime: "FULL_TIME",
  });
}
async function endedContract(w: World) {
  return createContract({ actor: await w.actor("_AUTHOR"), input: contractInput({ ended: true }), meta });
}
async function attestation(w: World) {
  const c = await endedContract(w);
  return createAttestation({ actor: await w.actor("_AUTHOR"), input: { workerId: c.workerId, place: "Namur", signatory: "La directrice" }, meta });
}
const CIPHERTEXT = () => new Uint8Array(Buffer.concat([Buffer.from("Salted__"), randomBytes(8), randomBytes(32)]));

async function partnerB(w: World) {
  const b = await w.other();
  await db.fileExchangePartner.create({ data: { entityId: w.entityId, partnerEntityId: b.entityId, addedById: await w.person("GL_AS") } });
  return b;
}
async function receivedFile(w: World) {
  const b = await w.other();
  const sender = await db.person.create({ data: { entityId: b.entityId, email: `fx-${randomUUID()}@b.cpas.be`, firstName: "Expéditeur", lastName: "B" } });
  const bytes = CIPHERTEXT();
  return db.fileTransfer.create({
    data: {
      fromEntityId: b.entityId,
      toEntityId: w.entityId,
      senderId: sender.id,
      fileName: "liste.xlsx.enc",
      size: bytes.length,
      sha256: "0".repeat(64),
      ciphertext: Buffer.from(bytes),
    },
  });
}

// ---------------------------------------------------------------- the actions

export const ACTIONS: Record<string, Prepare> = {
  ...ISSUE_11_ACTIONS,
  ...ISSUE_13_ACTIONS,
  ...RAPPORT_UNIQUE_ACTIONS,
  ...REST_ACTIONS,
  ...BATCH_TD_ACTIONS,
  // ---- access management (lib/access/manage, app/(portal)/gestion/actions.ts)
  "activate quality": async (w) => ({
    run: (actor) => activateQuality({ actor, meta, type: "EMPLOYEUR_PPL", identifier: "1234567890" }),
    effect: async () => (await db.quality.count({ where: { entityId: w.entityId, type: "EMPLOYEUR_PPL", isActive: true } })) === 1,
  }),
  "deactivate quality": async (w, t) => {
    const qualityId = qualityOf(w, t);
    return {
      run: (actor) => deactivateQuality({ actor, meta, qualityId }),
      effect: async () => !(await db.quality.findUniqueOrThrow({ where: { id: qualityId } })).isActive,
    };
  },
  "set DPD": async (w, t) => {
    const personId = await w.person(key(t));
    return {
      run: (actor) => setEntityDpd({ actor, meta, personId }),
      effect: async () => (await db.entity.findUniqueOrThrow({ where: { id: w.entityId } })).dpdPersonId === personId,
    };
  },
  /** "ONSS ← FRESH" */
  "designate GL": async (w, t) => {
    const qualityId = qualityOf(w, t);
    const personId = await w.person(key(t.split(" ← ")[1]!));
    return {
      run: (actor) => designateLocalManager({ actor, meta, qualityId, personId }),
      effect: async () => (await db.roleAssignment.count({ where: { personId, qualityId, role: "GL", revokedAt: null } })) === 1,
    };
  },
  "designate co-RAE": async (w, t) => {
    const personId = await w.person(key(t));
    return {
      run: (actor) => designateCoRae({ actor, meta, personId }),
      effect: async () => (await db.roleAssignment.count({ where: { personId, role: "CO_RAE", revokedAt: null } })) === 1,
    };
  },
  ...Object.fromEntries(
    (["block", "unblock", "delete"] as const).map((change) => [
      `${change} co-RAE`,
      async (w: World, t: string): Promise<Attempt> => {
        const target = key(t);
        const role = await w.roleOf(target, t.startsWith("RAE") ? "RAE" : "CO_RAE");
        if (change === "unblock") await db.roleAssignment.update({ where: { id: role.id }, data: { isBlocked: true } });
        return {
          run: (actor) => changeCoRae({ actor, meta, roleId: role.id, change }),
          effect: async () => {
            const r = await db.roleAssignment.findUniqueOrThrow({ where: { id: role.id } });
            return change === "delete" ? r.revokedAt !== null : r.isBlocked === (change === "block");
          },
        };
      },
    ]),
  ),
  /** "AS ← FRESH" */
  "designate co-GL": async (w, t) => {
    const qualityId = qualityOf(w, t);
    const personId = await w.person(key(t.split(" ← ")[1]!));
    return {
      run: (actor) => designateQualityRole({ actor, meta, qualityId, personId, role: "CO_GL" }),
      effect: async () => (await db.roleAssignment.count({ where: { personId, qualityId, role: "CO_GL", revokedAt: null } })) === 1,
    };
  },
  /** Target: a persona holding CO_GL (or GL, to try removing the GL). */
  "remove co-GL": async (w, t) => {
    const target = key(t);
    const role = await w.roleOf(target, t.startsWith("GL") ? "GL" : "CO_GL");
    return {
      run: (actor) => removeQualityRole({ actor, meta, roleId: role.id }),
      effect: async () => (await db.roleAssignment.findUniqueOrThrow({ where: { id: role.id } })).revokedAt !== null,
    };
  },
  "designate technical user": async (w, t) => {
    const qualityId = qualityOf(w, t);
    const personId = await w.person(key(t.split(" ← ")[1]!));
    return {
      run: (actor) => designateQualityRole({ actor, meta, qualityId, personId, role: "TECHNICAL_USER" }),
      effect: async () => (await db.roleAssignment.count({ where: { personId, qualityId, role: "TECHNICAL_USER", revokedAt: null } })) === 1,
    };
  },
  "remove technical user": async (w, t) => {
    const role = await w.roleOf(key(t), "TECHNICAL_USER");
    return {
      run: (actor) => removeQualityRole({ actor, meta, roleId: role.id }),
      effect: async () => (await db.roleAssignment.findUniqueOrThrow({ where: { id: role.id } })).revokedAt !== null,
    };
  },
  "change quality e-mail": async (w, t) => {
    const qualityId = qualityOf(w, t);
    const email = `qualite-${randomUUID().slice(0, 8)}@attentes.cpas.be`;
    return {
      run: (actor) => updateQualityEmail({ actor, meta, qualityId, email }),
      effect: async () => (await db.quality.findUniqueOrThrow({ where: { id: qualityId } })).email === email,
    };
  },
  /** "AS", "AS subdivision", "ONSS" */
  "invite user": async (w, t) => {
    const qualityId = qualityOf(w, t);
    const email = `invite-${randomUUID().slice(0, 8)}@attentes.cpas.be`;
    return {
      run: (actor) =>
        inviteUser({ actor, meta, qualityId, subdivisionId: t.includes("subdivision") ? w.subId : null, firstName: "Invitée", lastName: "Attentes", email }),
      effect: async () => (await db.person.count({ where: { email } })) === 1,
    };
  },
  "block person": async (w, t) => {
    const personId = await w.person(key(t));
    return {
      run: (actor) => setPersonBlocked({ actor, meta, personId, isBlocked: true }),
      effect: async () => (await db.person.findUniqueOrThrow({ where: { id: personId } })).status === "BLOCKED",
    };
  },
  "unblock person": async (w, t) => {
    const personId = await w.person(key(t));
    await db.person.update({ where: { id: personId }, data: { status: "BLOCKED" } });
    return {
      run: (actor) => setPersonBlocked({ actor, meta, personId, isBlocked: false }),
      effect: async () => (await db.person.findUniqueOrThrow({ where: { id: personId } })).status === "ACTIVE",
    };
  },
  /** "AGENT_SOCIAL @ AS → FRESH" */
  "grant right": async (w, t) => {
    const g = parseGrant(t);
    const personId = await w.person(g.person);
    const qualityId = g.quality === "AS" ? w.asId : w.onssId;
    const before = await db.rightGrant.count({ where: { personId, rightCode: g.right, qualityId, revokedAt: null } });
    return {
      run: (actor) => grantRight({ actor, meta, personId, qualityId, rightCode: g.right }),
      effect: async () => (await db.rightGrant.count({ where: { personId, rightCode: g.right, qualityId, revokedAt: null } })) > before,
    };
  },
  /** "AGENT_SOCIAL @ AS → USER_AS": the target's grant of that right. */
  "revoke right": async (w, t) => {
    const g = parseGrant(t);
    const grant = await w.grantOf(g.person, g.right);
    return {
      run: (actor) => revokeRight({ actor, meta, grantId: grant.id }),
      effect: async () => (await db.rightGrant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt !== null,
    };
  },
  "create subdivision": async (w, t) => {
    const qualityId = qualityOf(w, t);
    const name = `Service ${randomUUID().slice(0, 6)}`;
    return {
      run: (actor) => createSubdivision({ actor, meta, qualityId, name }),
      effect: async () => (await db.subdivision.count({ where: { qualityId, name } })) === 1,
    };
  },
  /** "SUB ← FRESH" */
  "designate subdivision manager": async (w, t) => {
    const personId = await w.person(key(t.split(" ← ")[1]!));
    return {
      run: (actor) => designateSubdivisionManager({ actor, meta, subdivisionId: w.subId, personId, role: "SUBDIVISION_MANAGER" }),
      effect: async () => (await db.roleAssignment.count({ where: { personId, subdivisionId: w.subId, revokedAt: null } })) === 1,
    };
  },
  "start access review": async (w, t) => {
    const qualityId = qualityOf(w, t);
    return {
      run: (actor) => startAccessReview({ actor, meta, qualityId, deadline: new Date(Date.now() + 30 * 86_400_000) }),
      effect: async () => (await db.accessReview.count({ where: { qualityId } })) === 1,
    };
  },
  /** "AGENT_SOCIAL @ AS → USER_AS": an open review item on that grant. */
  "decide review item": async (w, t) => {
    const g = parseGrant(t);
    const grant = await w.grantOf(g.person, g.right);
    const review = await db.accessReview.create({
      data: { entityId: w.entityId, qualityId: grant.qualityId, startedById: await w.person("_AUTHOR"), deadline: new Date(Date.now() + 86_400_000) },
    });
    const item = await db.accessReviewItem.create({ data: { reviewId: review.id, grantId: grant.id } });
    return {
      run: (actor) => decideReviewItem({ actor, meta, itemId: item.id, decision: "KEEP" }),
      effect: async () => (await db.accessReviewItem.findUniqueOrThrow({ where: { id: item.id } })).decision !== null,
    };
  },
  "add SoD rule": async (w) => ({
    run: (actor) => addSodRule({ actor, meta, rightA: "AGENT_SOCIAL", rightB: "RU_SECRETAIRE", mode: "JUSTIFY" }),
    effect: async () => (await db.sodRule.count({ where: { entityId: w.entityId } })) === 1,
  }),
  /** Finds the target (by e-mail) among the people of centre A. */
  "search people": async (w, t) => {
    const personId = await w.person(key(t));
    const { email } = await db.person.findUniqueOrThrow({ where: { id: personId } });
    return {
      run: (actor) => searchPeople({ actor, query: email }),
      effect: async (r) => !!r && (r as { people: { id: string }[] }).people.some((p) => p.id === personId),
    };
  },

  // ---- C60.7 (lib/c607/requests, app/(portal)/c607/actions.ts, app/api/c607/**)
  "list C60.7 requests": async (w, t) => {
    const r = t === "sent request" ? await sentRequest(w) : await draftRequest(w);
    return {
      // Filtered on the row's centre: the ONEM queue lists every centre, one page at a time.
      run: (actor) => listRequests({ ctx: { actor, meta }, filter: ZQueueFilter.parse({ entityId: w.entityId }) }),
      effect: async (res) => !!res && JSON.stringify(res).includes(r.id),
    };
  },
  "read C60.7 request with NISS": async (w, t) => {
    const r = t === "sent request" ? await sentRequest(w) : await draftRequest(w);
    return {
      run: (actor) => getRequestDetail({ ctx: { actor, meta }, id: r.id }),
      effect: async (res) => !!res && NISS_PATTERN.test(JSON.stringify(res)),
    };
  },
  "create C60.7 request": async (w) => {
    const before = await db.c607Request.count({ where: { entityId: w.entityId } });
    return {
      run: (actor) => createRequest({ ctx: { actor, meta }, input: { clientKey: newKey(), content: sampleContent({ shift: 400 }) } }),
      effect: async () => (await db.c607Request.count({ where: { entityId: w.entityId } })) > before,
    };
  },
  "send C60.7 request": async (w) => {
    const d = await draftRequest(w);
    return {
      run: (actor) => sendRequest({ ctx: { actor, meta }, id: d.id, input: { version: d.version } }),
      effect: async () => (await requestStatus(d.id)) !== "DRAFT",
    };
  },
  "take C60.7 request (ONEM)": async (w) => {
    const s = await sentRequest(w);
    return {
      run: (actor) => takeRequest({ ctx: { actor, meta }, id: s.id, input: { version: s.version } }),
      effect: async () => (await requestStatus(s.id)) === "IN_PROGRESS",
    };
  },
  /**
   * "attachment of a sent request": ONEM received it. "attachment added after a complement request":
   * the centre may still take it back, ONEM has not received it (issue 9 finding 5).
   */
  "download C60.7 attachment": async (w, t) => {
    const author = await authorCtx(w);
    const d = await draftRequest(w);
    let id = d.id;
    let attachmentId: string;
    if (t === "attachment of a sent request") {
      attachmentId = (await addAttachment({ ctx: author, id, fileName: "fiche.pdf", content: PDF_BYTES })).attachment.id;
      const sent = await sendRequest({ ctx: author, id, input: { version: d.version + 1 } });
      id = sent.id;
    } else {
      const sent = await sendRequest({ ctx: author, id, input: { version: d.version } });
      const onem = { actor: await w.actor("ONEM_COLLAB"), meta };
      const taken = await takeRequest({ ctx: onem, id: sent.id, input: { version: sent.version } });
      await requestComplement({ ctx: onem, id: sent.id, input: { version: taken.version, message: "Ajoutez la fiche de paie de mars." } });
      attachmentId = (await addAttachment({ ctx: author, id: sent.id, fileName: "mars.pdf", content: PDF_BYTES })).attachment.id;
    }
    return {
      run: (actor) => getAttachment({ ctx: { actor, meta }, id, attachmentId }),
      effect: async (res) => !!res && (res as { id: string }).id === attachmentId,
    };
  },
  "read C60.7 messages": async (w) => {
    const n = await db.notification.create({
      data: { entityId: w.entityId, audience: "AGENT_SOCIAL", kind: "c607.sent", title: "Demande envoyée", body: "Une demande a été envoyée à l'ONEM." },
    });
    return { run: (actor) => listInbox({ actor }), effect: async (res) => !!res && JSON.stringify(res).includes(n.id) };
  },

  // ---- FOREM (lib/forem, app/(portal)/forem/actions.ts, app/api/forem/**)
  "create FOREM contract": async (w) => {
    const before = await db.contract.count({ where: { entityId: w.entityId } });
    return {
      run: (actor) => createContract({ actor, input: contractInput(), meta }),
      effect: async () => (await db.contract.count({ where: { entityId: w.entityId } })) > before,
    };
  },
  "export FOREM file": async (w) => {
    await endedContract(w);
    return {
      run: (actor) => buildForemFile({ actor, period: { from: "2025-06-01", to: "2025-06-30" }, meta }),
      effect: async (res) => !!res && (res as { rowCount: number }).rowCount > 0,
    };
  },
  "create attestation": async (w) => {
    const c = await endedContract(w);
    const before = await db.attestation.count({ where: { entityId: w.entityId } });
    return {
      run: (actor) => createAttestation({ actor, input: { workerId: c.workerId, place: "Namur", signatory: "Le président" }, meta }),
      effect: async () => (await db.attestation.count({ where: { entityId: w.entityId } })) > before,
    };
  },
  "download attestation": async (w) => {
    const a = await attestation(w);
    return {
      run: (actor) => getAttestationPdf({ actor, id: a.id, meta }),
      effect: async (res) => !!res && (res as { bytes: Uint8Array }).bytes.length > 0,
    };
  },

  // ---- FileExchange (lib/forem/fileexchange, app/api/fileexchange/**)
  "send FileExchange file": async (w) => {
    const b = await partnerB(w);
    return {
      run: (actor) => sendFile({ actor, input: { toEntityId: b.entityId, fileName: "liste.xlsx.enc" }, bytes: CIPHERTEXT(), meta }),
      effect: async () => (await db.fileTransfer.count({ where: { fromEntityId: w.entityId } })) > 0,
    };
  },
  "download FileExchange file": async (w) => {
    const f = await receivedFile(w);
    return {
      run: (actor) => downloadFile({ actor, id: f.id, meta }),
      effect: async (res) => !!res && (res as { bytes: Uint8Array }).bytes.length > 0,
    };
  },

  // ---- security log (lib/security-log, app/(portal)/securite, app/api/security-log/export)
  "read security log": async (w) => {
    await loggedEvent(w);
    return {
      run: (actor) => searchSecurityLog({ actor, filters: {} }),
      effect: async (res) => !!res && JSON.stringify(res, bigints).includes(LOGGED_ACTION),
    };
  },
  "export security log": async (w) => {
    await loggedEvent(w);
    return {
      run: async (actor) => {
        const file = await exportSecurityLog({ actor, filters: {}, meta });
        let text = "";
        for await (const line of file.lines()) text += line;
        return text;
      },
      effect: async (res) => typeof res === "string" && res.includes(LOGGED_ACTION),
    };
  },

  // ---- batch channels (lib/batch, app/(portal)/canaux, app/api/canaux/**)
  "open /canaux": async (w) => ({
    run: async (actor) => ({ shown: mayOpenChannels(actor), qualities: await listChannelQualities(actor) }),
    effect: async (res) => !!res && (res as { shown: boolean }).shown && JSON.stringify(res).includes(w.onssId),
  }),
  "create mandate": async (w) => ({
    run: (actor) =>
      createMandate({
        actor,
        meta,
        input: { qualityId: w.onssId, service: "DMFA", providerBce: randomBce(), providerName: "Secrétariat social", validFrom: "2026-01-01" },
      }),
    effect: async () => (await db.batchMandate.count({ where: { qualityId: w.onssId } })) > 0,
  }),
  "suspend channel": async (w) => {
    const c = await onssChannel(w);
    return {
      run: (actor) => setChannelActive({ actor, meta, channelId: c.id, isActive: false }),
      effect: async () => !(await db.technicalChannel.findUniqueOrThrow({ where: { id: c.id } })).isActive,
    };
  },

  // ---- DPD settings (lib/security, lib/sessions, app/(portal)/gestion/securite, app/(portal)/sessions)
  "save access policy": async (w) => ({
    run: (actor) =>
      saveAccessPolicy({
        actor,
        meta,
        input: ZAccessPolicy.parse({ isEnforced: "false", allowedDays: ["1", "2", "3"], start: "06:00", end: "20:00", allowedCidrs: "" }),
      }),
    effect: async () => (await db.accessPolicy.count({ where: { entityId: w.entityId } })) === 1,
  }),
  "publish usage policy": async (w) => ({
    run: (actor) => publishUsagePolicy({ actor, meta, title: "Politique", body: "Texte de la politique d'utilisation du centre, clause de confidentialité." }),
    effect: async () => (await db.usagePolicy.count({ where: { entityId: w.entityId } })) === 1,
  }),
  "set idle timeout": async (w) => ({
    run: (actor) => setSessionIdle({ actor, meta, minutes: 21 }),
    effect: async () => (await db.entity.findUniqueOrThrow({ where: { id: w.entityId } })).sessionIdleSeconds === 21 * 60,
  }),
  "set FileExchange partners": async (w) => {
    const b = await w.other();
    return {
      run: (actor) => saveFileExchangeSettings({ actor, meta, input: { partnerEntityIds: [b.entityId], retentionDays: 30 } }),
      effect: async () => (await db.fileExchangePartner.count({ where: { entityId: w.entityId } })) === 1,
    };
  },
  "end sessions of a person": async (w, t) => {
    const target = key(t);
    await w.session(target);
    const personId = await w.person(target);
    const { email } = await db.person.findUniqueOrThrow({ where: { id: personId } });
    return {
      run: (actor) => endPersonSessions({ actor, meta, personEmail: email }),
      effect: async () => (await db.session.count({ where: { personId, revokedAt: null } })) === 0,
    };
  },

  // ---- mail (issue 12: lib/auth/reset-second-factor.ts, lib/outbox)
  "reset second factor": async (w, t) => {
    const personId = await w.person(key(t));
    await db.person.update({ where: { id: personId }, data: { totpEnabledAt: new Date() } });
    return {
      run: (actor) => resetSecondFactor({ actor, meta, personId }),
      effect: async () => (await db.person.findUniqueOrThrow({ where: { id: personId }, select: { totpEnabledAt: true } })).totpEnabledAt === null,
    };
  },
  "read mail failures": async (w) => {
    const subject = `Échec attendu ${randomUUID()}`;
    await db.outboxMail.create({
      data: { entityId: w.entityId, kind: "c607_answered", toAddress: "absent@attentes.cpas.be", subject, status: "FAILED", failedAt: new Date() },
    });
    return {
      run: (actor) => listMailFailures(actor),
      effect: async (res) => !!res && JSON.stringify(res).includes(subject),
    };
  },

  // ---- API tokens (lib/api-tokens, app/(portal)/jetons)
  "create API token": async () => {
    let personId = "";
    return {
      run: (actor) => {
        personId = actor.personId;
        return createApiToken({ actor, meta, input: { name: "Logiciel social" } });
      },
      effect: async () => personId !== "" && (await db.apiToken.count({ where: { personId, name: "Logiciel social" } })) === 1,
    };
  },
};

const bigints = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

const LOGGED_ACTION = "access.person_blocked";

/** An audited change in centre A (a person blocked), as the security log shows it; only centre A's log holds it. */
async function loggedEvent(w: World): Promise<string> {
  const target = await w.person("FRESH");
  await db.$transaction((tx) =>
    writeAuditEvent(
      tx,
      { actorId: null, entityId: w.entityId, ip: meta.ip, userAgent: meta.userAgent },
      { action: LOGGED_ACTION, targetType: "person", targetId: target, before: { status: "ACTIVE" }, after: { status: "BLOCKED" } },
    ),
  );
  return target;
}
