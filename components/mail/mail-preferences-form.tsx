import { ActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/http/server-action";

const CHOICES = [
  { value: "IMMEDIATE", label: "Tout de suite" },
  { value: "DIGEST", label: "Résumé quotidien" },
  { value: "OFF", label: "Jamais" },
] as const;

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
  return (
    <ActionForm
      action={action}
      submitLabel="Enregistrer"
      label="Préférences de notification"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-6"
    >
      {Object.entries(kinds).map(([kind, label]) => (
        <fieldset key={kind} className="text-sm">
          <legend className="font-medium">{label}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {CHOICES.map((c) => (
              <label key={c.value} className="flex items-center gap-1">
                <input type="radio" name={kind} value={c.value} defaultChecked={preferences[kind] === c.value} />
                {c.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </ActionForm>
  );
}
