import { resetSecondFactorAction } from "@/app/(portal)/second-facteur/actions";
import { ManagementForm } from "@/components/access/management-form";

/**
 * « Téléphone perdu » (issue 12): resets a person's second factor. Shown to their managers; the
 * server decides (the person's managers who stand above them, lib/auth/reset-second-factor.ts).
 */
export function ResetSecondFactorButton({ person }: { person: { id: string; firstName: string; lastName: string } }) {
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <ManagementForm
      action={resetSecondFactorAction}
      submitLabel="Réinitialiser la double authentification"
      variant="secondary"
      label={`Réinitialiser la double authentification de ${name}`}
      confirm={`Réinitialiser la double authentification de ${name} ? Son application et ses codes de récupération ne fonctionneront plus ; ses sessions seront fermées et elle la configurera à sa prochaine connexion avec son mot de passe.`}
    >
      <input type="hidden" name="personId" value={person.id} />
    </ManagementForm>
  );
}
