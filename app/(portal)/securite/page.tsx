import type { Metadata } from "next";
import { Suspense } from "react";

import { ChainStatus } from "@/components/security/chain-status";
import { SecurityLogFiltersForm } from "@/components/security/security-log-filters";
import { SecurityLogTable } from "@/components/security/security-log-table";
import { ErrorAlert } from "@/components/ui/alert";
import { securityLogPageActor } from "@/lib/security-log/access";
import { loadSecurityLogPage } from "@/lib/security-log/load-security-log-page";
import { DownloadButton } from "@/components/ui/download-button";

export const metadata: Metadata = { title: "Journal de sécurité" };

type Params = Record<string, string | string[] | undefined>;

export default async function SecurityLogPage({ searchParams }: { searchParams: Promise<Params> }) {
  const actor = await securityLogPageActor();
  const view = await loadSecurityLogPage(actor, await searchParams);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Journal de sécurité</h1>
      <p className="text-sm text-slate-700">
        Connexions, échecs, verrouillages, violations de politique, changements de rôles et droits, exports et sessions de votre centre.
        {actor.isDpd && (
          <>
            {" "}
            Pour fermer toutes les sessions d&apos;une personne, voyez{" "}
            <a href="/sessions" className="text-brand-700 underline">
              Mes sessions
            </a>
            .
          </>
        )}
      </p>
      <Suspense fallback={<p className="text-sm text-slate-700">Vérification de la chaîne d&apos;audit…</p>}>
        <ChainStatus entityId={actor.entityId} />
      </Suspense>
      <SecurityLogFiltersForm values={view.values} />
      {!view.page ? (
        <ErrorAlert>{view.error}</ErrorAlert>
      ) : (
        <>
          <div className="text-sm">
            <DownloadButton action="/api/security-log/export" fields={view.exportFields} className="font-medium text-brand-700 underline">
              Exporter en CSV (Excel)
            </DownloadButton>{" "}
            <span className="text-slate-700">— mêmes filtres, 50 000 lignes au plus ; l&apos;export est inscrit au journal.</span>
          </div>
          <SecurityLogTable rows={view.page.rows} />
          <nav aria-label="Pages du journal" className="flex gap-4 text-sm">
            {view.newerHref && (
              <a href={view.newerHref} className="text-brand-700 underline">
                ← Plus récents
              </a>
            )}
            {view.olderHref && (
              <a href={view.olderHref} className="text-brand-700 underline">
                Plus anciens →
              </a>
            )}
          </nav>
        </>
      )}
    </div>
  );
}
