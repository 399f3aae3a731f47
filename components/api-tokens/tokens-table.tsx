import { useFormatter, useTranslations } from "next-intl";

import { ActionForm } from "@/components/ui/action-form";
import { TableHead } from "@/components/ui/table-head";
import type { ApiTokenState, MyApiToken } from "@/lib/api-tokens";
import type { ActionState } from "@/lib/http/server-action";

type Action = (state: ActionState<unknown>, form: FormData) => Promise<ActionState<unknown>>;

/** The stored reasons are worded for sessions (and stored in French); said here of a token. */
const REASONS = {
  "fermée par le DPD": "endedByDpd",
  "compte bloqué": "accountBlocked",
  "compte verrouillé": "accountLocked",
} as const;

export function TokensTable({ tokens, revokeAction, resumeAction }: { tokens: MyApiToken[]; revokeAction: Action; resumeAction: Action }) {
  const t = useTranslations("apiTokens.table");
  const format = useFormatter();
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "short", timeStyle: "short" }) : "—");
  const why = (reason: string | null) => {
    if (!reason) return "";
    const key = Object.hasOwn(REASONS, reason) ? REASONS[reason as keyof typeof REASONS] : null;
    return ` (${key ? t(`reasons.${key}`) : reason})`;
  };
  /** The state in words, with its reason (issue 9: a suspended or revoked token says why). */
  const describeState = (s: ApiTokenState): string => {
    if (s.kind === "revoked") return t("revokedOn", { at: when(s.at), why: why(s.reason) });
    if (s.kind === "suspended") {
      return s.until ? t("suspendedUntil", { at: when(s.until), why: why(s.reason) }) : t("suspendedSince", { at: when(s.since), why: why(s.reason) });
    }
    return t("active");
  };
  if (tokens.length === 0) return <p className="text-sm text-slate-700">{t("none")}</p>;
  return (
    <table className="w-full bg-white text-left text-sm" data-testid="mes-jetons">
      <caption className="sr-only">{t("caption")}</caption>
      <TableHead columns={[t("colName"), t("colCreated"), t("colLastUsed"), t("colState"), t("colAction")]} />
      <tbody>
        {tokens.map((tk) => (
          <tr key={tk.id} className="border-b border-slate-100 align-middle" data-testid="jeton">
            <td className="py-2 font-medium">{tk.name}</td>
            <td>{when(tk.createdAt)}</td>
            <td>{when(tk.lastUsedAt)}</td>
            <td data-testid="etat-jeton">{describeState(tk.state)}</td>
            <td className="space-y-1">
              {tk.state.kind === "suspended" && tk.state.until === null && (
                <ActionForm action={resumeAction} submitLabel={t("resume")} variant="secondary" label={t("resumeLabel", { name: tk.name })}>
                  <input type="hidden" name="tokenId" value={tk.id} />
                </ActionForm>
              )}
              {tk.state.kind !== "revoked" && (
                <ActionForm action={revokeAction} submitLabel={t("revoke")} variant="danger" label={t("revokeLabel", { name: tk.name })}>
                  <input type="hidden" name="tokenId" value={tk.id} />
                </ActionForm>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
