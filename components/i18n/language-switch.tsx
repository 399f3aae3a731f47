import { getLocale, getTranslations } from "next-intl/server";

import { changeLanguageAction, chooseLanguageAction } from "@/app/langue/actions";
import { LOCALE_NAMES, LOCALE_TAGS, LOCALES } from "@/lib/i18n/locales";

/**
 * « Français | Nederlands »: one submit button per language, each named in its own language and
 * marked with its `lang` (screen readers pronounce it right). A plain form: it works without
 * JavaScript, and the page is rendered again in the chosen language at the same address.
 * `account`: the signed-in person's switch, which changes the account's setting.
 */
export async function LanguageSwitch({ account = false, className = "" }: { account?: boolean; className?: string }) {
  const [tag, t] = await Promise.all([getLocale(), getTranslations("common")]);
  // A form's action may return anything; React ignores the state a plain <form> gets back.
  const action = (account ? changeLanguageAction : chooseLanguageAction) as unknown as (form: FormData) => Promise<void>;
  return (
    <form action={action} className={`flex items-center gap-1 text-sm ${className}`} aria-label={t("languageSwitch")}>
      {LOCALES.map((locale, i) => {
        const current = LOCALE_TAGS[locale] === tag;
        return (
          <span key={locale} className="flex items-center gap-1">
            {i > 0 && (
              <span aria-hidden="true" className="text-slate-400">
                |
              </span>
            )}
            <button
              type="submit"
              name="language"
              value={locale}
              lang={LOCALE_TAGS[locale]}
              aria-current={current ? "true" : undefined}
              disabled={current}
              className={current ? "font-semibold text-slate-900" : "text-brand-700 underline underline-offset-4 hover:no-underline"}
            >
              {LOCALE_NAMES[locale]}
            </button>
          </span>
        );
      })}
    </form>
  );
}
