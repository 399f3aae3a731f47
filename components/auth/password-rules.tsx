import { getTranslations } from "next-intl/server";

import { PASSWORD_MIN_LENGTH, PASSWORD_RULES } from "@/lib/auth/password-policy";

/** The password rules (lib/auth/password-policy.ts), as every form that sets a password lists them. */
export async function PasswordRules({ className = "mt-3 list-disc pl-5 text-sm", labelled = true }: { className?: string; labelled?: boolean }) {
  const t = await getTranslations("auth.password");
  return (
    <ul className={className} aria-label={labelled ? t("rulesLabel") : undefined}>
      {PASSWORD_RULES.map((r) => (
        <li key={r.id}>{t(`rules.${r.id}`, { min: PASSWORD_MIN_LENGTH })}</li>
      ))}
    </ul>
  );
}
