import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import { IdleWatcher } from "@/components/auth/idle-watcher";
import { UserMenu } from "@/components/auth/user-menu";
import { LanguageSwitch } from "@/components/i18n/language-switch";
import { NAV_GROUP_LABELS, navigationFor } from "@/lib/access/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { loadPortalFrame } from "@/lib/notifications/portal-frame";

// Per-request pages: sessions, CSP nonce.
export const dynamic = "force-dynamic";

// Every page below needs a valid server-side session; the proxy only checked the cookie's signature.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const items = navigationFor(actor);
  // One statement for the frame's lookups (issue 15: every page pays them).
  const [{ policyPending, unread }, t, tc] = await Promise.all([
    loadPortalFrame(actor, { withUnread: items.some((i) => i.href === "/messages") }),
    getTranslations("nav"),
    getTranslations("common"),
  ]);
  // Seed 002: the DPD's usage policy is accepted before any portal page (each new version too).
  if (policyPending) redirect("/politique-utilisation");
  const groups = (["portail", "applications", "securite"] as const)
    .map((g) => ({ group: g, label: t(NAV_GROUP_LABELS[g]), items: items.filter((i) => i.group === g) }))
    .filter((g) => g.items.length > 0);
  const own = items.filter((i) => i.group === "personnel").map(({ href, label }) => ({ href, label: t(label) }));
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        {/* In reading order the navigation comes before the user menu, which shows at the top right. */}
        <div className="mx-auto grid max-w-7xl grid-cols-[1fr_auto] items-center gap-x-3 gap-y-2 px-4 py-3">
          <div className="col-start-1 row-start-1">
            <p className="text-sm font-semibold text-brand-700">{tc("portalName")}</p>
            <p className="text-xs text-slate-600">{actor.entityName}</p>
          </div>
          <nav aria-label={t("mainNavigation")} className="col-span-2 row-start-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
            {groups.map((g) => (
              <ul
                key={g.group}
                aria-label={g.label}
                className="flex flex-wrap items-center gap-x-3 gap-y-1 border-slate-300 [&:not(:first-child)]:border-l [&:not(:first-child)]:pl-4"
              >
                {g.items.map((item) => (
                  <li key={item.href}>
                    <Link href={item.href} className="whitespace-nowrap text-brand-700 underline-offset-4 hover:underline">
                      {t(item.label)}
                      {item.href === "/messages" && unread > 0 && (
                        <span className="ml-1 inline-block rounded-full bg-red-700 px-2 text-xs font-semibold text-white" data-testid="messages-non-lus">
                          {unread > 99 ? "99+" : unread}
                          <span className="sr-only"> {t("unread", { count: unread })}</span>
                        </span>
                      )}
                    </Link>
                  </li>
                ))}
              </ul>
            ))}
          </nav>
          <div className="col-start-2 row-start-1 flex items-center gap-4">
            <LanguageSwitch account />
            <UserMenu name={`${actor.firstName} ${actor.lastName}`} links={own} />
          </div>
        </div>
      </header>
      <IdleWatcher idleSeconds={actor.sessionIdleSeconds} />
      <main id="contenu" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
