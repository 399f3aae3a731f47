import type { Metadata } from "next";

import { acceptInvitationAction } from "@/app/invitation/actions";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { findUsableInvitation } from "@/lib/access/manage/accept-invitation";
import { PASSWORD_RULES } from "@/lib/auth/password-policy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Activer votre compte" };

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await findUsableInvitation(token);
  return (
    <main id="contenu" className="mx-auto max-w-lg px-4 py-10">
      <div className="rounded-lg border border-slate-200 bg-white p-8">
        <h1 className="text-2xl font-semibold">Activer votre compte</h1>
        {!invitation ? (
          <p className="mt-4" role="alert" data-testid="alerte">
            Ce lien d&apos;invitation n&apos;est plus valable (déjà utilisé, expiré ou retiré). Demandez une nouvelle invitation à votre gestionnaire local.
          </p>
        ) : (
          <>
            <p className="mt-3 text-sm">
              Bonjour {invitation.person.firstName} {invitation.person.lastName}, choisissez votre mot de passe pour <strong>{invitation.person.email}</strong>.
            </p>
            <ul className="mt-3 list-disc pl-5 text-sm" aria-label="Règles du mot de passe">
              {PASSWORD_RULES.map((r) => (
                <li key={r.id}>{r.label}</li>
              ))}
            </ul>
            <ActionForm action={acceptInvitationAction} submitLabel="Activer mon compte" className="mt-4 flex flex-col gap-3" label="Choisir un mot de passe">
              <input type="hidden" name="token" value={token} />
              <TextField label="Nouveau mot de passe" name="password" type="password" required />
              <TextField label="Confirmez le mot de passe" name="confirm" type="password" required />
            </ActionForm>
            <p className="mt-4 text-sm">
              Ensuite :{" "}
              <a href="/login" className="text-brand-700 underline">
                page de connexion
              </a>
              .
            </p>
          </>
        )}
      </div>
    </main>
  );
}
