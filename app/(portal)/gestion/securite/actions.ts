"use server";

import { z } from "zod";

import { saveFileExchangeSettings, ZFileExchangeSettings } from "@/lib/forem/fileexchange/partners";
import { defineFormAction } from "@/lib/http/define-action";
import { entityResource } from "@/lib/http/resolve-resource";
import { formatMinute } from "@/lib/security/access-policy";
import { previewAccessPolicy, saveAccessPolicy, ZAccessPolicy } from "@/lib/security/save-access-policy";
import { setSessionIdle } from "@/lib/security/set-session-idle";
import { publishUsagePolicy } from "@/lib/security/usage-policy";
import { text } from "@/lib/access/manage/schemas";
import { msg } from "@/lib/i18n/message-ref";
import { currentLocale } from "@/lib/i18n/server";
import { localize } from "@/lib/i18n/translator";

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
      const [p, locale] = await Promise.all([previewAccessPolicy(actor, input), currentLocale()]);
      const names = p.cutOff.map((c) => `${c.name} (${localize(locale, c.reason)})`).join(", ");
      return msg("access.security.previewResult", {
        open: p.openSessions,
        cut: p.cutOff.length,
        hasNames: names ? "true" : "false",
        names,
        start: formatMinute(input.start),
        end: formatMinute(input.end),
      });
    }
    await saveAccessPolicy({ actor, meta, input });
    return input.isEnforced ? msg("access.security.saved") : msg("access.security.savedNotEnforced");
  },
  revalidate: refresh,
  success: (message) => message,
});

const ZUsagePolicy = z.object({
  title: text({ min: 3, max: 200, field: "policyTitle" }),
  body: text({ min: 20, max: 50_000, field: "policyBody" }),
});

export const publishUsagePolicyAction = defineFormAction({
  name: "publier la politique d'utilisation",
  permission: "entity.publish_usage_policy",
  input: ZUsagePolicy,
  resource: ({ actor }) => entityResource(actor),
  run: ({ actor, meta, input }) => publishUsagePolicy({ actor, meta, ...input }),
  revalidate: refresh,
  success: msg("access.security.published"),
});

const ZIdle = z.object({
  minutes: z.coerce
    .number({ error: msg("access.security.minutesExpected") })
    .int(msg("access.security.minutesInteger"))
    .min(5, msg("access.security.minutesMin"))
    .max(60, msg("access.security.minutesMax")),
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
  success: (minutes) => msg("access.security.idleSaved", { minutes }),
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
  success: (r) => msg("access.security.fileExchangeSaved", { partners: r.partners, days: r.retentionDays }),
});
