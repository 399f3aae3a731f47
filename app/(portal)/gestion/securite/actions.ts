"use server";

import { z } from "zod";

import { saveFileExchangeSettings, ZFileExchangeSettings } from "@/lib/forem/fileexchange/partners";
import { defineFormAction } from "@/lib/http/define-action";
import { entityResource } from "@/lib/http/resolve-resource";
import { formatMinute } from "@/lib/security/access-policy";
import { previewAccessPolicy, saveAccessPolicy, ZAccessPolicy } from "@/lib/security/save-access-policy";
import { setSessionIdle } from "@/lib/security/set-session-idle";
import { publishUsagePolicy } from "@/lib/security/usage-policy";
import { safeText } from "@/lib/validation/safe-text";

// The DPD's security settings (issue 6): each one is an entity-level permission of the DPD, on
// the actor's own centre. The domain functions check it again.

const refresh = ["/gestion/securite"];

/** Preview (who would be cut off now) or save, depending on the button pressed. */
export const accessPolicyAction = defineFormAction({
  name: "politique d'accès",
  permission: "entity.manage_access_policy",
  input: z.object({ policy: ZAccessPolicy, intent: z.unknown().optional() }),
  fromForm: (f) => ({
    intent: f.get("intent"),
    policy: {
      isEnforced: f.get("isEnforced") === "on" ? "true" : "false",
      allowedDays: f.getAll("allowedDays"),
      start: f.get("start"),
      end: f.get("end"),
      allowedCidrs: f.get("allowedCidrs") ?? "",
    },
  }),
  resource: ({ actor }) => entityResource(actor),
  run: async ({ actor, meta, input: { policy: input, intent } }) => {
    if (intent === "preview") {
      const p = await previewAccessPolicy(actor, input);
      const names = p.cutOff.map((c) => `${c.name} (${c.reason})`).join(", ");
      return `Aperçu : ${p.openSessions} session(s) ouverte(s) ; ${p.cutOff.length} personne(s) seraient coupées maintenant${names ? ` : ${names}` : ""}. Plage : ${formatMinute(input.start)}–${formatMinute(input.end)}.`;
    }
    await saveAccessPolicy({ actor, meta, input });
    return input.isEnforced ? "Politique d'accès enregistrée et appliquée." : "Politique d'accès enregistrée (non appliquée).";
  },
  revalidate: refresh,
  success: (message) => message,
});

const ZUsagePolicy = z.object({
  title: safeText({ min: 3, max: 200, label: "Titre" }),
  body: safeText({ min: 20, max: 50_000, label: "Texte de la politique" }),
});

export const publishUsagePolicyAction = defineFormAction({
  name: "publier la politique d'utilisation",
  permission: "entity.publish_usage_policy",
  input: ZUsagePolicy,
  resource: ({ actor }) => entityResource(actor),
  run: ({ actor, meta, input }) => publishUsagePolicy({ actor, meta, ...input }),
  revalidate: refresh,
  success: "Nouvelle version publiée : chaque utilisateur devra l'accepter à sa prochaine page.",
});

const ZIdle = z.object({
  minutes: z.coerce
    .number({ error: "Nombre de minutes attendu." })
    .int("Nombre entier de minutes.")
    .min(5, "5 minutes au moins.")
    .max(60, "60 minutes au plus."),
});

export const sessionIdleAction = defineFormAction({
  name: "délai d'inactivité",
  permission: "entity.manage_access_policy",
  input: ZIdle,
  resource: ({ actor }) => entityResource(actor),
  run: async ({ actor, meta, input: { minutes } }) => {
    await setSessionIdle({ actor, meta, minutes });
    return minutes;
  },
  revalidate: refresh,
  success: (minutes) => `Les sessions inactives se fermeront après ${minutes} minutes.`,
});

/** FileExchange: the organisations files may be sent to, and how long sent files are kept. */
export const fileExchangeSettingsAction = defineFormAction({
  name: "partenaires FileExchange",
  permission: "entity.manage_file_exchange",
  input: ZFileExchangeSettings,
  fromForm: (f) => ({ partnerEntityIds: f.getAll("partnerEntityIds"), retentionDays: f.get("retentionDays") }),
  resource: ({ actor }) => entityResource(actor),
  run: ({ actor, meta, input }) => saveFileExchangeSettings({ actor, meta, input }),
  revalidate: [...refresh, "/fileexchange"],
  success: (r) => `${r.partners} partenaire(s) autorisé(s) ; fichiers conservés ${r.retentionDays} jour(s).`,
});
