import { getRequestConfig } from "next-intl/server";

import { LOCALE_TAGS, TIME_ZONE } from "./locales";
import { messagesFor } from "./messages";
import { requestLocale } from "./request-locale";
import { FORMATS } from "./translator";

// next-intl's request configuration (without i18n routing: URLs carry no language, so every
// bookmarked address keeps working). The language comes from the cookie that mirrors the account's
// setting (written at sign-in and when the person changes it) or from the visible switch on the
// anonymous pages, else from Accept-Language, else French.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale: LOCALE_TAGS[locale], messages: messagesFor(locale), timeZone: TIME_ZONE, formats: FORMATS };
});
