import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { APPLICATION_AREAS, areaKey } from "@/lib/access/application-areas";
import { canAnywhere } from "@/lib/access/can";
import { getActor } from "@/lib/auth/get-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access.application");
  return { title: t("metaTitle") };
}

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
  const t = await getTranslations("access");
  const key = areaKey(code as keyof typeof APPLICATION_AREAS);
  return (
    <div className="space-y-4" data-testid={`application-${code}`}>
      <h1 className="text-2xl font-semibold">{t(`areas.${key}.title`)}</h1>
      <p>{t(`areas.${key}.description`)}</p>
      <p className="text-sm text-slate-700">{t("application.grantedBy", { kind: actor.entityKind })}</p>
    </div>
  );
}
