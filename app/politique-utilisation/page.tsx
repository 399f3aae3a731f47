import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { acceptUsagePolicyAction } from "@/app/politique-utilisation/actions";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ActionForm } from "@/components/ui/action-form";
import { getActor } from "@/lib/auth/get-actor";
import { pendingUsagePolicy } from "@/lib/security/usage-policy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Politique d'utilisation" };

/** Outside the portal layout (which sends here until the current version is accepted). */
export default async function UsagePolicyPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const policy = await pendingUsagePolicy(actor);
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-sm font-semibold text-brand-700">Portail CPAS</p>
            <p className="text-xs text-slate-600">
              {actor.firstName} {actor.lastName} — {actor.entityName}
            </p>
          </div>
          <SignOutButton />
        </div>
      </header>
      <main id="contenu" className="mx-auto max-w-3xl px-4 py-10">
        <div className="rounded-lg border border-slate-200 bg-white p-8">
          {!policy ? (
            <>
              <h1 className="text-2xl font-semibold">Politique d&apos;utilisation</h1>
              <p className="mt-4">Vous avez accepté la version en vigueur.</p>
              <a href="/tableau-de-bord" className="mt-4 inline-block text-brand-700 underline">
                Continuer vers le tableau de bord
              </a>
            </>
          ) : (
            <>
              <h1 className="text-2xl font-semibold">{policy.title}</h1>
              <p className="mt-1 text-sm text-slate-700">
                Version {policy.version} — publiée par le DPD de votre centre. À lire et accepter avant de continuer ; vous pouvez aussi vous déconnecter.
              </p>
              <div
                className="mt-4 max-h-96 overflow-y-auto whitespace-pre-wrap rounded border border-slate-200 bg-slate-50 p-4 text-sm"
                tabIndex={0}
                aria-label="Texte de la politique"
              >
                {policy.body}
              </div>
              <ActionForm action={acceptUsagePolicyAction} submitLabel="J'accepte" className="mt-4 flex flex-col gap-3" label="Accepter la politique">
                <input type="hidden" name="policyId" value={policy.id} />
                <label className="flex items-center gap-2 text-sm">
                  <input type="checkbox" name="accept" required /> J&apos;ai lu la politique d&apos;utilisation et je respecterai sa clause de confidentialité.
                </label>
              </ActionForm>
            </>
          )}
        </div>
      </main>
    </>
  );
}
