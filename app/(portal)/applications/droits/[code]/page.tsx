import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { rightOfSlug, rightsThatCount } from "@/lib/access/application-areas";
import { getActor } from "@/lib/auth/get-actor";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access.application");
  return { title: t("metaTitle") };
}

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
  const t = await getTranslations("access");
  const rightName = t(`rights.${right.code}.name`);
  const rightDescription = t(`rights.${right.code}.description`);
  return (
    <div className="space-y-4" data-testid={`application-droit-${(await params).code}`}>
      <h1 className="text-2xl font-semibold">{right.app ? t(`applications.${right.app}.name`) : rightName}</h1>
      <p>{right.app ? t(`applications.${right.app}.description`) : rightDescription}</p>
      <p>{t.rich("application.yourRight", { name: rightName, description: rightDescription, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <p className="text-sm text-slate-700">{t("application.hostedElsewhere")}</p>
    </div>
  );
}
