import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";

import { changePasswordAction } from "@/app/(portal)/compte/actions";
import { EventsTable, GrantsList, Panel as Section, RolesList } from "@/components/access/person-panels";
import { RecoveryCodesRegeneration, TotpReenrolment } from "@/components/auth/account-second-factor";
import { PasswordRules } from "@/components/auth/password-rules";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { ActionForm, TextField } from "@/components/ui/action-form";
import { loadAccount } from "@/lib/auth/account/load-account";
import { getActor } from "@/lib/auth/get-actor";
import { LOCALE_NAMES, LOCALE_TAGS } from "@/lib/i18n/locales";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** « Mon compte » (issue 11): my roles and rights, my password, my second factor, my language, my last sign-ins. */
export default async function AccountPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const [account, t, format] = await Promise.all([loadAccount(actor), getTranslations("account"), getFormatter()]);
  const dateTime = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-700">
          {actor.firstName} {actor.lastName} — {actor.email} — {actor.entityName}
        </p>
      </div>
      <Section id="compte-roles" title={t("roles.title")}>
        {account.roles.length === 0 && account.grants.length === 0 && <p>{t("roles.none")}</p>}
        {actor.isDpd && <p className="mb-1">{t("roles.dpd")}</p>}
        {account.roles.length > 0 && <RolesList roles={account.roles} />}
        {account.grants.length > 0 && (
          <div className="mt-2">
            <GrantsList grants={account.grants} />
          </div>
        )}
        <p className="mt-2 text-slate-700">{t("roles.askManager")}</p>
      </Section>
      <Section id="compte-langue" title={t("language.title")}>
        <p>
          {t.rich("language.current", {
            language: LOCALE_NAMES[actor.language],
            strong: (chunks) => <strong lang={LOCALE_TAGS[actor.language]}>{chunks}</strong>,
          })}
        </p>
        <p className="mt-1 text-slate-700">{t("language.explain")}</p>
        <LanguageSwitch account className="mt-2" />
      </Section>
      <Section id="compte-mot-de-passe" title={t("password.title")}>
        {account.person.passwordChangedAt && <p>{t("password.lastChanged", { at: dateTime(account.person.passwordChangedAt) })}</p>}
        <p className="mt-1">{t("password.mustHave")}</p>
        <PasswordRules className="list-disc pl-5" labelled={false} />
        <ActionForm action={changePasswordAction} submitLabel={t("password.submit")} label={t("password.submit")} className="mt-3 grid max-w-md gap-3">
          <TextField label={t("password.current")} name="currentPassword" type="password" required />
          <TextField label={t("password.new")} name="newPassword" type="password" required />
          <TextField label={t("password.confirm")} name="confirmation" type="password" required />
          <TextField label={t("codeOfApp")} name="code" required />
        </ActionForm>
        <p className="mt-2 text-slate-700">{t("password.othersEnded")}</p>
      </Section>
      <Section id="compte-second-facteur" title={t("secondFactor.title")}>
        <p>
          {account.person.totpEnabledAt ? t("secondFactor.configuredOn", { at: dateTime(account.person.totpEnabledAt) }) : t("secondFactor.none")}{" "}
          {t("secondFactor.newPhone")}
        </p>
        <TotpReenrolment />
      </Section>
      <Section id="compte-codes" title={t("recovery.title")}>
        <p>{t("recovery.left", { count: account.recoveryLeft })}</p>
        <RecoveryCodesRegeneration />
      </Section>
      <Section id="compte-connexions" title={t("signIns.title")}>
        {account.signIns.length === 0 ? (
          <p>{t("signIns.none")}</p>
        ) : (
          <EventsTable caption={t("signIns.caption")} lastColumn={t("signIns.address")} events={account.signIns.map((e) => ({ ...e, last: e.ip ?? "—" }))} />
        )}
        <p className="mt-2">
          {t("signIns.unknown")}{" "}
          <Link href="/sessions" className="text-brand-700 underline">
            {t("signIns.mySessions", { count: account.activeSessions })}
          </Link>
        </p>
      </Section>
    </div>
  );
}
