import { TableHead } from "@/components/ui/table-head";
import { ActionForm } from "@/components/ui/action-form";
import type { ApiTokenState, MyApiToken } from "@/lib/api-tokens";
import type { ActionState } from "@/lib/http/server-action";

const timeFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" });
const when = (d: Date | null) => (d ? timeFr.format(d) : "—");

type Action = (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>;

/** The stored reasons are worded for sessions; said here of a token. */
const REASONS: Record<string, string> = {
  "fermée par le DPD": "le DPD a fermé toutes vos sessions",
  "compte bloqué": "votre compte est bloqué",
  "compte verrouillé": "votre compte est verrouillé après des échecs de connexion",
};

/** The state in words, with its reason (issue 9: a suspended or revoked token says why). */
function describeState(s: ApiTokenState): string {
  const why = (reason: string | null) => (reason ? ` (${REASONS[reason] ?? reason})` : "");
  if (s.kind === "revoked") return `Révoqué le ${when(s.at)}${why(s.reason)}`;
  if (s.kind === "suspended") {
    return s.until
      ? `Suspendu jusqu'au ${when(s.until)}${why(s.reason)}`
      : `Suspendu depuis le ${when(s.since)}${why(s.reason)} : réactivez-le si vous le reconnaissez, sinon révoquez-le`;
  }
  return "Actif";
}

export function TokensTable({ tokens, revokeAction, resumeAction }: { tokens: MyApiToken[]; revokeAction: Action; resumeAction: Action }) {
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
            <td data-testid="etat-jeton">{describeState(t.state)}</td>
            <td className="space-y-1">
              {t.state.kind === "suspended" && t.state.until === null && (
                <ActionForm action={resumeAction} submitLabel="Réactiver" variant="secondary" label={`Réactiver le jeton ${t.name}`}>
                  <input type="hidden" name="tokenId" value={t.id} />
                </ActionForm>
              )}
              {t.state.kind !== "revoked" && (
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
