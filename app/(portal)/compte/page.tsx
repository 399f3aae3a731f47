import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";

import { changePasswordAction } from "@/app/(portal)/compte/actions";
import { dateTimeFr as dateTime, EventsTable, GrantsList, Panel as Section, RolesList } from "@/components/access/person-panels";
import { RecoveryCodesRegeneration, TotpReenrolment } from "@/components/auth/account-second-factor";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { loadAccount } from "@/lib/auth/account/load-account";
import { getActor } from "@/lib/auth/get-actor";
import { PASSWORD_RULES } from "@/lib/auth/password-policy";

export const metadata: Metadata = { title: "Mon compte" };

/** « Mon compte » (issue 11): my roles and rights, my password, my second factor, my last sign-ins. */
export default async function AccountPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const account = await loadAccount(actor);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Mon compte</h1>
        <p className="mt-1 text-sm text-slate-700">
          {actor.firstName} {actor.lastName} — {actor.email} — {actor.entityName}
        </p>
      </div>
      <Section id="compte-roles" title="Mes rôles et droits">
        {account.roles.length === 0 && account.grants.length === 0 && <p>Aucun rôle ni droit d&apos;accès pour l&apos;instant.</p>}
        {actor.isDpd && <p className="mb-1">Délégué à la protection des données (DPD) du centre.</p>}
        {account.roles.length > 0 && <RolesList roles={account.roles} />}
        {account.grants.length > 0 && (
          <div className="mt-2">
            <GrantsList grants={account.grants} />
          </div>
        )}
        <p className="mt-2 text-slate-700">Pour un droit de plus ou de moins, adressez-vous au gestionnaire local de votre qualité.</p>
      </Section>
      <Section id="compte-mot-de-passe" title="Mot de passe">
        {account.person.passwordChangedAt && <p>Dernière modification : {dateTime.format(account.person.passwordChangedAt)}.</p>}
        <p className="mt-1">Le nouveau mot de passe doit compter :</p>
        <ul className="list-disc pl-5">
          {PASSWORD_RULES.map((r) => (
            <li key={r.id}>{r.label}</li>
          ))}
        </ul>
        <ActionForm action={changePasswordAction} submitLabel="Changer le mot de passe" label="Changer le mot de passe" className="mt-3 grid max-w-md gap-3">
          <TextField label="Mot de passe actuel" name="currentPassword" type="password" required />
          <TextField label="Nouveau mot de passe" name="newPassword" type="password" required />
          <TextField label="Confirmez le nouveau mot de passe" name="confirmation" type="password" required />
          <TextField label="Code de votre application d'authentification" name="code" required />
        </ActionForm>
        <p className="mt-2 text-slate-700">Vos autres sessions ouvertes sont fermées quand le mot de passe change.</p>
      </Section>
      <Section id="compte-second-facteur" title="Double authentification">
        <p>
          {account.person.totpEnabledAt ? `Application configurée le ${dateTime.format(account.person.totpEnabledAt)}.` : "Aucune application configurée."}{" "}
          Nouveau téléphone ? Configurez la nouvelle application ici, avec un code de l&apos;actuelle.
        </p>
        <TotpReenrolment />
      </Section>
      <Section id="compte-codes" title="Codes de récupération">
        <p>
          Il vous reste {account.recoveryLeft} code(s) de récupération non utilisé(s). Chacun permet une seule connexion si vous n&apos;avez plus votre
          téléphone.
        </p>
        <RecoveryCodesRegeneration />
      </Section>
      <Section id="compte-connexions" title="Mes dernières connexions">
        {account.signIns.length === 0 ? (
          <p>Aucune connexion enregistrée.</p>
        ) : (
          <EventsTable
            caption="Dernières connexions et tentatives (heure de Bruxelles)"
            lastColumn="Adresse"
            events={account.signIns.map((e) => ({ ...e, last: e.ip ?? "—" }))}
          />
        )}
        <p className="mt-2">
          Une connexion que vous ne reconnaissez pas ? Changez votre mot de passe et prévenez le DPD de votre centre.{" "}
          <Link href="/sessions" className="text-brand-700 underline">
            Mes sessions ({account.activeSessions} ouverte(s))
          </Link>
        </p>
      </Section>
    </div>
  );
}
