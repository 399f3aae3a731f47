import type { Metadata } from "next";
import Link from "next/link";

import { LoginFlow } from "@/components/auth/login-flow";
import { safeCallbackPath } from "@/lib/http/safe-redirect";
import { isDemoMailboxOn } from "@/lib/outbox/demo-mailbox";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Connexion" };

const REASONS: Record<string, string> = {
  inactivite: "Votre session a été fermée après une période d'inactivité.",
  deconnexion: "Vous êtes déconnecté. Fermez le navigateur si vous quittez votre poste.",
  expiree: "Votre session a pris fin. Reconnectez-vous.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const reason = typeof params.raison === "string" ? REASONS[params.raison] : undefined;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">Portail CPAS</p>
        <h1 className="mt-1 text-2xl font-semibold">Connexion</h1>
        {reason && (
          <p className="mt-4 rounded border border-sky-200 bg-sky-50 p-3 text-sm text-sky-900" role="status">
            {reason}
          </p>
        )}
        <LoginFlow callbackUrl={callbackUrl} />
        <p className="mt-4 text-sm">
          <Link href="/mot-de-passe-oublie" className="text-brand-700 underline">
            Mot de passe oublié ?
          </Link>
          {isDemoMailboxOn() && (
            <>
              {" · "}
              <a href="/courriels-demo" className="text-brand-700 underline">
                Boîte de démonstration (courriels)
              </a>
            </>
          )}
        </p>
      </div>
      <p className="mt-6 text-center text-xs text-slate-600">
        Accès réservé au personnel du CPAS. Chaque connexion est journalisée (mesures de sécurité BCSS).
      </p>
    </main>
  );
}
