import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { IdleWatcher } from "@/components/auth/idle-watcher";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { navigationFor } from "@/lib/access/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { countUnread } from "@/lib/notifications/list-inbox";
import { pendingUsagePolicy } from "@/lib/security/usage-policy";

// Per-request pages: sessions, CSP nonce.
export const dynamic = "force-dynamic";

// Every page below needs a valid server-side session; the proxy only checked the cookie's signature.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  // Seed 002: the DPD's usage policy is accepted before any portal page (each new version too).
  if (await pendingUsagePolicy(actor)) redirect("/politique-utilisation");
  const items = navigationFor(actor);
  const unread = items.some((i) => i.href === "/messages") ? await countUnread({ actor }) : 0;
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-sm font-semibold text-brand-700">Portail CPAS</p>
            <p className="text-xs text-slate-600">{actor.entityName}</p>
          </div>
          <nav aria-label="Navigation principale" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {items.map((item) => (
              <Link key={item.href} href={item.href} className="text-brand-700 underline-offset-4 hover:underline">
                {item.label}
                {item.href === "/messages" && unread > 0 && (
                  <span className="ml-1 inline-block rounded-full bg-red-700 px-2 text-xs font-semibold text-white" data-testid="messages-non-lus">
                    {unread > 99 ? "99+" : unread}
                    <span className="sr-only"> {unread === 1 ? "non lu" : "non lus"}</span>
                  </span>
                )}
              </Link>
            ))}
            <span className="text-slate-700" data-testid="utilisateur-connecte">
              {actor.firstName} {actor.lastName}
            </span>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <IdleWatcher idleSeconds={actor.sessionIdleSeconds} />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
