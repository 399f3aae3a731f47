import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { MailPreferencesForm } from "@/components/mail/mail-preferences-form";
import { can } from "@/lib/access/can";
import { getActor } from "@/lib/auth/get-actor";
import { getMyMailPreferences } from "@/lib/outbox/mail-preferences";
import { WORK_NOTIFICATIONS } from "@/lib/outbox/notify-work";

import { saveMailPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Mes courriels" };

export default async function MailPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const preferences = await getMyMailPreferences(actor);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Mes courriels</h1>
      <p className="text-sm text-slate-700">
        Les avis de sécurité (nouvelle connexion, mot de passe changé, double authentification réinitialisée, compte verrouillé, sessions fermées) vous sont
        toujours envoyés. Pour les notifications de travail, choisissez : tout de suite, dans un résumé quotidien (le matin), ou pas du tout.
      </p>
      <MailPreferencesForm action={saveMailPreferencesAction} kinds={WORK_NOTIFICATIONS} preferences={preferences} />
      {can(actor, "entity.view_mail_failures", { entityId: actor.entityId }) && (
        <p className="text-sm">
          <Link href="/courriels/echecs" className="text-brand-700 underline">
            Courriels du centre non envoyés (DPD)
          </Link>
        </p>
      )}
    </div>
  );
}
