import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";

import { TableHead } from "@/components/ui/table-head";
import { getActor } from "@/lib/auth/get-actor";
import { isAppError } from "@/lib/errors/app-error";
import { listMailFailures } from "@/lib/outbox/list-mail-failures";

export const metadata: Metadata = { title: "Courriels non envoyés" };

const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Brussels" });

export default async function MailFailuresPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const data = await listMailFailures(actor).catch((e: unknown) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  return (
    <section aria-labelledby="echecs-titre" className="space-y-4">
      <h1 id="echecs-titre" className="text-2xl font-semibold">
        Courriels non envoyés
      </h1>
      <p className="text-sm text-slate-700">
        Les courriels du portail pour votre centre que le serveur de messagerie a refusés, ou qui n&apos;ont pu partir après environ 16 heures d&apos;essais.
        Seuls l&apos;adresse, l&apos;objet et la réponse du serveur sont conservés : le contenu (qui peut contenir un lien d&apos;activation) est effacé. Une
        invitation ou une réinitialisation peut être demandée à nouveau.
      </p>
      {data.waitingOverAnHour > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="courriels-en-attente">
          {data.waitingOverAnHour} courriel(s) attendent depuis plus d&apos;une heure : le serveur de messagerie est peut-être indisponible. Ils partiront dès
          son retour.
        </p>
      )}
      {data.failed.length === 0 ? (
        <p data-testid="aucun-echec">Aucun courriel en échec.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Courriels en échec</caption>
          <TableHead columns={["Date", "Destinataire", "Objet", "Essais", "Réponse du serveur"]} />
          <tbody>
            {data.failed.map((m) => (
              <tr key={m.id} className="border-b border-slate-100 align-top" data-testid="courriel-echec">
                <td className="py-2">{m.failedAt ? dateFr.format(m.failedAt) : ""}</td>
                <td>{m.toAddress}</td>
                <td>{m.subject}</td>
                <td>{m.attempts}</td>
                <td className="break-all">{m.smtpResponse}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
