import type { Metadata } from "next";

import { completePasswordResetAction } from "@/app/mot-de-passe-oublie/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { findUsableReset, RESET_LINK_INVALID } from "@/lib/auth/password-reset/complete-password-reset";
import { PASSWORD_RULES } from "@/lib/auth/password-policy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Nouveau mot de passe" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await findUsableReset(token);
  return (
    <main id="contenu" className="mx-auto max-w-lg px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-8">
        <h1 className="text-2xl font-semibold">Nouveau mot de passe</h1>
        {!reset ? (
          <p className="mt-4" role="alert" data-testid="alerte">
            {RESET_LINK_INVALID}
          </p>
        ) : (
          <>
            <p className="mt-3 text-sm">
              Choisissez le nouveau mot de passe de <strong>{reset.person.email}</strong>.
            </p>
            <ul className="mt-3 list-disc pl-5 text-sm" aria-label="Règles du mot de passe">
              {PASSWORD_RULES.map((r) => (
                <li key={r.id}>{r.label}</li>
              ))}
            </ul>
            <ActionForm
              action={completePasswordResetAction}
              submitLabel="Changer mon mot de passe"
              className="mt-4 flex flex-col gap-3"
              label="Choisir un nouveau mot de passe"
            >
              <input type="hidden" name="token" value={token} />
              <TextField label="Nouveau mot de passe" name="password" type="password" required />
              <TextField label="Confirmez le mot de passe" name="confirm" type="password" required />
            </ActionForm>
          </>
        )}
        <p className="mt-4 text-sm">
          <a href="/login" className="text-brand-700 underline">
            Page de connexion
          </a>
        </p>
      </div>
    </main>
  );
}
