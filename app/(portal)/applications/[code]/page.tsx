import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { APPLICATION_AREAS } from "@/lib/access/application-areas";
import { canAnywhere } from "@/lib/access/can";
import { getActor } from "@/lib/auth/get-actor";

export const metadata: Metadata = { title: "Application" };

/**
 * An application area opens only to holders of its right in the actor's entity, checked on every
 * request from the rights in force now: a revoked or expired right closes it at the next request.
 */
export default async function ApplicationPage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const { code } = await params;
  const area = Object.hasOwn(APPLICATION_AREAS, code) ? APPLICATION_AREAS[code as keyof typeof APPLICATION_AREAS] : null;
  if (!area || !canAnywhere(actor, area.action)) notFound();
  if ("href" in area) redirect(area.href);
  return (
    <div className="space-y-4" data-testid={`application-${code}`}>
      <h1 className="text-2xl font-semibold">{area.title}</h1>
      <p>{area.description}</p>
      <p className="text-sm text-slate-700">
        Accès accordé par vos droits dans {actor.entityKind === "CPAS" ? "votre centre" : "votre organisation"}. L&apos;application elle-même est fournie par
        son gestionnaire (SPP Intégration sociale, BCSS) ; ce portail en contrôle l&apos;accès.
      </p>
    </div>
  );
}
