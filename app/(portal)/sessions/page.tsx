import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { EndPersonSessionsForm } from "@/components/security/end-person-sessions-form";
import { SessionsTable } from "@/components/security/sessions-table";
import { getActor } from "@/lib/auth/get-actor";
import { listMySessions } from "@/lib/sessions/list-my-sessions";

import { endMySessionAction, endPersonSessionsAction } from "./actions";

export const metadata: Metadata = { title: "Mes sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<{ fermee?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const [sessions, params] = await Promise.all([listMySessions(actor), searchParams]);
  return (
    <div className="space-y-8">
      <section aria-labelledby="mes-sessions" className="space-y-3">
        <h1 id="mes-sessions" className="text-2xl font-semibold">
          Mes sessions
        </h1>
        <p className="text-sm text-slate-700">
          Les appareils sur lesquels vous êtes connecté. Fermez une session que vous ne reconnaissez pas ou que vous avez oublié de fermer : elle sera renvoyée
          vers la page de connexion à sa prochaine action.
        </p>
        {params.fermee === "1" && (
          <p role="status" data-testid="confirmation" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
            Session fermée : elle sera renvoyée vers la page de connexion à sa prochaine action.
          </p>
        )}
        <SessionsTable sessions={sessions} endAction={endMySessionAction} />
      </section>
      {actor.isDpd && (
        <section aria-labelledby="sessions-personne" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="sessions-personne" className="text-lg font-semibold">
            Fermer toutes les sessions d&apos;une personne (DPD)
          </h2>
          <p className="text-sm text-slate-700">
            En tant que DPD, vous pouvez fermer toutes les sessions actives d&apos;une personne de votre centre (appareil perdu, départ, suspicion d&apos;usage
            frauduleux). L&apos;action est inscrite au journal de sécurité.
          </p>
          <EndPersonSessionsForm action={endPersonSessionsAction} />
        </section>
      )}
    </div>
  );
}
