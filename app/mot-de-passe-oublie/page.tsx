import type { Metadata } from "next";

import { requestPasswordResetAction } from "@/app/mot-de-passe-oublie/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mot de passe oublié" };

export default function ForgottenPasswordPage() {
  return (
    <main id="contenu" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-medium uppercase tracking-wide text-brand-700">Portail CPAS</p>
        <h1 className="mt-1 text-2xl font-semibold">Mot de passe oublié</h1>
        <p className="mt-3 text-sm">
          Indiquez l&apos;adresse e-mail de votre compte : vous y recevrez un lien pour choisir un nouveau mot de passe. La double authentification reste
          demandée à la connexion suivante.
        </p>
        <ActionForm
          action={requestPasswordResetAction}
          submitLabel="Recevoir un lien"
          className="mt-4 flex flex-col gap-3"
          label="Demander un lien de réinitialisation"
        >
          <TextField label="Adresse e-mail" name="email" type="email" required />
        </ActionForm>
        <p className="mt-4 text-sm">
          Téléphone perdu (plus de code de double authentification ni de code de récupération) ? Votre gestionnaire local peut réinitialiser votre double
          authentification.
        </p>
        <p className="mt-4 text-sm">
          <a href="/login" className="text-brand-700 underline">
            Retour à la connexion
          </a>
        </p>
      </div>
    </main>
  );
}
