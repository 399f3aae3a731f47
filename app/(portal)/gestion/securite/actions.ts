"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";

import { requireActor } from "@/lib/auth/get-actor";
import { requestMeta } from "@/lib/http/request-context";
import { parseInput, runAction, type ActionState } from "@/lib/http/server-action";
import { formatMinute } from "@/lib/security/access-policy";
import { previewAccessPolicy, saveAccessPolicy, ZAccessPolicy } from "@/lib/security/save-access-policy";
import { setSessionIdle } from "@/lib/security/set-session-idle";
import { publishUsagePolicy } from "@/lib/security/usage-policy";
import { safeText } from "@/lib/validation/safe-text";
import { saveFileExchangeSettings, ZFileExchangeSettings } from "@/lib/forem/fileexchange/partners";

function policyInput(f: FormData) {
  return parseInput(ZAccessPolicy, {
    isEnforced: f.get("isEnforced") === "on" ? "true" : "false",
    allowedDays: f.getAll("allowedDays"),
    start: f.get("start"),
    end: f.get("end"),
    allowedCidrs: f.get("allowedCidrs") ?? "",
  });
}

/** Preview (who would be cut off now) or save, depending on the button pressed. */
export async function accessPolicyAction(_: ActionState<unknown>, f: FormData): Promise<ActionState<unknown>> {
  const intent = f.get("intent");
  const state = await runAction("politique d'accès", async () => {
    const actor = await requireActor();
    const input = policyInput(f);
    if (intent === "preview") {
      const p = await previewAccessPolicy(actor, input);
      const names = p.cutOff.map((c) => `${c.name} (${c.reason})`).join(", ");
      return `Aperçu : ${p.openSessions} session(s) ouverte(s) ; ${p.cutOff.length} personne(s) seraient coupées maintenant${names ? ` : ${names}` : ""}. Plage : ${formatMinute(input.start)}–${formatMinute(input.end)}.`;
    }
    await saveAccessPolicy({ actor, meta: await requestMeta(), input });
    return input.isEnforced ? "Politique d'accès enregistrée et appliquée." : "Politique d'accès enregistrée (non appliquée).";
  });
  if (state.status !== "success") return state;
  revalidatePath("/gestion/securite");
  return { ...state, message: state.data };
}

const ZUsagePolicy = z.object({
  title: safeText({ min: 3, max: 200, label: "Titre" }),
  body: safeText({ min: 20, max: 50_000, label: "Texte de la politique" }),
});

export async function publishUsagePolicyAction(_: ActionState<unknown>, f: FormData): Promise<ActionState<unknown>> {
  const state = await runAction("publier la politique d'utilisation", async () => {
    const actor = await requireActor();
    const input = parseInput(ZUsagePolicy, Object.fromEntries(f));
    return publishUsagePolicy({ actor, meta: await requestMeta(), ...input });
  });
  if (state.status !== "success") return state;
  revalidatePath("/gestion/securite");
  return { ...state, message: "Nouvelle version publiée : chaque utilisateur devra l'accepter à sa prochaine page." };
}

const ZIdle = z.object({
  minutes: z.coerce
    .number({ error: "Nombre de minutes attendu." })
    .int("Nombre entier de minutes.")
    .min(5, "5 minutes au moins.")
    .max(60, "60 minutes au plus."),
});

export async function sessionIdleAction(_: ActionState<unknown>, f: FormData): Promise<ActionState<unknown>> {
  const state = await runAction("délai d'inactivité", async () => {
    const actor = await requireActor();
    const { minutes } = parseInput(ZIdle, Object.fromEntries(f));
    await setSessionIdle({ actor, meta: await requestMeta(), minutes });
    return minutes;
  });
  if (state.status !== "success") return state;
  revalidatePath("/gestion/securite");
  return { ...state, message: `Les sessions inactives se fermeront après ${state.data} minutes.` };
}

/** FileExchange: the organisations files may be sent to, and how long sent files are kept. */
export async function fileExchangeSettingsAction(_: ActionState<unknown>, f: FormData): Promise<ActionState<unknown>> {
  const state = await runAction("partenaires FileExchange", async () => {
    const actor = await requireActor();
    const input = parseInput(ZFileExchangeSettings, { partnerEntityIds: f.getAll("partnerEntityIds"), retentionDays: f.get("retentionDays") });
    return saveFileExchangeSettings({ actor, meta: await requestMeta(), input });
  });
  if (state.status !== "success") return state;
  revalidatePath("/gestion/securite");
  revalidatePath("/fileexchange");
  return { ...state, message: `${state.data.partners} partenaire(s) autorisé(s) ; fichiers conservés ${state.data.retentionDays} jour(s).` };
}
