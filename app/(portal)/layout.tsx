import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";

import { IdleWatcher } from "@/components/auth/idle-watcher";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { navigationFor } from "@/lib/access/navigation";
import { getActor } from "@/lib/auth/get-actor";
import { pendingUsagePolicy } from "@/lib/security/usage-policy";
import { db } from "@/lib/db/client";

// Per-request pages: sessions, CSP nonce.
export const dynamic = "force-dynamic";

// Every page below needs a valid server-side session; the proxy only checked the cookie's signature.
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  // Seed 002: the DPD's usage policy is accepted before any portal page (each new version too).
  if (await pendingUsagePolicy(actor)) redirect("/politique-utilisation");
  const entity = await db.entity.findUniqueOrThrow({ where: { id: actor.entityId }, select: { name: true, sessionIdleSeconds: true } });
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div>
            <p className="text-sm font-semibold text-brand-700">Portail CPAS</p>
            <p className="text-xs text-slate-600">{entity.name}</p>
          </div>
          <nav aria-label="Navigation principale" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
            {navigationFor(actor).map((item) => (
              <Link key={item.href} href={item.href} className="text-brand-700 underline-offset-4 hover:underline">
                {item.label}
              </Link>
            ))}
            <span className="text-slate-700" data-testid="utilisateur-connecte">
              {actor.firstName} {actor.lastName}
            </span>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <IdleWatcher idleSeconds={entity.sessionIdleSeconds} />
      <main id="contenu" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </div>
  );
}
