import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { rightOfSlug, rightsThatCount } from "@/lib/access/application-areas";
import { APPLICATIONS } from "@/lib/access/catalogue";
import { getActor } from "@/lib/auth/get-actor";

export const metadata: Metadata = { title: "Application" };

/**
 * An application hosted by its owner (SPP IS, BCSS, SPF…) that a right of the person opens
 * (issue 11: « Mes applications » showed these as a sentence without a link). Shown only to a
 * holder of the right where it counts; anyone else gets « page introuvable ».
 */
export default async function PartnerApplicationPage({ params }: { params: Promise<{ code: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const right = rightOfSlug((await params).code);
  if (!right || !rightsThatCount(actor).includes(right.code)) notFound();
  const application = APPLICATIONS.find((a) => a.code === right.app);
  return (
    <div className="space-y-4" data-testid={`application-droit-${(await params).code}`}>
      <h1 className="text-2xl font-semibold">{application?.name ?? right.name}</h1>
      <p>{application?.description ?? right.description}</p>
      <p>
        Votre droit : <strong>{right.name}</strong> — {right.description}
      </p>
      <p className="text-sm text-slate-700">
        Cette application est fournie par son gestionnaire (SPP Intégration sociale, BCSS…) sur le portail de la sécurité sociale ; ce portail en contrôle
        l&apos;accès. Pour un problème d&apos;accès, adressez-vous au gestionnaire local de votre qualité.
      </p>
    </div>
  );
}
