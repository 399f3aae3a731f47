import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { setBlockedAction } from "@/app/(portal)/gestion/actions";
import { ManagementForm, ManagementNotices } from "@/components/access/management-form";
import { ResetSecondFactorButton } from "@/components/access/reset-second-factor-button";
import { PersonDetail } from "@/components/access/person-detail";
import { loadPersonPage } from "@/lib/access/manage/load-person-page";
import { getActor } from "@/lib/auth/get-actor";
import { isAppError } from "@/lib/errors/app-error";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("access.person");
  return { title: t("metaTitle") };
}

/** A person of the centre, opened from the people search or a quality's users (issue 11). */
export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const data = await loadPersonPage(actor, (await params).id).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations("access");
  const { person } = data;
  const name = `${person.firstName} ${person.lastName}`;
  const isBlocked = person.status === "BLOCKED";
  return (
    <ManagementNotices>
      <p className="mb-4 text-sm">
        <Link href="/gestion" className="text-brand-700 underline">
          {t("person.back")}
        </Link>
      </p>
      <PersonDetail
        data={data}
        actions={
          data.isManagedAbove ? (
            // The commands would refuse for rank (lib/access/hierarchy.ts): say why instead of offering them.
            <p className="text-sm text-slate-700" data-testid="gere-au-dessus">
              {t("users.managedAbove")}
            </p>
          ) : (
            !data.isOwnPage &&
            person.status !== "INVITED" && (
              // Other actions on a person (e.g. resetting the second factor, issue 12) go next to this one.
              <>
                <ManagementForm
                  action={setBlockedAction}
                  submitLabel={isBlocked ? t("form.unblock") : t("form.block")}
                  variant="secondary"
                  label={t("form.blockPerson", { blocked: isBlocked ? "true" : "false", name })}
                  confirm={isBlocked ? t("person.unblockConfirm", { name }) : t("person.blockConfirm", { name })}
                >
                  <input type="hidden" name="personId" value={person.id} />
                  <input type="hidden" name="isBlocked" value={isBlocked ? "false" : "true"} />
                </ManagementForm>
                {person.status === "ACTIVE" && <ResetSecondFactorButton person={person} />}
              </>
            )
          )
        }
      />
    </ManagementNotices>
  );
}
