"use server";

import { db } from "@/lib/db/client";
import { defineAction, formFields, formInput } from "@/lib/http/define-action";
import { ZId } from "@/lib/http/parse-id";
import { appResource, entityResource } from "@/lib/http/resolve-resource";
import { ruFormResource } from "@/lib/rapport-unique/queries";
import { ZCentreData, ZGrant, ZOpenCampaign, ZReturnToMember, ZReview, ZSaveSection, ZSign, ZVersion } from "@/lib/rapport-unique/schemas";
import { markReady, openCampaign, recordGrant, returnToMember, reviewForm, saveCentreData, saveSection, signForm } from "@/lib/rapport-unique/workflow";
import { formatCents } from "@/lib/rapport-unique/money";

// The Rapport unique commands (issue 10). Each declares its permission and the resource it is
// checked on: the form named by the bound id (in the actor's centre, or sent to the SPP IS; 404
// otherwise), or the centre's Rapport unique application. The domain functions check again.

const onForm = ({ actor, args }: { actor: Parameters<typeof ruFormResource>[0]; args: readonly [string, ...unknown[]] }) => ruFormResource(actor, args[0]);
const PAGES = ["/rapport-unique"];

export const saveSectionAction = defineAction({
  name: "rapport unique : enregistrement d'une mesure",
  permission: "app.rapport_unique.encode",
  args: [ZId],
  input: formInput(ZSaveSection),
  resource: onForm,
  run: ({ actor, meta, args: [id], input }) =>
    saveSection({ ctx: { actor, meta }, input: { formId: id, version: input.version, section: input.section, raw: input.payload } }),
  revalidate: PAGES,
  success: (r) =>
    r.voided
      ? `Mesure enregistrée. ${r.voided} signature(s) déjà données sont annulées : le formulaire est revenu en encodage.`
      : r.check.ok
        ? "Mesure enregistrée. Le formulaire respecte toutes les règles."
        : `Mesure enregistrée comme brouillon. ${r.check.problems.length} problème(s) restent à corriger avant la signature.`,
});

export const markReadyAction = defineAction({
  name: "rapport unique : prêt pour signature",
  permission: "app.rapport_unique.encode",
  args: [ZId],
  input: formInput(ZVersion),
  resource: onForm,
  run: ({ actor, meta, args: [id], input }) => markReady({ ctx: { actor, meta }, input: { formId: id, version: input.version } }),
  revalidate: PAGES,
  success: "Formulaire prêt pour signature : le secrétaire et le président ont été prévenus.",
});

export const signFormAction = defineAction({
  name: "rapport unique : signature",
  permission: "app.rapport_unique.sign",
  args: [ZId],
  input: formInput(ZSign),
  resource: onForm,
  run: ({ actor, meta, args: [id], input }) => signForm({ ctx: { actor, meta }, input: { formId: id, ...input } }),
  revalidate: PAGES,
  success: (r) =>
    r.sent
      ? `Signature enregistrée. Les deux signatures sont données : le formulaire est envoyé au SPP IS${r.late ? " (après l'échéance)" : ""}.`
      : "Signature enregistrée. Le formulaire attend la seconde signature.",
});

export const returnToMemberAction = defineAction({
  name: "rapport unique : renvoi au membre du personnel",
  permission: "app.rapport_unique.sign",
  args: [ZId],
  input: formInput(ZReturnToMember),
  resource: onForm,
  run: ({ actor, meta, args: [id], input }) => returnToMember({ ctx: { actor, meta }, input: { formId: id, ...input } }),
  revalidate: PAGES,
  success: "Formulaire renvoyé au membre du personnel avec votre commentaire.",
});

export const reviewFormAction = defineAction({
  name: "rapport unique : décision du SPP IS",
  permission: "app.rapport_unique.sppis",
  args: [ZId],
  input: formInput(ZReview),
  resource: onForm,
  run: ({ actor, meta, args: [id], input }) => reviewForm({ ctx: { actor, meta }, input: { formId: id, ...input } }),
  revalidate: PAGES,
  success: (r) => (r.status === "ACCEPTED" ? "Formulaire accepté : le CPAS en est informé." : "Formulaire renvoyé au CPAS pour correction, avec votre motif."),
});

export const openCampaignAction = defineAction({
  name: "rapport unique : ouverture d'une campagne",
  permission: "app.rapport_unique.sppis",
  input: formInput(ZOpenCampaign),
  resource: ({ actor }) => entityResource(actor),
  run: ({ actor, meta, input }) => openCampaign({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: "Campagne ouverte : chaque CPAS y trouve ses formulaires.",
});

export const recordGrantAction = defineAction({
  name: "rapport unique : montant octroyé",
  permission: "app.rapport_unique.sppis",
  // The page picks subvention and envelope in one list (« FORM.ENVELOPE »).
  input: formInput(ZGrant, (f) => {
    const [formCode, envelopeCode] = String(f.get("envelope") ?? "").split(".");
    return { ...formFields(f), formCode, envelopeCode };
  }),
  resource: ({ actor }) => entityResource(actor),
  run: ({ actor, meta, input: { amount, ...rest } }) =>
    db.$transaction(async (tx) => ({ ...(await recordGrant(tx, { actor, meta }, { ...rest, amountCents: amount })), amount })),
  revalidate: PAGES,
  success: (r) =>
    `Montant octroyé enregistré pour ${r.entityName} : ${formatCents(r.amount)}${r.before !== null ? ` (auparavant ${formatCents(r.before)})` : ""}.`,
});

export const saveCentreDataAction = defineAction({
  name: "rapport unique : données du CPAS",
  permission: "app.rapport_unique.encode",
  input: formInput(ZCentreData),
  resource: ({ actor }) => appResource(actor, "app.rapport_unique.encode"),
  run: ({ actor, meta, input }) => saveCentreData({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: "Données du CPAS enregistrées.",
});
