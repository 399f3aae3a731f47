import { useTranslations } from "next-intl";

import { ActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/http/server-action";

const CHOICES = ["IMMEDIATE", "DIGEST", "OFF"] as const;

/** One radio group per work notification (issue 12). */
export function MailPreferencesForm({
  action,
  kinds,
  preferences,
}: {
  action: (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>;
  kinds: Record<string, string>;
  preferences: Record<string, string>;
}) {
  const t = useTranslations("mail.preferences");
  return (
    <ActionForm action={action} submitLabel={t("save")} label={t("formLabel")} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
      {Object.entries(kinds).map(([kind, label]) => (
        <fieldset key={kind} className="text-sm">
          <legend className="font-medium">{label}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {CHOICES.map((c) => (
              <label key={c} className="flex items-center gap-1">
                <input type="radio" name={kind} value={c} defaultChecked={preferences[kind] === c} />
                {t(`delivery.${c}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </ActionForm>
  );
}
