"use server";

import { db } from "@/lib/db/client";
import { defineFormAction, formFields } from "@/lib/http/define-action";
import { ZId } from "@/lib/http/parse-id";
import { appResource, entityResource } from "@/lib/http/resolve-resource";
import { ruFormResource } from "@/lib/rapport-unique/queries";
import { removeImport } from "@/lib/rapport-unique/spreadsheet";
import { ZCentreData, ZRemoveImport, ZGrant, ZOpenCampaign, ZReturnToMember, ZReview, ZSaveSection, ZSign, ZVersion } from "@/lib/rapport-unique/schemas";
import { markReady, openCampaign, recordGrant, returnToMember, reviewForm, saveCentreData, saveSection, signForm } from "@/lib/rapport-unique/workflow";
import { msg } from "@/lib/i18n/message-ref";

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
      ? msg("ru.actions.sectionVoided", { count: r.voided })
      : r.check.ok
        ? msg("ru.actions.sectionOk")
        : msg("ru.actions.sectionProblems", { count: r.check.problems.length }),
});

export const markReadyAction = defineFormAction({
  name: "rapport unique : prêt pour signature",
  permission: "app.rapport_unique.encode",
  input: ZVersion.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => markReady({ ctx: { actor, meta }, input: { formId: input.formId, version: input.version } }),
  revalidate: PAGES,
  success: msg("ru.actions.ready"),
});

export const signFormAction = defineFormAction({
  name: "rapport unique : signature",
  permission: "app.rapport_unique.sign",
  input: ZSign.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => signForm({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: (r) => (r.sent ? msg(r.late ? "ru.actions.signedSentLate" : "ru.actions.signedSent") : msg("ru.actions.signedWaiting")),
});

export const returnToMemberAction = defineFormAction({
  name: "rapport unique : renvoi au membre du personnel",
  permission: "app.rapport_unique.sign",
  input: ZReturnToMember.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => returnToMember({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: msg("ru.actions.returnedToMember"),
});

export const reviewFormAction = defineFormAction({
  name: "rapport unique : décision du SPP IS",
  permission: "app.rapport_unique.sppis",
  input: ZReview.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => reviewForm({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: (r) => msg(r.status === "ACCEPTED" ? "ru.actions.accepted" : "ru.actions.returnedToCentre"),
});

export const openCampaignAction = defineFormAction({
  name: "rapport unique : ouverture d'une campagne",
  permission: "app.rapport_unique.sppis",
  input: ZOpenCampaign,
  resource: ({ actor }) => entityResource(actor),
  run: ({ actor, meta, input }) => openCampaign({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: msg("ru.actions.campaignOpened"),
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
    r.before !== null
      ? msg("ru.actions.grantChanged", { centre: r.entityName, amount: r.amount / 100, before: r.before / 100 })
      : msg("ru.actions.grantRecorded", { centre: r.entityName, amount: r.amount / 100 }),
});

export const saveCentreDataAction = defineFormAction({
  name: "rapport unique : données du CPAS",
  permission: "app.rapport_unique.encode",
  input: ZCentreData,
  resource: ({ actor }) => appResource(actor, "app.rapport_unique.encode"),
  run: ({ actor, meta, input }) => saveCentreData({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: msg("ru.actions.centreData"),
});

export const removeImportAction = defineFormAction({
  name: "rapport unique : retrait d'un import",
  permission: "app.rapport_unique.encode",
  input: ZRemoveImport.extend({ formId: ZId }),
  resource: onForm,
  run: ({ actor, meta, input }) => removeImport({ ctx: { actor, meta }, input }),
  revalidate: PAGES,
  success: msg("ru.actions.importRemoved"),
});
