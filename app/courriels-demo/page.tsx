import type { Metadata } from "next";
import { notFound } from "next/navigation";

import { listDemoMailbox } from "@/lib/outbox/demo-mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Boîte de démonstration" };

const dateFr = new Intl.DateTimeFormat("fr-BE", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Brussels" });

// Turns the portal's own paths in a mail's text into links (the text is shown as is, never as HTML).
function withLinks(text: string) {
  return text.split(/(\s+)/).map((part, i) =>
    /^\/[\w\-/%.]+$/.test(part) ? (
      <a key={i} href={part} className="text-brand-700 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export default async function DemoMailboxPage() {
  const mails = await listDemoMailbox();
  if (!mails) notFound();
  return (
    <main id="contenu" className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold">Boîte de démonstration</h1>
      <p className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
        Démonstration seulement : aucun serveur de messagerie n&apos;est configuré (SMTP_URL), les courriels du portail restent dans sa boîte d&apos;envoi et
        s&apos;affichent ici. Cette page n&apos;existe pas sur une base PostgreSQL ni quand l&apos;envoi est configuré.
      </p>
      {mails.length === 0 && <p className="mt-6">Aucun courriel pour l&apos;instant.</p>}
      <ul className="mt-6 space-y-6">
        {mails.map((m) => (
          <li key={m.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="courriel-demo">
            <p className="text-sm text-slate-700">
              {dateFr.format(m.createdAt)} — à <strong>{m.to}</strong>
            </p>
            <h2 className="mt-1 font-semibold">{m.subject}</h2>
            <pre className="mt-3 whitespace-pre-wrap break-words font-sans text-sm">{withLinks(m.text)}</pre>
          </li>
        ))}
      </ul>
    </main>
  );
}
