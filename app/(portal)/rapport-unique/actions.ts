"use server";

import { db } from "@/lib/db/client";
import { defineFormAction, formFields } from "@/lib/http/define-action";
import { ZId } from "@/lib/http/parse-id";
import { appResource, entityResource } from "@/lib/http/resolve-resource";
import { ruFormResource } from "@/lib/rapport-unique/queries";
import { removeImport } from "@/lib/rapport-unique/spreadsheet";
import { ZCentreData, ZRemoveImport, ZGrant, ZOpenCampaign, ZReturnToMember, ZReview, ZSaveSection, ZSign, ZVersion } from "@/lib/rapport-unique/schemas";
import { markReady, openCampaign, recordGrant, returnToMember, reviewForm, saveCentreData, saveSection, signForm } from "@/lib/rapport-unique/workflow";
import { formatCents } from "@/lib/rapport-unique/money";

// The Rapport unique commands (issue 10). Each declares its permission and the resource it is
// checked on: the form named by the bound id (in the actor's centre, or sent to the SPP IS; 404
// otherwise), or the centre's Rapport unique application. The domain functions check again.

const onForm = ({ actor, input }: { actor: Parameters<typeof ruFormResource>[0]; input: { formId: string } }) => ruFormResource(actor, input.formId);
const PAGES = ["/rapport-unique"];

export const saveSectionAction = defineFormAction({
  name: "rapport unique : enregistrement d'une mesure",
  permission: "app.rapport_unique.encode",
  input: ZSaveSection.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) =>
    saveSection({ ctx: { actor, meta }, input: { formId: input.formId, version: input.version, section: input.section, raw: input.payload } }),
  revalidate: PAGES,
  success: (r) =>
    r.voided
      ? `Mesure enregistrée. ${r.voided} signature(s) déjà données sont annulées : le formulaire est revenu en encodage.`
      : r.check.ok
        ? "Mesure enregistrée. Le formulaire respecte toutes les règles."
        : `Mesure enregistrée comme brouillon. ${r.check.problems.length} problème(s) restent à corriger avant la signature.`,
});

export const markReadyAction = defineFormAction({
  name: "rapport unique : prêt pour signature",
  permission: "app.rapport_unique.encode",
  input: ZVersion.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => markReady({ ctx: { actor, meta }, input: { formId: input.formId, version: input.version } }),
  revalidate: PAGES,
  success: "Formulaire prêt pour signature : le secrétaire et le président ont été prévenus.",
});

export const signFormAction = defineFormAction({
  name: "rapport unique : signature",
  permission: "app.rapport_unique.sign",
  input: ZSign.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => signForm({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: (r) =>
    r.sent
      ? `Signature enregistrée. Les deux signatures sont données : le formulaire est envoyé au SPP IS${r.late ? " (après l'échéance)" : ""}.`
      : "Signature enregistrée. Le formulaire attend la seconde signature.",
});

export const returnToMemberAction = defineFormAction({
  name: "rapport unique : renvoi au membre du personnel",
  permission: "app.rapport_unique.sign",
  input: ZReturnToMember.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => returnToMember({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: "Formulaire renvoyé au membre du personnel avec votre commentaire.",
});

export const reviewFormAction = defineFormAction({
  name: "rapport unique : décision du SPP IS",
  permission: "app.rapport_unique.sppis",
  input: ZReview.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => reviewForm({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: (r) => (r.status === "ACCEPTED" ? "Formulaire accepté : le CPAS en est informé." : "Formulaire renvoyé au CPAS pour correction, avec votre motif."),
});

export const openCampaignAction = defineFormAction({
  name: "rapport unique : ouverture d'une campagne",
  permission: "app.rapport_unique.sppis",
  input: ZOpenCampaign,
  resource: ({ actor }) => entityResource(actor),
  run: ({ actor, meta, input }) => openCampaign({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: "Campagne ouverte : chaque CPAS y trouve ses formulaires.",
});

export const recordGrantAction = defineFormAction({
  name: "rapport unique : montant octroyé",
  permission: "app.rapport_unique.sppis",
  // The page picks subvention and envelope in one list (« FORM.ENVELOPE »).
  input: ZGrant,
  fromForm: (f) => {
    const [formCode, envelopeCode] = String(f.get("envelope") ?? "").split(".");
    return { ...formFields(f), formCode, envelopeCode };
  },
  resource: ({ actor }) => entityResource(actor),
  run: ({ actor, meta, input: { amount, ...rest } }) =>
    db.$transaction(async (tx) => ({ ...(await recordGrant(tx, { actor, meta }, { ...rest, amountCents: amount })), amount })),
  revalidate: PAGES,
  success: (r) =>
    `Montant octroyé enregistré pour ${r.entityName} : ${formatCents(r.amount)}${r.before !== null ? ` (auparavant ${formatCents(r.before)})` : ""}.`,
});

export const saveCentreDataAction = defineFormAction({
  name: "rapport unique : données du CPAS",
  permission: "app.rapport_unique.encode",
  input: ZCentreData,
  resource: ({ actor }) => appResource(actor, "app.rapport_unique.encode"),
  run: ({ actor, meta, input }) => saveCentreData({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: "Données du CPAS enregistrées.",
});

export const removeImportAction = defineFormAction({
  name: "rapport unique : retrait d'un import",
  permission: "app.rapport_unique.encode",
  input: ZRemoveImport.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => removeImport({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: "Import retiré : la mesure peut être encodée en ligne ou importée à nouveau.",
});
