import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { EndPersonSessionsForm } from "@/components/security/end-person-sessions-form";
import { SessionsTable } from "@/components/security/sessions-table";
import { getActor } from "@/lib/auth/get-actor";
import { listMySessions } from "@/lib/sessions/list-my-sessions";

import { endMySessionAction, endPersonSessionsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessions");
  return { title: t("title") };
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<{ fermee?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const [sessions, params, t] = await Promise.all([listMySessions(actor), searchParams, getTranslations("sessions")]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="mes-sessions" className="space-y-3">
        <h1 id="mes-sessions" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-700">{t("intro")}</p>
        {params.fermee === "1" && (
          <p role="status" data-testid="confirmation" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
            {t("ended")}
          </p>
        )}
        <SessionsTable sessions={sessions} endAction={endMySessionAction} />
      </section>
      {actor.isDpd && (
        <section aria-labelledby="sessions-personne" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="sessions-personne" className="text-lg font-semibold">
            {t("dpd.title")}
          </h2>
          <p className="text-sm text-slate-700">{t("dpd.intro")}</p>
          <EndPersonSessionsForm action={endPersonSessionsAction} />
        </section>
      )}
    </div>
  );
}
