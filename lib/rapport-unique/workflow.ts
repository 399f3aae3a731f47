import "server-only";

import { writeAuditEvent } from "@/lib/audit/write-audit-event";
import { verifyFreshSecondFactor } from "@/lib/auth/fresh-second-factor";
import { formatBelgianDate, toBrusselsDate } from "@/lib/c607/calendar-date";
import { db, type Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { clipText } from "@/lib/i18n/clip-text";
import { msg } from "@/lib/i18n/message-ref";
import type { RuForm, RuFormDefinition } from "@/lib/generated/prisma/client";
import type { RuFormStatus, RuSignerRole } from "@/lib/generated/prisma/enums";
import { notifyEntity } from "@/lib/notifications/notify-entity";
import { mailWorkNotification, type WorkKind } from "@/lib/outbox/notify-work";

import { actorName, auditCtx, cpasRoles, type RuContext, ruSide } from "./access";
import { canonicalJson, sha256Hex } from "./canonical";
import { checkForm, type FormCheck } from "./check-form";
import { emptyContent, type FormContent, parseSectionInput, type RawSection, sectionOf, ZFormContent } from "./content";
import { type FormDefinition, titleRef, ZFormDefinition } from "./definition";
import { definitionsForYear } from "./definitions";
import { formatCents } from "./money";

// The Rapport unique workflow (issue 10, docs/rapport-unique.md):
//   DRAFT --ready--> READY --2 signatures--> SENT --accept--> ACCEPTED
//                      |                       `--return--> RETURNED --ready--> READY …
//                      `--change or return by a signer--> DRAFT (signatures voided)
// Every command runs in one transaction with the form row locked, writes one timeline event and one
// audit event, and checks the caller's version so a stale page cannot change a newer form.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const EDITABLE: readonly RuFormStatus[] = ["DRAFT", "RETURNED", "READY"];
export const SPPIS_VISIBLE: readonly RuFormStatus[] = ["SENT", "RETURNED", "ACCEPTED"];
const MEMBER_AUDIENCE = "RU_MEMBRE_PERSONNEL";
const SIGNER_AUDIENCE = "RU_SIGNATAIRES";

export const definitionOf = (d: Pick<RuFormDefinition, "definition">): FormDefinition => ZFormDefinition.parse(d.definition);
export const contentOf = (f: Pick<RuForm, "content">): FormContent => ZFormContent.parse(f.content);
const toCents = (v: bigint) => Number(v);

/** Amounts granted to a centre for one form, per envelope (cents). */
export async function grantsFor(client: Tx | typeof db, o: { campaignId: string; entityId: string; formCode: string }): Promise<Record<string, number>> {
  const rows = await client.ruGrant.findMany({
    where: { campaignId: o.campaignId, entityId: o.entityId, formCode: o.formCode },
    select: { envelopeCode: true, amountCents: true },
  });
  return Object.fromEntries(rows.map((r) => [r.envelopeCode, toCents(r.amountCents)]));
}

/** What the signers sign: the form's identity, its rules' version, its content and the amounts granted. */
export function contentHashOf(o: {
  year: number;
  entityId: string;
  formCode: string;
  definitionSha: string;
  version: number;
  content: FormContent;
  grants: Record<string, number>;
}): string {
  return sha256Hex(canonicalJson(o));
}

/** The form named by id, as the actor may see it: its own centre's (CPAS), or a sent one (SPP IS). */
async function findForm(client: Tx | typeof db, ctx: RuContext, id: string) {
  const side = ruSide(ctx.actor);
  const where = side === "CPAS" ? { id, entityId: ctx.actor.entityId } : { id, sentAt: { not: null }, status: { in: [...SPPIS_VISIBLE] } };
  const form = await client.ruForm.findFirst({ where, include: { definition: true, campaign: true } });
  if (!form) throw notFound();
  return { form, side };
}

/** Locks the form row for a command and checks the caller's version (one lock, one read). */
async function lockForm(tx: Tx, ctx: RuContext, id: string, version?: number) {
  // Lock first, then read through the tenant filter: a row of another centre is locked for nothing
  // and answered as unknown, never shown.
  // No lib/http/parse-id here: it loads next/navigation, and the hourly jobs import this module
  // outside Next (server.ts); an id that is not a UUID is simply unknown.
  if (!UUID.test(id)) throw notFound();
  await tx.$queryRaw`SELECT id FROM "RuForm" WHERE id = ${id}::uuid FOR UPDATE`;
  const { form, side } = await findForm(tx, ctx, id);
  if (version !== undefined && form.version !== version) {
    throw new AppError("CONFLICT", msg("ru.errors.changedMeanwhile"));
  }
  return { form, side, def: definitionOf(form.definition) };
}

/** The form locked for a change of its content: only while it is not sent. */
export async function lockEditable(tx: Tx, ctx: RuContext, id: string, version: number) {
  const locked = await lockForm(tx, ctx, id, version);
  if (!EDITABLE.includes(locked.form.status)) throw new AppError("CONFLICT", msg("ru.errors.alreadySent"));
  return locked;
}

async function recordEvent(
  tx: Tx,
  ctx: RuContext,
  form: { id: string; entityId: string },
  e: { kind: string; from?: RuFormStatus; to?: RuFormStatus; note?: string; summary?: Record<string, unknown> },
) {
  await tx.ruEvent.create({
    data: {
      formId: form.id,
      actorId: ctx.actor.personId,
      actorName: actorName(ctx.actor),
      kind: e.kind,
      fromStatus: e.from,
      toStatus: e.to,
      note: e.note === undefined ? undefined : clipText(e.note, 2000),
    },
  });
  await writeAuditEvent(tx, auditCtx(ctx), {
    action: `rapport_unique.${e.kind}`,
    targetType: "RuForm",
    targetId: form.id,
    entityId: form.entityId,
    before: e.from ? { status: e.from } : undefined,
    after: { ...(e.to ? { status: e.to } : {}), ...e.summary },
  });
}

/**
 * Voids the active signatures of a form, telling each signer why (their inbox). `reason` is a
 * catalogue reference: stored with the signature and said in the signer's language.
 */
async function voidSignatures(tx: Tx, form: { id: string; entityId: string; formCode: string }, reason: string, def: FormDefinition): Promise<number> {
  const active = await tx.ruSignature.findMany({ where: { formId: form.id, voidedAt: null }, select: { id: true, signerId: true } });
  if (active.length === 0) return 0;
  await tx.ruSignature.updateMany({ where: { formId: form.id, voidedAt: null }, data: { voidedAt: new Date(), voidReason: clipText(reason, 500) } });
  for (const s of active) {
    await notifyEntity(tx, {
      entityId: form.entityId,
      personId: s.signerId,
      kind: "rapport_unique.signature_voided",
      title: msg("ru.inbox.voidedTitle", { title: titleRef(def) }),
      body: msg("ru.inbox.voidedBody", { reason }),
      link: `/rapport-unique/formulaires/${form.id}`,
    });
  }
  return active.length;
}

/** Mails (issue 12's outbox, in the caller's transaction) to the holders in force of these rights in the centre. */
async function mailHolders(tx: Tx, o: { entityId: string; rights: string[]; kind: WorkKind; title: string; formId: string }) {
  const now = new Date();
  const holders = await tx.rightGrant.findMany({
    where: {
      entityId: o.entityId,
      rightCode: { in: o.rights },
      revokedAt: null,
      validFrom: { lte: now },
      OR: [{ validUntil: null }, { validUntil: { gt: now } }],
    },
    select: { personId: true },
  });
  await mailWorkNotification(tx, {
    kind: o.kind,
    entityId: o.entityId,
    recipientIds: holders.map((h) => h.personId),
    title: o.title,
    path: `/rapport-unique/formulaires/${o.formId}`,
  });
}

function requireMember(ctx: RuContext) {
  if (!cpasRoles(ctx.actor).member) throw new AppError("FORBIDDEN", msg("ru.errors.memberOnly"));
}

// ---------------------------------------------------------------------------------------------
// SPP IS: campaigns and amounts granted

/** Opens the campaign of a subsidy year: freezes that year's definitions, opens one form per centre and subsidy. */
export async function openCampaign({ ctx, input }: { ctx: RuContext; input: { year: number; deadline: string } }) {
  if (ruSide(ctx.actor) !== "SPPIS") throw notFound();
  const defs = definitionsForYear(input.year);
  if (!defs) throw new AppError("UNPROCESSABLE", msg("ru.errors.noDefinitions", { year: String(input.year) }), { year: [msg("ru.errors.noDefinitionsField")] });
  if (input.deadline <= `${input.year}-12-31`) {
    throw new AppError("UNPROCESSABLE", msg("ru.errors.deadlineTooEarly", { year: String(input.year) }), {
      deadline: [msg("ru.errors.deadlineTooEarlyField")],
    });
  }
  return db.$transaction(async (tx) => {
    if (await tx.ruCampaign.findUnique({ where: { year: input.year }, select: { id: true } })) {
      throw new AppError("CONFLICT", msg("ru.errors.campaignOpen", { year: String(input.year) }), { year: [msg("ru.errors.campaignOpenField")] });
    }
    const campaign = await tx.ruCampaign.create({
      data: { year: input.year, deadline: new Date(`${input.deadline}T00:00:00Z`), openedById: ctx.actor.personId },
    });
    await tx.ruFormDefinition.createMany({
      data: defs.map((d, i) => ({ campaignId: campaign.id, code: d.code, definition: d, sha256: sha256Hex(canonicalJson(d)), position: i })),
    });
    const frozen = await tx.ruFormDefinition.findMany({ where: { campaignId: campaign.id }, select: { id: true, code: true } });
    const byCode = new Map(defs.map((d) => [d.code, d]));
    // Every centre's forms in one statement, inside this transaction (all or nothing). Through
    // createMany, 580 centres × their forms took ~10 s and outran the transaction's time limit
    // (issue 15, goal 3): one JSON value per row built, sent and parsed; here one per subsidy.
    const forms = await tx.$executeRaw`
      INSERT INTO "RuForm" (id, "campaignId", "entityId", "definitionId", "formCode", content, "updatedAt")
      SELECT gen_random_uuid(), ${campaign.id}::uuid, e.id, d.id, d.code, d.content, now() AT TIME ZONE 'UTC'
      FROM "Entity" e
      CROSS JOIN unnest(${frozen.map((d) => d.id)}::uuid[], ${frozen.map((d) => d.code)}::text[],
        ${frozen.map((d) => JSON.stringify(emptyContent(byCode.get(d.code)!)))}::jsonb[]) AS d(id, code, content)
      WHERE e.kind = 'CPAS'`;
    await writeAuditEvent(tx, auditCtx(ctx), {
      action: "rapport_unique.campaign_opened",
      targetType: "RuCampaign",
      targetId: campaign.id,
      after: { year: input.year, deadline: input.deadline, forms: defs.map((d) => d.code), centres: forms / defs.length },
    });
    return { id: campaign.id };
  });
}

/** One form per subsidy for each centre named (idempotent: a centre created after the opening gets its forms on its first visit). */
export async function ensureFormsIn(tx: Tx | typeof db, campaignId: string, entityIds: string[]) {
  const defs = await tx.ruFormDefinition.findMany({ where: { campaignId }, select: { id: true, code: true, definition: true } });
  const data = entityIds.flatMap((entityId) =>
    defs.map((d) => ({ campaignId, entityId, definitionId: d.id, formCode: d.code, content: emptyContent(definitionOf(d)) })),
  );
  if (data.length) await tx.ruForm.createMany({ data, skipDuplicates: true });
}

export type GrantInput = { campaignId: string; bce: string; formCode: string; envelopeCode: string; amountCents: number };

/**
 * Records (or corrects) an amount granted. Refused once the centre's form is waiting for signatures,
 * sent or accepted: the signers signed the amounts too (return the form first).
 */
export async function recordGrant(tx: Tx, ctx: RuContext, input: GrantInput): Promise<{ entityName: string; before: number | null }> {
  if (ruSide(ctx.actor) !== "SPPIS") throw notFound();
  const campaign = await tx.ruCampaign.findUnique({ where: { id: input.campaignId }, include: { definitions: { where: { code: input.formCode } } } });
  if (!campaign) throw notFound();
  const definition = campaign.definitions[0];
  if (!definition)
    throw new AppError("UNPROCESSABLE", msg("ru.errors.formUnknown", { code: input.formCode, year: String(campaign.year) }), {
      formCode: [msg("ru.field.unknownForm")],
    });
  const def = definitionOf(definition);
  if (!def.envelopes.some((e) => e.code === input.envelopeCode)) {
    throw new AppError("UNPROCESSABLE", msg("ru.errors.envelopeUnknown", { code: input.envelopeCode, title: def.title }), {
      envelopeCode: [msg("ru.field.unknownEnvelope")],
    });
  }
  const entity = await tx.entity.findFirst({ where: { bceNumber: input.bce, kind: "CPAS" }, select: { id: true, name: true } });
  if (!entity) throw new AppError("UNPROCESSABLE", msg("ru.errors.centreUnknown"), { bce: [msg("ru.errors.centreUnknownField")] });
  await ensureFormsIn(tx, campaign.id, [entity.id]);
  const form = await tx.ruForm.findUniqueOrThrow({
    where: { campaignId_entityId_formCode: { campaignId: campaign.id, entityId: entity.id, formCode: def.code } },
  });
  if (!["DRAFT", "RETURNED"].includes(form.status)) {
    throw new AppError(
      "CONFLICT",
      msg(form.status === "READY" ? "ru.errors.grantLockedReady" : "ru.errors.grantLockedSent", { title: def.title, centre: entity.name }),
    );
  }
  const key = {
    campaignId_entityId_formCode_envelopeCode: { campaignId: campaign.id, entityId: entity.id, formCode: def.code, envelopeCode: input.envelopeCode },
  };
  const existing = await tx.ruGrant.findUnique({ where: key, select: { amountCents: true } });
  await tx.ruGrant.upsert({
    where: key,
    update: { amountCents: BigInt(input.amountCents), recordedById: ctx.actor.personId, recordedAt: new Date() },
    create: {
      campaignId: campaign.id,
      entityId: entity.id,
      formCode: def.code,
      envelopeCode: input.envelopeCode,
      amountCents: BigInt(input.amountCents),
      recordedById: ctx.actor.personId,
    },
  });
  const before = existing ? toCents(existing.amountCents) : null;
  await writeAuditEvent(tx, auditCtx(ctx), {
    action: "rapport_unique.grant_recorded",
    targetType: "RuForm",
    targetId: form.id,
    entityId: entity.id,
    before: before === null ? undefined : { amount: formatCents(before) },
    after: { form: def.code, envelope: input.envelopeCode, amount: formatCents(input.amountCents) },
  });
  return { entityName: entity.name, before };
}

// ---------------------------------------------------------------------------------------------
// CPAS: encoding

export async function saveCentreData({
  ctx,
  input,
}: {
  ctx: RuContext;
  input: { campaignId: string; contactName: string; contactEmail: string; contactPhone: string };
}) {
  requireMember(ctx);
  return db.$transaction(async (tx) => {
    const campaign = await tx.ruCampaign.findUnique({ where: { id: input.campaignId }, select: { id: true } });
    if (!campaign) throw notFound();
    const key = { campaignId_entityId: { campaignId: campaign.id, entityId: ctx.actor.entityId } };
    const before = await tx.ruCentreData.findUnique({ where: key, select: { contactName: true, contactEmail: true, contactPhone: true } });
    const data = { contactName: input.contactName, contactEmail: input.contactEmail, contactPhone: input.contactPhone, updatedById: ctx.actor.personId };
    await tx.ruCentreData.upsert({ where: key, update: data, create: { ...key.campaignId_entityId, ...data } });
    await writeAuditEvent(tx, auditCtx(ctx), {
      action: "rapport_unique.centre_data_saved",
      targetType: "RuCampaign",
      targetId: campaign.id,
      before: before ?? undefined,
      after: { contactName: input.contactName, contactEmail: input.contactEmail, contactPhone: input.contactPhone },
    });
    return { campaignId: campaign.id };
  });
}

/**
 * Saves one measure (section) encoded online. Typing errors refuse the whole save with field errors
 * (nothing kept); rule problems are saved as a draft and shown. A measure justified by the
 * spreadsheet cannot get online lines (never a mix). A change to a form waiting for signatures
 * takes it back to encoding and voids the signatures given.
 */
export async function saveSection({ ctx, input }: { ctx: RuContext; input: { formId: string; version: number; section: string; raw: RawSection } }) {
  requireMember(ctx);
  return db.$transaction(async (tx) => {
    const { form, def } = await lockEditable(tx, ctx, input.formId, input.version);
    const section = def.sections.find((s) => s.code === input.section);
    if (!section) throw notFound();
    const content = contentOf(form);
    const current = sectionOf(content, section.code);
    const parsed = parseSectionInput(section, input.raw);
    if (!parsed.ok) throw new AppError("UNPROCESSABLE", msg("ru.errors.invalidValues"), parsed.errors);
    const hasLines = parsed.section.staff.length + parsed.section.expenses.length > 0;
    if (current.mode === "SPREADSHEET" && hasLines) {
      throw new AppError("CONFLICT", msg("ru.errors.importedNotOnline", { title: section.title, fileName: current.spreadsheet?.fileName ?? "—" }));
    }
    content.sections[section.code] = {
      ...current,
      ...parsed.section,
      mode: hasLines ? "ONLINE" : section.kind === "indicators" ? null : current.mode === "SPREADSHEET" ? "SPREADSHEET" : null,
    };
    return writeContent(tx, ctx, {
      form,
      def,
      content,
      kind: "section_saved",
      note: msg("ru.note.sectionSaved", { title: section.title, count: parsed.section.staff.length + parsed.section.expenses.length }),
    });
  });
}

/** Writes a new version of the content; from READY it goes back to encoding and the signatures are voided. */
export async function writeContent(
  tx: Tx,
  ctx: RuContext,
  o: { form: RuForm; def: FormDefinition; content: FormContent; kind: string; note: string; summary?: Record<string, unknown> },
) {
  const toDraft = o.form.status === "READY";
  const updated = await tx.ruForm.update({
    where: { id: o.form.id },
    data: { content: o.content, version: { increment: 1 }, ...(toDraft ? { status: "DRAFT", contentHash: null } : {}) },
  });
  await recordEvent(tx, ctx, o.form, {
    kind: o.kind,
    from: toDraft ? "READY" : undefined,
    to: toDraft ? "DRAFT" : undefined,
    note: o.note,
    summary: { version: updated.version, ...o.summary },
  });
  let voided = 0;
  if (toDraft) {
    voided = await voidSignatures(tx, o.form, msg("ru.inbox.voidedChanged", { name: actorName(ctx.actor) }), o.def);
    if (voided)
      await recordEvent(tx, ctx, o.form, {
        kind: "signatures_voided",
        note: msg("ru.note.voidedChanged", { count: voided }),
        summary: { voided },
      });
  }
  const grants = await grantsFor(tx, { campaignId: o.form.campaignId, entityId: o.form.entityId, formCode: o.form.formCode });
  return { id: updated.id, version: updated.version, check: checkForm(o.def, o.content, grants), voided };
}

/** The member marks the form ready: refused while a rule is broken, with the list of problems. */
export async function markReady({ ctx, input }: { ctx: RuContext; input: { formId: string; version: number } }) {
  requireMember(ctx);
  return db.$transaction(async (tx) => {
    const { form, def } = await lockForm(tx, ctx, input.formId, input.version);
    if (form.status !== "DRAFT" && form.status !== "RETURNED") throw new AppError("CONFLICT", msg("ru.errors.readyOnlyDraft"));
    const content = contentOf(form);
    const grants = await grantsFor(tx, form);
    const check = checkForm(def, content, grants);
    if (!check.ok) throw problemsError(check);
    const contentHash = contentHashOf({
      year: form.campaign.year,
      entityId: form.entityId,
      formCode: form.formCode,
      definitionSha: form.definition.sha256,
      version: form.version,
      content,
      grants,
    });
    await tx.ruForm.update({ where: { id: form.id }, data: { status: "READY", contentHash, readyAt: new Date(), returnReason: null } });
    await recordEvent(tx, ctx, form, {
      kind: "ready",
      from: form.status,
      to: "READY",
      note: msg("ru.note.ready", { justified: check.justifiedCents / 100, granted: check.grantedCents / 100 }),
      summary: { contentHash },
    });
    await notifyEntity(tx, {
      entityId: form.entityId,
      audience: SIGNER_AUDIENCE,
      kind: "rapport_unique.to_sign",
      title: msg("ru.inbox.toSignTitle", { year: form.campaign.year, title: titleRef(def) }),
      body: msg("ru.inbox.toSignBody", { name: actorName(ctx.actor) }),
      link: `/rapport-unique/formulaires/${form.id}`,
    });
    await mailHolders(tx, {
      entityId: form.entityId,
      rights: ["RU_SECRETAIRE", "RU_PRESIDENT"],
      kind: "ru_to_sign",
      title: msg("ru.inbox.mailToSign", { year: form.campaign.year, title: titleRef(def) }),
      formId: form.id,
    });
    return { id: form.id, contentHash };
  });
}

function problemsError(check: FormCheck) {
  const fieldErrors: Record<string, string[]> = {};
  for (const p of check.problems) (fieldErrors[p.sectionTitle] ??= []).push(p.message);
  const n = check.problems.length;
  return new AppError("UNPROCESSABLE", msg("ru.errors.problems", { count: n }), fieldErrors);
}

// ---------------------------------------------------------------------------------------------
// CPAS: signatures

/**
 * A signature of the secretary or the president on the exact version they read (version and content
 * hash from their page), confirmed by a fresh second factor. Two different people must sign; the
 * second signature sends the form to the SPP IS. Two signers at the same moment: the row lock
 * serialises them, the second one sends.
 */
export async function signForm({
  ctx,
  input,
}: {
  ctx: RuContext;
  input: { formId: string; version: number; contentHash: string; code: string; role?: RuSignerRole };
}) {
  const roles = cpasRoles(ctx.actor).signerRoles;
  if (roles.length === 0) throw new AppError("FORBIDDEN", msg("ru.errors.signersOnly"));
  const role = input.role ?? (roles.length === 1 ? roles[0] : undefined);
  if (!role || !roles.includes(role)) throw new AppError("UNPROCESSABLE", msg("ru.errors.chooseRole"), { role: [msg("ru.errors.chooseRoleField")] });
  // Preliminary checks before asking the code (so a stale page does not cost a TOTP code).
  const { form: seen } = await findForm(db, ctx, input.formId);
  if (seen.status !== "READY") throw new AppError("CONFLICT", msg("ru.errors.notWaiting"));
  const fresh = await verifyFreshSecondFactor({ personId: ctx.actor.personId, code: input.code, ctx: auditCtx(ctx) });
  return db.$transaction(async (tx) => {
    const { form, def } = await lockForm(tx, ctx, input.formId);
    if (form.status !== "READY") throw new AppError("CONFLICT", msg("ru.errors.noLongerWaiting"));
    if (form.version !== input.version || form.contentHash !== input.contentHash) {
      throw new AppError("CONFLICT", msg("ru.errors.changedSinceOpened"));
    }
    const active = await tx.ruSignature.findMany({ where: { formId: form.id, voidedAt: null } });
    if (active.some((s) => s.role === role)) throw new AppError("CONFLICT", msg("ru.errors.alreadySignedAs", { role }));
    if (active.some((s) => s.signerId === ctx.actor.personId)) {
      throw new AppError("CONFLICT", msg("ru.errors.alreadySignedByYou"));
    }
    await fresh.claim(tx);
    const now = new Date();
    await tx.ruSignature.create({
      data: {
        formId: form.id,
        role,
        signerId: ctx.actor.personId,
        signerName: actorName(ctx.actor),
        formVersion: form.version,
        contentHash: form.contentHash!,
        signedAt: now,
      },
    });
    await recordEvent(tx, ctx, form, {
      kind: "signed",
      note: msg("ru.note.signed", { role }),
      summary: { role, contentHash: form.contentHash },
    });
    if (active.length + 1 < 2) return { id: form.id, sent: false, late: false };
    const late = toBrusselsDate(now) > form.campaign.deadline.toISOString().slice(0, 10);
    await tx.ruForm.update({ where: { id: form.id }, data: { status: "SENT", sentAt: now } });
    await recordEvent(tx, ctx, form, {
      kind: "sent",
      from: "READY",
      to: "SENT",
      note: late ? msg("ru.note.sentLate", { deadline: formatBelgianDate(form.campaign.deadline.toISOString().slice(0, 10)) }) : msg("ru.note.sent"),
      summary: { late },
    });
    await notifyEntity(tx, {
      entityId: form.entityId,
      audience: MEMBER_AUDIENCE,
      kind: "rapport_unique.sent",
      title: msg("ru.inbox.sentTitle", { year: form.campaign.year, title: titleRef(def) }),
      body: msg("ru.inbox.sentBody"),
      link: `/rapport-unique/formulaires/${form.id}`,
    });
    return { id: form.id, sent: true, late };
  });
}

/** A signer gives the form back to the staff with a comment (the signatures given are voided). */
export async function returnToMember({ ctx, input }: { ctx: RuContext; input: { formId: string; version: number; reason: string } }) {
  if (cpasRoles(ctx.actor).signerRoles.length === 0) throw new AppError("FORBIDDEN", msg("ru.errors.returnSignersOnly"));
  return db.$transaction(async (tx) => {
    const { form, def } = await lockForm(tx, ctx, input.formId, input.version);
    if (form.status !== "READY") throw new AppError("CONFLICT", msg("ru.errors.returnOnlyReady"));
    await tx.ruForm.update({ where: { id: form.id }, data: { status: "DRAFT", contentHash: null, returnReason: input.reason, version: { increment: 1 } } });
    await recordEvent(tx, ctx, form, { kind: "returned_by_signer", from: "READY", to: "DRAFT", note: input.reason });
    const voided = await voidSignatures(tx, form, msg("ru.inbox.voidedReturned", { name: actorName(ctx.actor) }), def);
    if (voided) await recordEvent(tx, ctx, form, { kind: "signatures_voided", note: msg("ru.note.voided", { count: voided }), summary: { voided } });
    await notifyEntity(tx, {
      entityId: form.entityId,
      audience: MEMBER_AUDIENCE,
      kind: "rapport_unique.returned",
      title: msg("ru.inbox.returnedTitle", { title: titleRef(def) }),
      body: msg("ru.inbox.returnedBody", { name: actorName(ctx.actor), reason: input.reason }),
      link: `/rapport-unique/formulaires/${form.id}`,
    });
    await mailHolders(tx, {
      entityId: form.entityId,
      rights: ["RU_MEMBRE_PERSONNEL"],
      kind: "ru_returned",
      title: msg("ru.inbox.mailReturned", { title: titleRef(def) }),
      formId: form.id,
    });
    return { id: form.id };
  });
}

// ---------------------------------------------------------------------------------------------
// SPP IS: review

/**
 * Accepts a sent form (its amounts justified / not justified become final: recovered, or carried
 * over to next year's fund for the energy fund) or returns it for correction with a reason.
 */
export async function reviewForm({
  ctx,
  input,
}: {
  ctx: RuContext;
  input: { formId: string; version: number; decision: "accept" | "return"; reason?: string };
}) {
  if (ruSide(ctx.actor) !== "SPPIS") throw notFound();
  return db.$transaction(async (tx) => {
    const { form, def } = await lockForm(tx, ctx, input.formId, input.version);
    if (form.status !== "SENT") throw new AppError("CONFLICT", msg("ru.errors.reviewOnlySent"));
    if (input.decision === "return") {
      const reason = (input.reason ?? "").trim();
      if (reason.length < 10) throw new AppError("UNPROCESSABLE", msg("ru.errors.reasonRequired"), { reason: [msg("ru.errors.reasonRequiredField")] });
      await tx.ruForm.update({
        where: { id: form.id },
        data: { status: "RETURNED", returnReason: reason, decidedAt: new Date(), contentHash: null, version: { increment: 1 } },
      });
      await recordEvent(tx, ctx, form, { kind: "returned_by_sppis", from: "SENT", to: "RETURNED", note: reason });
      await voidSignatures(tx, form, msg("ru.inbox.voidedBySppis"), def);
      await notifyEntity(tx, {
        entityId: form.entityId,
        audience: MEMBER_AUDIENCE,
        kind: "rapport_unique.returned",
        title: msg("ru.inbox.correctionTitle", { year: form.campaign.year, title: titleRef(def) }),
        body: msg("ru.inbox.correctionBody", { reason }),
        link: `/rapport-unique/formulaires/${form.id}`,
      });
      await mailHolders(tx, {
        entityId: form.entityId,
        rights: ["RU_MEMBRE_PERSONNEL"],
        kind: "ru_returned",
        title: msg("ru.inbox.mailCorrection", { year: form.campaign.year, title: titleRef(def) }),
        formId: form.id,
      });
      return { id: form.id, status: "RETURNED" as const };
    }
    const check = checkForm(def, contentOf(form), await grantsFor(tx, form));
    const carried = def.notJustified === "carried_over";
    await tx.ruForm.update({
      where: { id: form.id },
      data: {
        status: "ACCEPTED",
        decidedAt: new Date(),
        justifiedCents: BigInt(check.justifiedCents),
        notJustifiedCents: BigInt(check.notJustifiedCents),
        carriedOverCents: carried ? BigInt(check.notJustifiedCents) : null,
        version: { increment: 1 },
      },
    });
    const note = msg("ru.note.accepted", {
      justified: check.justifiedCents / 100,
      notJustified: check.notJustifiedCents / 100,
      outcome: carried ? "carried" : "recovered",
    });
    await recordEvent(tx, ctx, form, {
      kind: "accepted",
      from: "SENT",
      to: "ACCEPTED",
      note,
      summary: { justified: formatCents(check.justifiedCents), notJustified: formatCents(check.notJustifiedCents), carriedOver: carried },
    });
    await notifyEntity(tx, {
      entityId: form.entityId,
      audience: MEMBER_AUDIENCE,
      kind: "rapport_unique.accepted",
      title: msg("ru.inbox.acceptedTitle", { year: form.campaign.year, title: titleRef(def) }),
      body: note,
      link: `/rapport-unique/formulaires/${form.id}`,
    });
    await mailHolders(tx, {
      entityId: form.entityId,
      rights: ["RU_MEMBRE_PERSONNEL"],
      kind: "ru_returned",
      title: msg("ru.inbox.mailAccepted", { year: form.campaign.year, title: titleRef(def) }),
      formId: form.id,
    });
    return { id: form.id, status: "ACCEPTED" as const };
  });
}

export { findForm };
