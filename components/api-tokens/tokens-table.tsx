import { TableHead } from "@/components/ui/table-head";
import { ActionForm } from "@/components/ui/action-form";
import type { MyApiToken } from "@/lib/api-tokens";
import type { ActionState } from "@/lib/http/server-action";

const timeFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" });
const when = (d: Date | null) => (d ? timeFr.format(d) : "—");

export function TokensTable({
  tokens,
  revokeAction,
}: {
  tokens: MyApiToken[];
  revokeAction: (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>;
}) {
  if (tokens.length === 0) return <p className="text-sm text-slate-700">Vous n&apos;avez encore créé aucun jeton.</p>;
  return (
    <table className="w-full bg-white text-left text-sm" data-testid="mes-jetons">
      <caption className="sr-only">Vos jetons d&apos;API</caption>
      <TableHead columns={["Nom", "Créé le", "Dernière utilisation", "État", "Action"]} />
      <tbody>
        {tokens.map((t) => (
          <tr key={t.id} className="border-b border-slate-100 align-middle" data-testid="jeton">
            <td className="py-2 font-medium">{t.name}</td>
            <td>{when(t.createdAt)}</td>
            <td>{when(t.lastUsedAt)}</td>
            <td data-testid="etat-jeton">{t.revokedAt ? `Révoqué le ${when(t.revokedAt)}` : "Actif"}</td>
            <td>
              {!t.revokedAt && (
                <ActionForm action={revokeAction} submitLabel="Révoquer" variant="danger" label={`Révoquer le jeton ${t.name}`}>
                  <input type="hidden" name="tokenId" value={t.id} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
