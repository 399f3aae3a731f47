import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { MailPreferencesForm } from "@/components/mail/mail-preferences-form";
import { can } from "@/lib/access/can";
import { getActor } from "@/lib/auth/get-actor";
import { getMyMailPreferences } from "@/lib/outbox/mail-preferences";
import { WORK_KINDS } from "@/lib/outbox/notify-work";

import { saveMailPreferencesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mail.preferences");
  return { title: t("title") };
}

export default async function MailPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const [preferences, t] = await Promise.all([getMyMailPreferences(actor), getTranslations("mail")]);
  const kinds = Object.fromEntries(WORK_KINDS.map((k) => [k, t(`kinds.${k}`)]));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("preferences.title")}</h1>
      <p className="text-sm text-slate-700">{t("preferences.intro")}</p>
      <MailPreferencesForm action={saveMailPreferencesAction} kinds={kinds} preferences={preferences} />
      {can(actor, "entity.view_mail_failures", { entityId: actor.entityId }) && (
        <p className="text-sm">
          <Link href="/courriels/echecs" className="text-brand-700 underline">
            {t("preferences.failuresLink")}
          </Link>
        </p>
      )}
    </div>
  );
}
