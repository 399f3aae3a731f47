import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";

import { TableHead } from "@/components/ui/table-head";
import { getActor } from "@/lib/auth/get-actor";
import { isAppError } from "@/lib/errors/app-error";
import { listMailFailures } from "@/lib/outbox/list-mail-failures";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("mail.failures");
  return { title: t("title") };
}

export default async function MailFailuresPage() {
  const actor = await getActor();
  if (!actor) redirect("/login?raison=expiree");
  const data = await listMailFailures(actor).catch((e: unknown) => {
    if (isAppError(e)) notFound();
    throw e;
  });
  const [t, format] = await Promise.all([getTranslations("mail.failures"), getFormatter()]);
  return (
    <section aria-labelledby="echecs-titre" className="space-y-4">
      <h1 id="echecs-titre" className="text-2xl font-semibold">
        {t("title")}
      </h1>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      {data.waitingOverAnHour > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900" data-testid="courriels-en-attente">
          {t("waiting", { count: data.waitingOverAnHour })}
        </p>
      )}
      {data.failed.length === 0 ? (
        <p data-testid="aucun-echec">{t("none")}</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <TableHead columns={[t("colDate"), t("colTo"), t("colSubject"), t("colAttempts"), t("colResponse")]} />
          <tbody>
            {data.failed.map((m) => (
              <tr key={m.id} className="border-b border-slate-100 align-top" data-testid="courriel-echec">
                <td className="py-2">{m.failedAt ? format.dateTime(m.failedAt, { dateStyle: "short", timeStyle: "short" }) : ""}</td>
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
