import type { Metadata } from "next";

import { FileExchangeSendForm } from "@/components/forem/file-exchange-send-form";
import { FileExchangeTable } from "@/components/forem/file-exchange-table";
import { listFileExchange } from "@/lib/forem/fileexchange/list-files";
import { fileExchangePageActor } from "@/lib/forem/page-guard";

export const metadata: Metadata = { title: "FileExchange" };

export default async function FileExchangePage() {
  const actor = await fileExchangePageActor();
  const { partners, sent, received } = await listFileExchange({ actor });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">FileExchange</h1>
        <p className="mt-2 max-w-3xl text-sm text-slate-700">
          Échange de documents chiffrés avec les organisations partenaires du portail. Le portail ne reçoit et ne conserve que des fichiers déjà chiffrés : il
          ne peut pas les lire.
        </p>
      </div>
      <section aria-labelledby="envoyer-titre" className="space-y-3">
        <h2 id="envoyer-titre" className="text-lg font-semibold">
          Envoyer un document à un partenaire
        </h2>
        {partners.length > 0 ? (
          <FileExchangeSendForm partners={partners} />
        ) : (
          <p className="max-w-3xl text-sm text-slate-700" data-testid="aucun-partenaire">
            Aucune organisation partenaire n&apos;est autorisée pour votre centre. Le DPD choisit les destinataires possibles (page « Sécurité du centre »).
          </p>
        )}
        <p className="max-w-3xl text-xs text-slate-600">
          Destinataires possibles : les partenaires choisis par le DPD de votre centre. Les fichiers envoyés sont supprimés du portail à la fin du délai de
          conservation fixé par le DPD ; le registre garde leur trace.
        </p>
      </section>
      <section aria-labelledby="recus-titre" className="space-y-3">
        <h2 id="recus-titre" className="text-lg font-semibold">
          Documents reçus
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <FileExchangeTable rows={received} direction="recus" />
        </div>
      </section>
      <section aria-labelledby="envoyes-titre" className="space-y-3">
        <h2 id="envoyes-titre" className="text-lg font-semibold">
          Documents envoyés
        </h2>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <FileExchangeTable rows={sent} direction="envoyes" />
        </div>
      </section>
    </div>
  );
}
