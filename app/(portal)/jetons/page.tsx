import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { TokensTable } from "@/components/api-tokens/tokens-table";
import { canAnywhere } from "@/lib/access/can";
import { listMyApiTokens } from "@/lib/api-tokens";
import { getActor } from "@/lib/auth/get-actor";

import { createApiTokenAction, resumeApiTokenAction, revokeApiTokenAction } from "./actions";

export const metadata: Metadata = { title: "Jetons d'API" };

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ revoque?: string; reactive?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const canCreate = canAnywhere(actor, "app.c607.api_token");
  const [tokens, params] = await Promise.all([listMyApiTokens(actor), searchParams]);
  // Technical users only; someone who lost the role still sees (and can revoke) what they own.
  if (!canCreate && tokens.length === 0) notFound();
  const hasC607 = canAnywhere(actor, "app.c607");
  return (
    <div className="space-y-8">
      <section aria-labelledby="jetons" className="space-y-3">
        <h1 id="jetons" className="text-2xl font-semibold">
          Jetons d&apos;API
        </h1>
        <p className="text-sm text-slate-700">
          Un jeton personnel permet à un logiciel d&apos;appeler l&apos;API des demandes C60.7 en votre nom, sans navigateur, avec l&apos;en-tête{" "}
          <code className="font-mono text-xs">Authorization: Bearer cpas_…</code>. Il a exactement vos droits : il faut aussi le droit <em>Agent Social</em>. Il
          cesse de fonctionner dès qu&apos;il est révoqué, si vous n&apos;êtes plus utilisateur technique, et il est suspendu tant que votre compte est
          verrouillé ou bloqué. Quand le DPD ferme toutes vos sessions, vos jetons sont révoqués. Chaque appel est inscrit au journal comme une action de votre
          part.
        </p>
        {!hasC607 && (
          <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            Vous n&apos;avez pas le droit <em>Agent Social</em> : l&apos;API C60.7 refusera vos jetons (403) tant que votre gestionnaire ne vous l&apos;a pas
            attribué.
          </p>
        )}
        {params.reactive === "1" && (
          <p role="status" data-testid="confirmation" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
            Jeton réactivé : ses prochains appels seront acceptés.
          </p>
        )}
        {params.revoque === "1" && (
          <p role="status" data-testid="confirmation" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
            Jeton révoqué : ses prochains appels seront refusés.
          </p>
        )}
      </section>
      {canCreate && (
        <section aria-labelledby="nouveau" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="nouveau" className="text-lg font-semibold">
            Nouveau jeton
          </h2>
          <CreateTokenForm action={createApiTokenAction} />
        </section>
      )}
      <section aria-labelledby="liste" className="space-y-3">
        <h2 id="liste" className="text-lg font-semibold">
          Mes jetons
        </h2>
        <TokensTable tokens={tokens} revokeAction={revokeApiTokenAction} resumeAction={resumeApiTokenAction} />
      </section>
    </div>
  );
}
