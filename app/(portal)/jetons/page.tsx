import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";

import { CreateTokenForm } from "@/components/api-tokens/create-token-form";
import { TokensTable } from "@/components/api-tokens/tokens-table";
import { canAnywhere } from "@/lib/access/can";
import { listMyApiTokens } from "@/lib/api-tokens";
import { TOKEN_PREFIX } from "@/lib/api-tokens/token-format";
import { getActor } from "@/lib/auth/get-actor";

import { createApiTokenAction, resumeApiTokenAction, revokeApiTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("apiTokens");
  return { title: t("title") };
}

export default async function ApiTokensPage({ searchParams }: { searchParams: Promise<{ revoque?: string; reactive?: string }> }) {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const canCreate = canAnywhere(actor, "app.c607.api_token");
  const [tokens, params, t] = await Promise.all([listMyApiTokens(actor), searchParams, getTranslations("apiTokens")]);
  // Technical users only; someone who lost the role still sees (and can revoke) what they own.
  if (!canCreate && tokens.length === 0) notFound();
  const hasC607 = canAnywhere(actor, "app.c607");
  return (
    <div className="space-y-8">
      <section aria-labelledby="jetons" className="space-y-3">
        <h1 id="jetons" className="text-2xl font-semibold">
          {t("title")}
        </h1>
        <p className="text-sm text-slate-700">
          {t.rich("intro", {
            header: `Authorization: Bearer ${TOKEN_PREFIX}…`,
            code: (chunks) => <code className="font-mono text-xs">{chunks}</code>,
            em: (chunks) => <em>{chunks}</em>,
          })}
        </p>
        {!hasC607 && (
          <p role="note" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            {t.rich("noC607", { em: (chunks) => <em>{chunks}</em> })}
          </p>
        )}
        {params.reactive === "1" && (
          <p role="status" data-testid="confirmation" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
            {t("resumed")}
          </p>
        )}
        {params.revoque === "1" && (
          <p role="status" data-testid="confirmation" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
            {t("revoked")}
          </p>
        )}
      </section>
      {canCreate && (
        <section aria-labelledby="nouveau" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
          <h2 id="nouveau" className="text-lg font-semibold">
            {t("new")}
          </h2>
          <CreateTokenForm action={createApiTokenAction} />
        </section>
      )}
      <section aria-labelledby="liste" className="space-y-3">
        <h2 id="liste" className="text-lg font-semibold">
          {t("mine")}
        </h2>
        <TokensTable tokens={tokens} revokeAction={revokeApiTokenAction} resumeAction={resumeApiTokenAction} />
      </section>
    </div>
  );
}
