import { useTranslations } from "next-intl";

import { resetSecondFactorAction } from "@/app/(portal)/second-facteur/actions";
import { ManagementForm } from "@/components/access/management-form";

/**
 * « Téléphone perdu » (issue 12): resets a person's second factor. Shown to their managers; the
 * server decides (the person's managers who stand above them, lib/auth/reset-second-factor.ts).
 */
export function ResetSecondFactorButton({ person }: { person: { id: string; firstName: string; lastName: string } }) {
  const t = useTranslations("access.users");
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <ManagementForm
      action={resetSecondFactorAction}
      submitLabel={t("resetSecondFactor")}
      variant="secondary"
      label={t("resetSecondFactorLabel", { name })}
      confirm={t("resetSecondFactorConfirm", { name })}
    >
      <input type="hidden" name="personId" value={person.id} />
    </ManagementForm>
  );
}
