import { ActionForm, TextField } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/http/server-action";

export function EndPersonSessionsForm({ action }: { action: (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>> }) {
  return (
    <ActionForm action={action} submitLabel="Fermer toutes ses sessions" variant="danger" label="Fermer toutes les sessions d'une personne">
      <TextField label="Adresse e-mail de la personne" name="personEmail" type="email" required />
    </ActionForm>
  );
}
