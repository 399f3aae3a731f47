import { getTranslations } from "next-intl/server";

import { ActionForm, TextField } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/http/server-action";

export async function EndPersonSessionsForm({ action }: { action: (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>> }) {
  const t = await getTranslations("securityLog.sessionsTable");
  return (
    <ActionForm action={action} submitLabel={t("endAll")} variant="danger" label={t("endAllLabel")}>
      <TextField label={t("personEmail")} name="personEmail" type="email" required />
    </ActionForm>
  );
}
