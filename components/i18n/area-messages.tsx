import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";

import { AREA_CLIENT_NAMESPACES, type ClientArea, pickMessages, SHARED_CLIENT_NAMESPACES } from "@/lib/i18n/client-messages";

/**
 * The catalogue's part the browser needs: every page's shared namespaces, plus the area's own when
 * `area` is given (its folder's layout). Locale, time zone and formats come from the request, as
 * with the root provider (lib/i18n/client-messages.ts says why not the whole catalogue).
 */
export async function ClientMessages({ area, children }: { area?: ClientArea; children: ReactNode }) {
  const messages = await getMessages();
  const namespaces = area ? [...SHARED_CLIENT_NAMESPACES, ...AREA_CLIENT_NAMESPACES[area]] : SHARED_CLIENT_NAMESPACES;
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
